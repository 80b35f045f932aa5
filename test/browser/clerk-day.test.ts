import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Api,
  expectAccessible as expectPageAccessible,
  openConsole,
  screenshot,
  sendDown,
  startConsoleWorld,
  type ConsolePage,
  type ConsoleWorld,
} from './harness.js';

const LETTER_TEXT = readFileSync(
  new URL('../fixtures/letters/seed-moi-sms-links.txt', import.meta.url),
  'utf8',
);
const PDF = readFileSync(new URL('../fixtures/pdf/two-page-letter.pdf', import.meta.url));

let world: ConsoleWorld;
let browser: Browser;
let base: string;
let db: pg.Client;

beforeAll(async () => {
  world = await startConsoleWorld(async (url) => {
    const governor = await Api.signIn(url, 'governor.roiet');
    const clerk = await Api.signIn(url, 'clerk.office');
    await sendDown(
      governor,
      await clerk.unitId(),
      [
        { subject: 'ขอเชิญประชุมคณะกรรมการจังหวัด', speed: 'none' },
        { subject: 'ขอให้รายงานผลการเบิกจ่ายงบประมาณ', speed: 'most_urgent' },
        { subject: 'แจ้งกำหนดการตรวจราชการ', speed: 'urgent' },
      ],
      PDF,
    );
  });
  ({ browser, base, db } = world);
});

afterAll(async () => {
  await world?.close();
});

async function expectAccessible(console: ConsolePage, name: string) {
  await expectPageAccessible(console.page, name);
}

describe('the clerk’s day in the browser', () => {
  it('signs in, takes in a letter, registers and returns deliveries, reads the book, searches', async () => {
    const tab = await openConsole(browser, base);
    const { page, context } = tab;

    // Sign in: the inbox asked for first is where the clerk lands.
    await page.goto('/inbox');
    await page.waitForURL(/\/signin\?next=%2Finbox/);
    await expectAccessible(tab, '01-sign-in');
    await page.getByLabel('ชื่อผู้ใช้').fill('clerk.office');
    await page.getByLabel('รหัสผ่าน').fill('saraban-demo-2569');
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await page.waitForURL(/\/inbox$/);

    // The refresh token is an HttpOnly cookie on the auth path; nothing in storage.
    const cookies = await context.cookies();
    const refresh = cookies.find((c) => c.name === 'saraban_refresh');
    expect(refresh).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
    });
    expect(
      await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })'),
    ).not.toMatch(/eyJ/);

    // Inbox: most urgent first, badges shown.
    const inboxRows = page.getByRole('table', { name: 'หนังสือรอลงรับ' }).locator('tbody tr');
    await expect.poll(() => inboxRows.count()).toBe(3);
    await expect.poll(() => inboxRows.first().textContent()).toContain('ด่วนที่สุด');
    await expectAccessible(tab, '02-inbox');

    // Intake from the letter's text and its PDF.
    await page.getByRole('link', { name: 'รับหนังสือ' }).click();
    await page.getByLabel('ข้อความของหนังสือ (วางข้อความจาก OCR)').fill(LETTER_TEXT);
    await page.getByRole('button', { name: 'อ่านข้อความและกรอกให้' }).click();
    await expect
      .poll(() => page.getByLabel('เรื่อง', { exact: true }).inputValue())
      .toContain('การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี');
    expect(await page.getByLabel('ที่ (เลขที่หนังสือ)').inputValue()).toBe('มท ๐๒๑๐.๕/๒๖๓');
    expect(await page.getByLabel('ลงวันที่').inputValue()).toBe('๑๒ มกราคม ๒๕๖๘');
    expect(await page.getByLabel('เรียน', { exact: true }).inputValue()).toBe(
      'ผู้ว่าราชการจังหวัดทุกจังหวัด',
    );
    // The January year slip: shown beside the date, applied only by a click.
    const suggestion = page.getByRole('button', { name: /ใช้วันที่ที่แนะนำ/ });
    await expect.poll(() => suggestion.textContent()).toContain('๑๒ มกราคม ๒๕๖๙');
    await suggestion.click();
    expect(await page.getByLabel('ลงวันที่').inputValue()).toBe('๑๒ มกราคม ๒๕๖๙');
    // The file chooser speaks Thai whatever the browser's language: the native input is out
    // of sight, its Thai label is drawn as the button, and the keyboard still reaches it.
    const chooser = page.getByLabel('หรือเลือกไฟล์ PDF');
    expect(await page.locator('label[for="intake-files"]').isVisible()).toBe(true);
    await chooser.focus();
    // A string, evaluated in the page: this file is compiled without the DOM's types.
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('intake-files');
    await chooser.setInputFiles({
      name: 'หนังสือ มท.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('list', { name: 'ไฟล์ที่แนบแล้ว' }).waitFor();
    await expectAccessible(tab, '03-intake');

    // A double click never takes two numbers.
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).dblclick();
    const status = page.getByRole('status').filter({ hasText: 'เลขรับ' });
    await expect.poll(() => status.textContent()).toContain('เลขรับ ๑/๒๕๖๙');
    const frame = page.getByTitle('หนังสือที่ประทับตรารับแล้ว');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    const stamped = page.waitForEvent('download');
    await page.getByRole('link', { name: 'ดาวน์โหลด PDF ที่ประทับตรารับ' }).click();
    const stampedFile = readFileSync(await (await stamped).path());
    expect(stampedFile.subarray(0, 5).toString()).toBe('%PDF-');
    await expectAccessible(tab, '04-registered');
    const entries = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM register_entries e JOIN registers r ON r.id = e.register_id
        JOIN units u ON u.id = r.unit_id WHERE u.name_th = 'สำนักงานจังหวัดร้อยเอ็ด'`,
    );
    expect(entries.rows[0].n).toBe(1);
    const letters = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM letters WHERE subject LIKE 'การดำเนินการปราบปราม%'`,
    );
    expect(letters.rows[0].n).toBe(1);

    // Register two deliveries in one go, return the third.
    await page.getByRole('link', { name: 'หนังสือเข้า' }).click();
    await expect.poll(() => inboxRows.count()).toBe(3);
    // By keyboard from here while the stamped PDFs' viewer frames are in the page: headless
    // Chromium (156) may drop synthetic mouse clicks then (see the registers link below).
    const press = async (target: Locator, key: string) => {
      await target.focus();
      await page.keyboard.press(key);
    };
    await press(
      page.getByRole('checkbox', { name: 'เลือก ขอให้รายงานผลการเบิกจ่ายงบประมาณ' }),
      'Space',
    );
    await press(page.getByRole('checkbox', { name: 'เลือก แจ้งกำหนดการตรวจราชการ' }), 'Space');
    await press(page.getByRole('button', { name: /ลงรับที่เลือก/ }), 'Enter');
    await expect.poll(() => page.getByRole('status').count()).toBe(2);
    expect(await page.getByRole('status').allTextContents()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('เลขรับ ๒/๒๕๖๙'),
        expect.stringContaining('เลขรับ ๓/๒๕๖๙'),
      ]),
    );
    await expect.poll(() => inboxRows.count()).toBe(1);
    await press(inboxRows.first().getByRole('button', { name: 'ส่งคืน' }), 'Enter');
    await page.getByLabel('เหตุผลที่ส่งคืน').fill('ส่งผิดหน่วยงาน ขอให้ส่งกลุ่มงานยุทธศาสตร์');
    await screenshot(page, '05-return');
    await press(page.getByRole('button', { name: 'ยืนยันการส่งคืน' }), 'Enter');
    await page.getByText('ไม่มีหนังสือรอลงรับ').waitFor();
    const returned = await db.query<{ state: string; state_reason: string }>(
      `SELECT state, state_reason FROM deliveries WHERE state = 'returned'`,
    );
    expect(returned.rows).toEqual([
      { state: 'returned', state_reason: 'ส่งผิดหน่วยงาน ขอให้ส่งกลุ่มงานยุทธศาสตร์' },
    ]);

    // The register's book, and both printouts.
    // By keyboard, as a clerk may: with the stamped PDFs' viewer frames in the page, headless
    // Chromium (156) stalls synthetic mouse clicks, while focus and Enter go through.
    await page.getByRole('link', { name: 'ทะเบียน', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'ทะเบียนหนังสือรับ' }).click();
    const bookRows = page.getByRole('table', { name: 'รายการในทะเบียน' }).locator('tbody tr');
    await expect.poll(() => bookRows.count()).toBe(3);
    expect(await bookRows.first().textContent()).toContain(
      'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
    );
    // The period in the Buddhist calendar, typed part by part (day, month, year พ.ศ.) into
    // the picker's spin buttons: last year's book is empty, this year's has the three.
    const range = page.getByRole('group', { name: 'ช่วงวันที่ (พ.ศ.)', exact: true });
    const parts = range.getByRole('spinbutton');
    await expect.poll(() => parts.count()).toBe(6);
    const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' })
      .format(new Date())
      .split('-');
    const beYear = Number(year) + 543;
    const typeDate = async (first: number, text: string) => {
      await parts.nth(first).focus();
      await page.keyboard.type(text);
    };
    const show = async () => {
      await page.getByRole('button', { name: 'แสดง', exact: true }).focus();
      await page.keyboard.press('Enter');
    };
    await typeDate(0, `0101${beYear - 1}`);
    await typeDate(3, `3112${beYear - 1}`);
    await show();
    await page.getByText('ไม่มีรายการในช่วงนี้').waitFor();
    expect(await page.getByText(/^ช่วงวันที่ [๐-๙]/).textContent()).toContain(
      `๓๑ ธ.ค. ${String(beYear - 1).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)])}`,
    );
    await typeDate(0, `0101${beYear}`);
    await typeDate(3, `${day}${month}${beYear}`);
    await show();
    await expect.poll(() => bookRows.count()).toBe(3);
    await expectAccessible(tab, '06-register-book');
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'ดาวน์โหลด PDF' }).click();
    expect(
      readFileSync(await (await pdfDownload).path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click();
    const csv = readFileSync(await (await csvDownload).path(), 'utf8');
    expect(csv).toContain('แจ้งกำหนดการตรวจราชการ');

    // Search the subject.
    await page.getByRole('link', { name: 'ค้นหา' }).click();
    await page.getByLabel('คำค้น (เรื่อง ผู้ส่ง หรือเลขที่หนังสือ)').fill('ปราบปรามอาชญากรรม');
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    const results = page.getByRole('table', { name: 'ผลการค้นหา' }).locator('tbody tr');
    await expect.poll(() => results.count()).toBe(1);
    await expectAccessible(tab, '07-search');

    // Notifications: the three deliveries announced.
    await page.getByRole('button', { name: /แจ้งเตือน/ }).click();
    const notifications = page.getByRole('region', { name: 'รายการแจ้งเตือน' }).locator('li');
    await expect.poll(() => notifications.count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(tab, '08-notifications');

    expect(tab.cspViolations).toEqual([]);
    await context.close();
  });
});
