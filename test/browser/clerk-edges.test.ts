import { readFileSync } from 'node:fs';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Api,
  DEMO_PASSWORD,
  expectAccessible,
  openConsole,
  sendDown,
  signInAs,
  startConsoleWorld,
  type ConsoleWorld,
} from './harness.js';

const PDF = readFileSync(new URL('../fixtures/pdf/two-page-letter.pdf', import.meta.url));

let world: ConsoleWorld;
let selaphumId: string;
let mueangId: string;
const TOWN_LETTER = 'ขอเชิญประชุมคณะกรรมการจัดงานประเพณี';

beforeAll(async () => {
  world = await startConsoleWorld(async (base) => {
    const governor = await Api.signIn(base, 'governor.roiet');
    const office = await Api.signIn(base, 'clerk.office');
    const selaphum = await Api.signIn(base, 'clerk.selaphum');
    selaphumId = await selaphum.unitId();
    await sendDown(
      governor,
      await office.unitId(),
      [
        { subject: 'แจ้งแผนการฝึกซ้อมป้องกันภัย', speed: 'urgent' },
        { subject: 'ขอข้อมูลบุคลากรประจำปี', speed: 'none' },
      ],
      PDF,
    );
    await sendDown(governor, selaphumId, [{ subject: 'หนังสือถึงอำเภอเสลภูมิ', speed: 'none' }], PDF);
    const mueang = await Api.signIn(base, 'clerk.mueang');
    mueangId = await mueang.unitId();
    await sendDown(governor, mueangId, [{ subject: 'หนังสือถึงอำเภอเมืองร้อยเอ็ด', speed: 'none' }], PDF);
    const town = await Api.signIn(base, 'clerk.town');
    await sendDown(governor, await town.unitId(), [{ subject: TOWN_LETTER, speed: 'urgent' }], PDF);
  });
});

afterAll(async () => {
  await world?.close();
});

async function count(sql: string, params: unknown[] = []): Promise<number> {
  return (await world.db.query<{ n: number }>(sql, params)).rows[0].n;
}

function refreshes(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/auth/refresh')) seen.push(request);
  });
  return seen;
}

async function openBook(page: Page, name: string): Promise<string> {
  await page.getByRole('link', { name: 'ทะเบียน', exact: true }).click();
  await page.getByRole('link', { name }).click();
  await page.waitForURL(/\/registers\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${name} — `) }).waitFor();
  return new URL(page.url()).pathname;
}

interface Focused {
  tag: string;
  name: string;
  visible: boolean;
  inDialog: boolean;
}

/** What has the keyboard focus: its accessible name (near enough) and whether focus shows. */
function focused(page: Page): Promise<Focused> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  return page.evaluate<Focused>(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) {
      return { tag: 'body', name: '', visible: false, inDialog: false };
    }
    const labelled = element.labels && element.labels[0] ? element.labels[0].textContent : null;
    const name = element.getAttribute('aria-label') ?? labelled ?? element.textContent ?? '';
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      name: name.trim(),
      visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      inDialog: element.closest('dialog') !== null,
    };
  })()`);
}

/** Presses Tab (or Shift+Tab) until the control named `name` has the focus, which must show. */
async function tabTo(page: Page, name: string | RegExp, key = 'Tab'): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    if (typeof name === 'string' ? now.name === name : name.test(now.name)) {
      expect(now.visible, `focus shows on ${now.name}`).toBe(true);
      return;
    }
  }
  throw new Error(`${String(name)} never took the focus`);
}

describe('the console when things go wrong', () => {
  it('ends a revoked session after one refresh and brings the clerk back to the same book', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.office');
    const book = await openBook(page, 'ทะเบียนหนังสือรับ');
    const tries = refreshes(page);

    // The session ends on the server (signed out elsewhere, or expired) while the book is open.
    await world.db.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = 'clerk.office')`,
    );
    await page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe(book);
    expect(tries).toHaveLength(1);
    await page.getByText('หมดเวลาการเข้าสู่ระบบ กรุณาเข้าสู่ระบบอีกครั้ง').waitFor();
    await expectAccessible(page, 'edges-01-session-ended');

    await page.getByLabel('ชื่อผู้ใช้').fill('clerk.office');
    await page.getByLabel('รหัสผ่าน').fill('saraban-demo-2569');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL((url) => url.pathname === book);
    await page.getByRole('heading', { level: 2, name: /^ทะเบียนหนังสือรับ — / }).waitFor();
    expect(tries).toHaveLength(1);
    await context.close();
  });

  it('leaves nothing of an ended session to the next person who signs in', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.office');
    const header = page.locator('header');
    await header.getByText('นางสมใจ ใจดี').waitFor();
    await openBook(page, 'ทะเบียนหนังสือรับ');
    await world.db.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE username = 'clerk.office')`,
    );
    await page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click();
    await page.waitForURL((url) => url.pathname === '/signin');
    // Another clerk at the same desk, in the same page: the first one's name, units and
    // registers are gone with the first one's session.
    await page.getByLabel('ชื่อผู้ใช้').fill('clerk.strategy');
    await page.getByLabel('รหัสผ่าน').fill('saraban-demo-2569');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL((url) => url.pathname !== '/signin');
    // Cached answers would show the first clerk for their 15 s of freshness.
    await header.getByText('นายวิชัย ทองดี').waitFor({ timeout: 10_000 });
    expect(await header.innerText()).not.toContain('นางสมใจ ใจดี');
    await context.close();
  });

  it('refreshes an expired access token without the clerk noticing', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.office');
    const tries = refreshes(page);
    const tokens: string[] = [];
    // The first book request answers as the API does for an expired access token.
    let expired = false;
    await page.route('**/api/v1/registers/*/book**', async (route) => {
      tokens.push(route.request().headers()['authorization'] ?? '');
      if (expired) return route.fallback();
      expired = true;
      return route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 401, code: 'TOKEN_EXPIRED', detail: 'โทเคนหมดอายุ' }),
      });
    });
    const book = await openBook(page, 'ทะเบียนหนังสือรับ');
    expect(new URL(page.url()).pathname).toBe(book);
    expect(tries).toHaveLength(1);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).toMatch(/^Bearer /);
    expect(tokens[1]).not.toBe(tokens[0]);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('keeps what was typed through a network failure and records the letter once', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.office');
    await page.getByRole('link', { name: 'รับหนังสือ' }).click();
    const subject = 'ขอความร่วมมือสำรวจข้อมูลครัวเรือน';
    const typed: [string, string][] = [
      ['เรื่อง', subject],
      ['ที่ (เลขที่หนังสือ)', 'รอ ๐๐๑๗.๒/๕๕'],
      ['ลงวันที่', '๑ ธันวาคม ๒๕๖๙'],
      ['ส่วนราชการเจ้าของเรื่อง', 'กลุ่มงานอำนวยการ'],
    ];
    for (const [label, value] of typed) await page.getByLabel(label, { exact: true }).fill(value);

    // The letter reaches the API but its answer is lost on the way back.
    await page.route('**/api/v1/letters', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).click();
    await page.getByRole('alert').filter({ hasText: 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้' }).waitFor();
    for (const [label, value] of typed) {
      expect(await page.getByLabel(label, { exact: true }).inputValue()).toBe(value);
    }
    await expectAccessible(page, 'edges-02-intake-offline');

    await page.unroute('**/api/v1/letters');
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).click();
    const status = page.getByRole('status').filter({ hasText: 'เลขรับ' });
    await status.waitFor();
    const letters = await world.db.query<{ id: string; owner_unit: string }>(
      'SELECT id, owner_unit FROM letters WHERE subject = $1',
      [subject],
    );
    expect(letters.rows).toHaveLength(1);
    expect(letters.rows[0].owner_unit).toBe('กลุ่มงานอำนวยการ');
    expect(
      await count('SELECT count(*)::int AS n FROM register_entries WHERE letter_id = $1', [
        letters.rows[0].id,
      ]),
    ).toBe(1);
    await context.close();
  });

  it('shows a refused field beside the field, and a refused letter on the page', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.office');
    await page.getByRole('link', { name: 'รับหนังสือ' }).click();
    await page.getByLabel('เรื่อง', { exact: true }).fill('หนังสือที่กรอกผิด');
    const date = page.getByLabel('ลงวันที่');
    await date.fill('๓๒ มกราคม ๒๕๖๙');
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).click();
    const dateError = page.locator('#intake-letterDate-error');
    await dateError.waitFor();
    expect(await dateError.textContent()).toMatch(/[ก-๙]/);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await date.getAttribute('aria-describedby')).toContain('intake-letterDate-error');
    expect(await page.getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'edges-03-intake-field-error');

    await date.fill('๓๑ มกราคม ๒๕๖๙');
    const reference = page.getByLabel('ที่ (เลขที่หนังสือ)');
    await reference.fill('ไม่ใช่เลขที่หนังสือ');
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).click();
    await page.locator('#intake-referenceNumber-error').waitFor();
    expect(await page.locator('#intake-letterDate-error').count()).toBe(0);
    expect(await reference.getAttribute('aria-invalid')).toBe('true');

    // ลับที่สุด is refused for the whole letter: the message is the page's.
    await reference.fill('');
    await page.getByLabel('ชั้นความลับ').selectOption('top_secret');
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/ลับที่สุด/);
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM letters WHERE subject = 'หนังสือที่กรอกผิด'`),
    ).toBe(0);
    await context.close();
  });

  it('takes one outgoing number per letter, in the unit’s digits, and cancels it with a reason', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.office');
    await openBook(page, 'ทะเบียนหนังสือส่ง');
    const subject = 'ขอเชิญร่วมงานวันท้องถิ่นไทย';
    await page.getByLabel('เรื่อง', { exact: true }).fill(subject);
    await page.getByLabel('เรียน', { exact: true }).fill('นายอำเภอเมืองร้อยเอ็ด');
    // The first answer is lost; the retry gets the number the first request took.
    let lost = false;
    await page.route('**/api/v1/registers/*/numbers', async (route) => {
      if (lost) return route.fallback();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.getByRole('button', { name: 'ออกเลข' }).click();
    await page.getByRole('alert').filter({ hasText: 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้' }).waitFor();
    await page.getByRole('button', { name: 'ออกเลข' }).dblclick();
    const issued = page.getByRole('status').filter({ hasText: 'ออกเลขแล้ว' });
    await issued.waitFor();
    const unit = await world.db.query<{ letter_code: string; owner_number: string }>(
      `SELECT letter_code, owner_number FROM units WHERE name_th = 'สำนักงานจังหวัดร้อยเอ็ด'`,
    );
    const thai = (text: string) => text.replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
    expect(await issued.locator('.number').textContent()).toBe(
      `ที่ ${unit.rows[0].letter_code} ${thai(unit.rows[0].owner_number)}/๑`,
    );
    const rows = page.getByRole('table', { name: 'รายการในทะเบียน' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM register_entries e JOIN letters l ON l.id = e.letter_id
          WHERE l.subject = $1`,
        [subject],
      ),
    ).toBe(1);
    expect(
      await count('SELECT count(*)::int AS n FROM letters WHERE subject = $1', [subject]),
    ).toBe(1);
    await expectAccessible(page, 'edges-04-outgoing-number');

    // ยกเลิก from the book: a blank reason is refused beside the field.
    await rows.first().getByRole('button', { name: 'ยกเลิก' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('เหตุผลที่ยกเลิก').fill('   ');
    await dialog.getByRole('button', { name: 'ยืนยันการยกเลิก' }).click();
    const reasonError = dialog.locator('#reason-error');
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toMatch(/[ก-๙]/);
    await expectAccessible(page, 'edges-05-cancel-reason-required');
    await dialog.getByLabel('เหตุผลที่ยกเลิก').fill('ออกเลขผิดเรื่อง');
    await dialog.getByRole('button', { name: 'ยืนยันการยกเลิก' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => rows.first().textContent()).toContain('ยกเลิกแล้ว');
    expect(await rows.first().textContent()).toContain('ออกเลขผิดเรื่อง');
    expect(await rows.first().getByRole('button', { name: 'ยกเลิก' }).count()).toBe(0);
    const cancelled = await world.db.query<{ status: string; cancel_reason: string }>(
      `SELECT e.status, e.cancel_reason FROM register_entries e JOIN letters l ON l.id = e.letter_id
        WHERE l.subject = $1`,
      [subject],
    );
    expect(cancelled.rows).toEqual([{ status: 'cancelled', cancel_reason: 'ออกเลขผิดเรื่อง' }]);
    await expectAccessible(page, 'edges-06-cancelled');
    await context.close();
  });

  it('registers a letter pressed for before the unit’s registers have come', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    // The registers' answer is held back until the clerk has pressed ลงรับ: a busy server, or
    // a clerk faster than it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/v1/units/*/registers', async (route) => {
      await held;
      await route.fallback();
    });
    await signInAs(page, 'clerk.town');
    const row = page
      .getByRole('table', { name: 'หนังสือรอลงรับ' })
      .locator('tbody tr')
      .filter({ hasText: TOWN_LETTER });
    await row.getByRole('button', { name: 'ลงรับ', exact: true }).click();
    release();
    await page.getByRole('status').filter({ hasText: 'เลขรับ' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM register_entries e
           JOIN deliveries d ON d.id = e.delivery_id AND d.receipt_entry_id = e.id
           JOIN letters l ON l.id = d.letter_id
          WHERE l.subject = $1 AND d.state = 'received'`,
        [TOWN_LETTER],
      ),
    ).toBe(1);
    await context.close();
  });

  it('switches the unit worked for, and keeps the choice through a reload', async () => {
    await world.db.query(
      `INSERT INTO memberships (user_id, unit_id, role, starts_at, created_at)
       SELECT id, $1, 'clerk', now() - interval '1 day', now() FROM users WHERE username = 'clerk.mueang'`,
      [selaphumId],
    );
    const { context, page } = await openConsole(world.browser, world.base);
    await signInAs(page, 'clerk.mueang');
    const unit = page.getByLabel('ทำงานในนามหน่วยงาน');
    const inboxRows = page.getByRole('table', { name: 'หนังสือรอลงรับ' }).locator('tbody tr');
    const subjects = new Map([
      [mueangId, 'หนังสือถึงอำเภอเมืองร้อยเอ็ด'],
      [selaphumId, 'หนังสือถึงอำเภอเสลภูมิ'],
    ]);
    // Whichever unit the console starts in, the clerk switches to the other one.
    await expect.poll(() => inboxRows.count()).toBe(1);
    const first = await unit.inputValue();
    const other = first === mueangId ? selaphumId : mueangId;
    expect(await inboxRows.first().textContent()).toContain(subjects.get(first));
    await unit.selectOption(other);
    await expect.poll(() => inboxRows.first().textContent()).toContain(subjects.get(other));
    expect(await inboxRows.count()).toBe(1);
    await expectAccessible(page, 'edges-07-unit-switched');

    await page.reload();
    await expect.poll(() => inboxRows.count()).toBe(1);
    expect(await unit.inputValue()).toBe(other);
    expect(await inboxRows.first().textContent()).toContain(subjects.get(other));
    await openBook(page, 'ทะเบียนหนังสือรับ');
    const unitName = await world.db.query<{ name_th: string }>(
      'SELECT name_th FROM units WHERE id = $1',
      [other],
    );
    expect(
      await page.getByRole('heading', { level: 2, name: /^ทะเบียนหนังสือรับ — / }).textContent(),
    ).toContain(unitName.rows[0].name_th);
    await context.close();
  });

  it('does the clerk’s main work with the keyboard alone', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    await page.goto('/signin?next=%2Finbox');
    await tabTo(page, 'ชื่อผู้ใช้');
    await page.keyboard.type('clerk.office');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('รหัสผ่าน');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox$/);

    // The menus, forwards and back.
    await tabTo(page, 'ทะเบียน');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/registers$/);
    await tabTo(page, 'หนังสือเข้า', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inbox$/);

    // Select one delivery with Space and register it.
    const inboxRows = page.getByRole('table', { name: 'หนังสือรอลงรับ' }).locator('tbody tr');
    await expect.poll(() => inboxRows.count()).toBe(2);
    await tabTo(page, 'เลือก แจ้งแผนการฝึกซ้อมป้องกันภัย');
    await page.keyboard.press('Space');
    await tabTo(page, /^ลงรับที่เลือก/, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'เลขรับ' }).waitFor();
    await expect.poll(() => inboxRows.count()).toBe(1);

    // ส่งคืน: the dialog holds the focus, Escape closes it and gives the focus back.
    await tabTo(page, 'ส่งคืน');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await focused(page)).toMatchObject({ name: 'เหตุผลที่ส่งคืน', inDialog: true });
    for (let presses = 0; presses < 4; presses++) {
      await page.keyboard.press('Tab');
      expect((await focused(page)).inDialog).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await focused(page)).name).toBe('ส่งคืน');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.type('ไม่ใช่งานของสำนักงานจังหวัด');
    await tabTo(page, 'ยืนยันการส่งคืน');
    await page.keyboard.press('Enter');
    await page.getByText('ไม่มีหนังสือรอลงรับ').waitFor();
    const returned = await world.db.query<{ state_reason: string }>(
      `SELECT state_reason FROM deliveries WHERE state = 'returned'`,
    );
    expect(returned.rows).toEqual([{ state_reason: 'ไม่ใช่งานของสำนักงานจังหวัด' }]);
    await context.close();
  });

  it('takes in, numbers and finds letters with the keyboard alone', async () => {
    const { context, page } = await openConsole(world.browser, world.base);
    // Signing in by keyboard is the test above; this one starts on รับหนังสือ.
    await signInAs(page, 'clerk.office', '/intake');

    // รับหนังสือ: type the fields, confirm with Enter on บันทึกและลงรับ.
    const subject = 'ขอรายงานผลการดำเนินงานด้วยแป้นพิมพ์';
    await tabTo(page, 'เรื่อง');
    await page.keyboard.type(subject);
    await tabTo(page, 'ที่ (เลขที่หนังสือ)', 'Shift+Tab');
    await page.keyboard.type('รอ ๐๐๑๗.๔/๗๗');
    await tabTo(page, 'บันทึกและลงรับ');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'เลขรับ' }).waitFor();

    // ค้นหา: the word typed, Enter searches.
    await tabTo(page, 'ค้นหา', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search$/);
    await tabTo(page, 'คำค้น (เรื่อง ผู้ส่ง หรือเลขที่หนังสือ)');
    await page.keyboard.type('ด้วยแป้นพิมพ์');
    await page.keyboard.press('Enter');
    const results = page.getByRole('table', { name: 'ผลการค้นหา' }).locator('tbody tr');
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.first().textContent()).toContain(subject);

    // ออกเลข in the outgoing register.
    await tabTo(page, 'ทะเบียน', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/registers$/);
    await tabTo(page, 'ทะเบียนหนังสือส่ง');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/registers\/[0-9a-f-]{36}$/);
    const outgoing = 'แจ้งกำหนดการประชุมด้วยแป้นพิมพ์';
    await tabTo(page, 'เรื่อง');
    await page.keyboard.type(outgoing);
    await tabTo(page, 'เรียน');
    await page.keyboard.type('นายอำเภอเมืองร้อยเอ็ด');
    await tabTo(page, 'ออกเลข');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'ออกเลขแล้ว' }).waitFor();
    expect(
      await count(
        `SELECT count(*)::int AS n FROM register_entries e JOIN letters l ON l.id = e.letter_id
          WHERE l.subject = ANY($1::text[])`,
        [[subject, outgoing]],
      ),
    ).toBe(2);
    await context.close();
  });
});
