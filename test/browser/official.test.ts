import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Api,
  expectAccessible,
  openConsole,
  sendDown,
  signInAs,
  startConsoleWorld,
  type ConsoleWorld,
} from './harness.js';

const PDF = readFileSync(new URL('../fixtures/pdf/two-page-letter.pdf', import.meta.url));
const SUBJECT = 'ขอให้จัดทำแผนพัฒนาจังหวัดประจำปี';
const DISTRICT_SUBJECT = 'แจ้งผลการตรวจสอบพัสดุของอำเภอเสลภูมิ';
const SECRET_SUBJECT = 'รายงานการข่าวความมั่นคงชายแดน';

let world: ConsoleWorld;
let browser: Browser;
let base: string;
let db: pg.Client;
let letterId: string;
let districtLetterId: string;
let secretLetterId: string;

/** The letter waiting in a unit's inbox, registered there by its clerk over the API. */
async function registerWaiting(clerk: Api, subject: string): Promise<string> {
  const unitId = await clerk.unitId();
  const inbox = await clerk.call<{
    items: { deliveryId: string; letterId: string; subject: string }[];
  }>('GET', `/units/${unitId}/inbox`);
  const item = inbox.items.find((i) => i.subject === subject)!;
  await clerk.call('POST', `/registers/${await clerk.register(unitId, 'incoming')}/entries`, {
    deliveryId: item.deliveryId,
  });
  return item.letterId;
}

beforeAll(async () => {
  world = await startConsoleWorld(async (url) => {
    const governor = await Api.signIn(url, 'governor.roiet');
    const strategy = await Api.signIn(url, 'clerk.strategy');
    const selaphum = await Api.signIn(url, 'clerk.selaphum');
    await sendDown(governor, await strategy.unitId(), [{ subject: SUBJECT, speed: 'urgent' }], PDF);
    letterId = await registerWaiting(strategy, SUBJECT);
    await sendDown(
      governor,
      await selaphum.unitId(),
      [{ subject: DISTRICT_SUBJECT, speed: 'none' }],
      PDF,
    );
    districtLetterId = await registerWaiting(selaphum, DISTRICT_SUBJECT);
    const secret = await governor.call<{ id: string }>('POST', '/letters', {
      unitId: await governor.unitId(),
      kind: 'external',
      speed: 'none',
      secrecy: 'confidential',
      subject: SECRET_SUBJECT,
    });
    secretLetterId = secret.id;
  });
  ({ browser, base, db } = world);
});

afterAll(async () => {
  await world?.close();
});

/** Focus and a key: with a PDF viewer frame in the page, headless Chromium may drop clicks. */
async function press(page: Page, target: Locator, key: string) {
  await target.focus();
  await page.keyboard.press(key);
}

/**
 * Type-ahead in the tree, one key at a time as a Thai keyboard sends them (Playwright's
 * keyboard has no Thai layout, so the key events go through the DevTools protocol).
 */
async function typeAhead(page: Page, text: string) {
  const cdp = await page.context().newCDPSession(page);
  for (const key of text) {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text: key });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key });
  }
  await cdp.detach();
}

describe('an official’s path', () => {
  it('the provincial office’s clerk sees the units they may forward to (demo data)', async () => {
    const clerk = await Api.signIn(base, 'clerk.office');
    const targets = await clerk.call<{
      items: { nameTh: string }[];
      quickPicks: { key: string }[];
    }>('GET', `/units/${await clerk.unitId()}/forward-targets`);
    expect(targets.items.map((i) => i.nameTh)).toEqual(
      expect.arrayContaining(['อำเภอเมืองร้อยเอ็ด', 'อำเภอเสลภูมิ']),
    );
    expect(targets.quickPicks.map((p) => p.key)).toEqual(
      expect.arrayContaining(['districts', 'local_administrations', 'divisions']),
    );
  });

  it('opens a registered letter, writes a minute with a phrase and forwards it to two districts', async () => {
    const tab = await openConsole(browser, base);
    const { page } = tab;
    await signInAs(page, 'official.strategy', '/registers');
    await page.getByRole('link', { name: 'ทะเบียนหนังสือรับ' }).click();
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.waitForURL(`**/letters/${letterId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(SUBJECT) }).waitFor();
    // The stamped letter, its fields, the minutes that came with it.
    await page.getByTitle('หนังสือพร้อมตรารับ').waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'เส้นทางของหนังสือ' }).textContent())
      .toContain('จังหวัดร้อยเอ็ด → กลุ่มงานยุทธศาสตร์');
    await expectAccessible(page, 'official-01-letter');

    // The minute: a phrase one click away, then "มอบ…ดำเนินการ" with the gap selected to type in.
    const minute = page.getByLabel('เกษียน', { exact: true });
    await press(page, page.getByRole('button', { name: 'เพื่อโปรดพิจารณา', exact: true }), 'Enter');
    await expect.poll(() => minute.inputValue()).toBe('เพื่อโปรดพิจารณา');
    await press(page, page.getByRole('button', { name: 'มอบ…ดำเนินการ' }), 'Enter');
    await expect
      .poll(() =>
        minute.evaluate(
          (e: { selectionStart: number; selectionEnd: number }) =>
            e.selectionEnd - e.selectionStart,
        ),
      )
      .toBe(1);
    await page.keyboard.insertText('อำเภอ');
    await expect.poll(() => minute.inputValue()).toBe('เพื่อโปรดพิจารณา มอบอำเภอดำเนินการ');

    // The recipient tree by keyboard: type-ahead, Space checks, arrows open and close.
    const tree = page.getByRole('tree', { name: 'หน่วยงานผู้รับ' });
    const mueang = tree.getByRole('treeitem', { name: /^อำเภอเมืองร้อยเอ็ด/ });
    await mueang.waitFor();
    await tree.getByRole('treeitem').first().focus();
    await typeAhead(page, 'อำเภอเม');
    await expect
      .poll(() =>
        mueang.evaluate(
          (e) =>
            e ===
            (globalThis as unknown as { document: { activeElement: unknown } }).document
              .activeElement,
        ),
      )
      .toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => mueang.getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => mueang.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => mueang.getByRole('treeitem').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => mueang.getAttribute('aria-expanded')).toBe('false');
    // The second district by its Thai name.
    await page.getByLabel('ค้นหาหน่วยงานจากชื่อ').fill('เสลภูมิ');
    const selaphum = tree.getByRole('treeitem', { name: /^อำเภอเสลภูมิ/ });
    await press(page, selaphum, 'Space');
    await expect.poll(() => selaphum.getAttribute('aria-checked')).toBe('true');
    await page.getByLabel('ค้นหาหน่วยงานจากชื่อ').fill('');
    const count = page.locator('.recipient-count');
    await expect.poll(() => count.textContent()).toBe('ผู้รับ ๒ หน่วยงาน');

    // Leaving the page loses nothing: the draft comes back.
    await press(page, page.getByRole('link', { name: 'หนังสือเข้า' }), 'Enter');
    await page.waitForURL('**/inbox');
    await page.goBack();
    await expect.poll(() => minute.inputValue()).toBe('เพื่อโปรดพิจารณา มอบอำเภอดำเนินการ');
    await expect.poll(() => count.textContent()).toBe('ผู้รับ ๒ หน่วยงาน');
    await expect
      .poll(() => page.getByRole('list', { name: 'หน่วยงานที่เลือก' }).textContent())
      .toMatch(/อำเภอเมืองร้อยเอ็ด.*อำเภอเสลภูมิ|อำเภอเสลภูมิ.*อำเภอเมืองร้อยเอ็ด/);
    // A response due date a month ahead, typed in the Buddhist-era calendar.
    const due = new Date(Date.now() + 30 * 86_400_000);
    const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' })
      .format(due)
      .split('-')
      .map(Number);
    const segments = page.locator('.minute-forward [role="spinbutton"]');
    for (const [index, value] of [day, month, year + 543].entries()) {
      await segments.nth(index).focus();
      await page.keyboard.type(String(value));
    }
    await expect.poll(() => count.textContent()).toContain('กำหนดตอบ');
    await expectAccessible(page, 'official-02-minute-and-recipients');

    await press(page, page.getByRole('button', { name: 'ส่งต่อ', exact: true }), 'Enter');
    const answer = page.getByRole('status').filter({ hasText: 'ส่งต่อแล้ว' });
    await expect.poll(() => answer.textContent()).toBe('ส่งต่อแล้ว ๒ หน่วยงาน');
    await expect
      .poll(() => page.getByRole('list', { name: 'ลำดับเกษียน' }).textContent())
      .toContain('เพื่อโปรดพิจารณา มอบอำเภอดำเนินการ');
    await expect.poll(() => minute.inputValue()).toBe('');
    const sentTo = page.getByRole('table', { name: /^ผู้รับ ส่งเมื่อ/ });
    await expect.poll(() => sentTo.locator('tbody tr').count()).toBe(2);
    const dueIso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const responseDue = await db.query<{ at: Date }>(
      `SELECT f.response_due_at AS at FROM forwards f JOIN units u ON u.id = f.sender_unit_id
        WHERE f.letter_id = $1 AND u.kind = 'provincial_division'`,
      [letterId],
    );
    expect(responseDue.rows.map((r) => r.at.toISOString())).toEqual([`${dueIso}T09:30:00.000Z`]);
    await expectAccessible(page, 'official-03-forwarded');
    await tab.context.close();

    const rows = await db.query<{ name_th: string; text: string }>(
      `SELECT u.name_th, a.text FROM deliveries d JOIN units u ON u.id = d.recipient_unit_id
         JOIN forwards f ON f.id = d.forward_id JOIN annotations a ON a.id = f.annotation_id
        WHERE d.letter_id = $1 AND d.state = 'sent' ORDER BY u.name_th`,
      [letterId],
    );
    expect(rows.rows).toEqual([
      { name_th: 'อำเภอเมืองร้อยเอ็ด', text: 'เพื่อโปรดพิจารณา มอบอำเภอดำเนินการ' },
      { name_th: 'อำเภอเสลภูมิ', text: 'เพื่อโปรดพิจารณา มอบอำเภอดำเนินการ' },
    ]);

    // The recipients' inboxes show it: one district's clerk in the browser, the other's over the API.
    const recipient = await openConsole(browser, base);
    await signInAs(recipient.page, 'clerk.mueang');
    const inbox = recipient.page.getByRole('table', { name: 'หนังสือรอลงรับ' });
    await expect.poll(() => inbox.textContent()).toContain(SUBJECT);
    await recipient.context.close();
    const selaphumClerk = await Api.signIn(base, 'clerk.selaphum');
    const waiting = await selaphumClerk.call<{ items: { subject: string }[] }>(
      'GET',
      `/units/${await selaphumClerk.unitId()}/inbox`,
    );
    expect(waiting.items.map((i) => i.subject)).toContain(SUBJECT);
  });
});

describe('access in the browser', () => {
  it('a district’s clerk cannot open another district’s letter by its address', async () => {
    const tab = await openConsole(browser, base);
    const { page } = tab;
    await signInAs(page, 'clerk.mueang');
    const answer = page.waitForResponse((r) =>
      r.url().includes(`/letters/${districtLetterId}/dossier`),
    );
    await page.goto(`/letters/${districtLetterId}`);
    expect((await answer).status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'ไม่พบหนังสือ' }).waitFor();
    expect(await page.content()).not.toContain(DISTRICT_SUBJECT);
    await expectAccessible(page, 'official-04-letter-not-found');
    await tab.context.close();
  });

  it('a secret letter shows its class prominently to the cleared', async () => {
    const tab = await openConsole(browser, base);
    const { page } = tab;
    await signInAs(page, 'governor.roiet');
    await page.goto(`/letters/${secretLetterId}`);
    const banner = page.getByRole('note', { name: 'ชั้นความลับ' });
    await expect.poll(() => banner.textContent()).toBe('ลับ');
    await page.getByRole('heading', { level: 1, name: new RegExp(SECRET_SUBJECT) }).waitFor();
    await expectAccessible(page, 'official-05-secret-letter');
    await tab.context.close();
  });
});
