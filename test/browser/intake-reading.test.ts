import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Browser, Page } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankPdf, LETTER_LINES, scannedThaiPdf, thaiTextPdf } from '../factories/thai-pdf.js';
import { DovecotServer, hasDovecot, type ImapAccount } from '../harness/imap.js';
import {
  expectAccessible,
  openConsole,
  screenshot,
  signInAs,
  startConsoleWorld,
  type ConsoleWorld,
} from './harness.js';

/**
 * The clerk's console for PDFs that are read by the system: an upload shows its reading and
 * prefills the form; the central mailbox (a real dovecot, polled by the API's own worker)
 * brings a scanned letter in as a draft that the clerk checks and confirms, or discards.
 */
const ACCOUNT: ImapAccount = { user: 'saraban.office', password: 'imap-secret-2569' };
const OFFICE = 'สำนักงานจังหวัดร้อยเอ็ด';

let world: ConsoleWorld;
let browser: Browser;
let base: string;
let db: pg.Client;
let imap: DovecotServer;

async function mail(subject: string, attachments: { filename: string; content: Buffer }[]) {
  const raw = await new MailComposer({
    from: 'สารบรรณจังหวัด <saraban@province.go.th>',
    to: 'saraban.office@roiet.go.th',
    subject,
    date: new Date('2026-12-01T02:30:00Z'),
    text: 'ส่งหนังสือตามไฟล์แนบ รายละเอียดที่ https://example.invalid/letter',
    attachments,
  })
    .compile()
    .build();
  await imap.append(ACCOUNT, raw);
}

/** The form's value for a label, once it is not empty. */
async function filled(page: Page, label: string): Promise<string> {
  const field = page.getByLabel(label, { exact: true });
  await expect.poll(() => field.inputValue()).not.toBe('');
  return field.inputValue();
}

beforeAll(async () => {
  imap = new DovecotServer([ACCOUNT]);
  await imap.start();
  world = await startConsoleWorld(undefined, async () => {
    const pgClient = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await pgClient.connect();
    const unit = await pgClient.query<{ id: string }>('SELECT id FROM units WHERE name_th = $1', [
      OFFICE,
    ]);
    await pgClient.end();
    return {
      RUN_WORKER: '1',
      READING_OCR_WORKERS: '1',
      MAILBOX_POLL_SECONDS: '5',
      BROWSER_IMAP_PASSWORD: ACCOUNT.password,
      MAILBOXES: JSON.stringify([
        {
          unitId: unit.rows[0].id,
          host: '127.0.0.1',
          port: imap.port,
          tls: false,
          user: ACCOUNT.user,
          passwordEnv: 'BROWSER_IMAP_PASSWORD',
          folder: 'INBOX',
          processedFolder: 'Saraban/Processed',
        },
      ]),
    };
  });
  ({ browser, base, db } = world);
}, 180_000);

afterAll(async () => {
  await world?.close();
  await imap?.stop();
});

describe.skipIf(!hasDovecot())('PDFs read for the clerk', () => {
  it('reads an uploaded letter, prefills what the clerk left empty, asks about the rest', async () => {
    const { page } = await openConsole(browser, base);
    await signInAs(page, 'clerk.office', '/intake');
    // Typed before the file is read: never overwritten without asking.
    await page.getByLabel('เรื่อง', { exact: true }).fill('เรื่องที่พิมพ์ไว้ก่อน');
    await page.getByLabel('จาก (ส่วนราชการผู้ส่ง)').fill('กระทรวงมหาดไทย');
    await page.getByLabel('หรือเลือกไฟล์ PDF').setInputFiles({
      name: 'หนังสือเชิญประชุม.pdf',
      mimeType: 'application/pdf',
      buffer: await thaiTextPdf(),
    });
    const files = page.getByRole('list', { name: 'ไฟล์ที่แนบแล้ว' });
    // Queued or running first, then read: the state is a live region beside the file.
    await expect.poll(() => files.getByRole('status').textContent()).toMatch(/อ่าน/);
    await expect
      .poll(() => files.getByRole('status').textContent(), { timeout: 120_000 })
      .toContain('อ่านข้อความแล้ว ๑ หน้า');

    expect(await filled(page, 'ที่ (เลขที่หนังสือ)')).toBe('มท ๐๒๑๐.๓/ว ๑๒๓๔');
    expect(await filled(page, 'เรียน')).toBe('ผู้ว่าราชการจังหวัดร้อยเอ็ด');
    expect(await page.getByLabel('เรื่อง', { exact: true }).inputValue()).toBe('เรื่องที่พิมพ์ไว้ก่อน');
    expect(await page.getByLabel('จาก (ส่วนราชการผู้ส่ง)').inputValue()).toBe('กระทรวงมหาดไทย');
    const conflicts = page.getByRole('region', { name: /คุณกรอกไว้แล้ว/ });
    expect(await conflicts.textContent()).toContain('เรื่อง: อ่านได้ว่า “ขอเชิญประชุมคณะกรรมการ”');
    // A text layer is sure of itself: nothing to check against the paper.
    expect(await page.getByText('(ต้องตรวจ)').count()).toBe(0);
    await expectAccessible(page, 'intake-01-read-prefilled');

    await conflicts.getByRole('button', { name: 'ใช้ค่าที่อ่านได้แทน' }).click();
    expect(await page.getByLabel('เรื่อง', { exact: true }).inputValue()).toBe(
      'ขอเชิญประชุมคณะกรรมการ',
    );
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).click();
    const receipt = page.getByRole('status').filter({ hasText: 'เลขรับ' });
    await expect.poll(() => receipt.textContent()).toMatch(/เลขรับ [๐-๙]+\/๒๕๖๙/);
    const letters = await db.query<{ subject: string; reference_raw: string }>(
      `SELECT subject, reference_raw FROM letters WHERE subject = 'ขอเชิญประชุมคณะกรรมการ'`,
    );
    expect(letters.rows).toEqual([
      { subject: 'ขอเชิญประชุมคณะกรรมการ', reference_raw: LETTER_LINES[0].slice(4) },
    ]);
  });

  it('says so when a file has no text, and the clerk types the letter', async () => {
    const { page } = await openConsole(browser, base);
    await signInAs(page, 'clerk.office', '/intake');
    await page.getByLabel('หรือเลือกไฟล์ PDF').setInputFiles({
      name: 'หน้าว่าง.pdf',
      mimeType: 'application/pdf',
      buffer: await blankPdf(),
    });
    const state = page.getByRole('list', { name: 'ไฟล์ที่แนบแล้ว' }).getByRole('status');
    await expect.poll(() => state.textContent(), { timeout: 120_000 }).toContain('ไม่พบข้อความ');
    await page.getByLabel('เรื่อง', { exact: true }).fill('พิมพ์เองจากต้นฉบับ');
    expect(await page.getByRole('button', { name: 'บันทึกและลงรับ' }).isEnabled()).toBe(true);
    await expectAccessible(page, 'intake-02-no-text');
  });

  it('brings a scanned e-mail letter in as a draft, marks what to check, confirms it', async () => {
    await mail('ส่งหนังสือเชิญประชุม (สแกน)', [
      { filename: 'หนังสือเชิญประชุม.pdf', content: await scannedThaiPdf() },
      { filename: 'อ่านก่อน.txt', content: Buffer.from('ไม่ใช่หนังสือ') },
    ]);
    await mail('ข่าวประชาสัมพันธ์ ไม่ใช่หนังสือราชการ', []);
    const { page } = await openConsole(browser, base);
    await signInAs(page, 'clerk.office', '/inbox');
    await page.getByRole('link', { name: 'ร่างจากอีเมล' }).click();
    await page.waitForURL(/\/intake\/mail$/);
    const rows = page.getByRole('table', { name: /ร่างจากอีเมล/ }).locator('tbody tr');
    await expect
      .poll(
        async () => {
          if ((await rows.count()) < 2) await page.reload();
          return rows.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(2);
    const scanned = rows.filter({ hasText: 'ส่งหนังสือเชิญประชุม (สแกน)' });
    expect(await scanned.textContent()).toContain('อ่านก่อน.txt — ไม่ได้รับ: ไม่ใช่ไฟล์ PDF');
    // The OCR of the scan runs on the API's worker; its state is shown in the list.
    await expect
      .poll(() => scanned.getByRole('status').textContent(), { timeout: 240_000 })
      .toContain('อ่านข้อความแล้ว ๑ หน้า');
    await expectAccessible(page, 'intake-03-mail-drafts');

    // By keyboard, as a clerk may.
    await scanned.getByRole('link', { name: 'ส่งหนังสือเชิญประชุม (สแกน)' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/intake\/mail\/[0-9a-f-]+$/);
    await page.getByRole('heading', { name: 'รับหนังสือจากอีเมล' }).waitFor();
    const reference = page.getByLabel(/^ที่ \(เลขที่หนังสือ\)/);
    await expect.poll(() => reference.inputValue(), { timeout: 60_000 }).not.toBe('');
    // Thai digits read by OCR are never trusted: marked in words, and told to assistive tech.
    expect(await page.locator('label[for="intake-referenceNumber"]').textContent()).toContain(
      '(ต้องตรวจ)',
    );
    expect(await reference.getAttribute('aria-describedby')).toContain(
      'intake-referenceNumber-low',
    );
    expect(await page.locator('#intake-referenceNumber-low').textContent()).toContain(
      'กรุณาตรวจกับต้นฉบับกระดาษ',
    );
    expect(await page.getByLabel(/^เรื่อง/).inputValue()).toContain('ประชุม');
    await expectAccessible(page, 'intake-04-mail-draft-prefilled');

    // Checked against the paper, corrected where the scan was unsure, confirmed.
    await reference.fill('มท ๐๒๑๐.๓/ว ๑๒๓๔');
    await page.getByLabel(/^ลงวันที่/).fill('๑๕ มกราคม ๒๕๖๙');
    await page.getByLabel(/^เรื่อง/).fill('ขอเชิญประชุมคณะกรรมการ (จากอีเมล)');
    await page.getByRole('button', { name: 'บันทึกและลงรับ' }).focus();
    await page.keyboard.press('Enter');
    const receipt = page.getByRole('status').filter({ hasText: 'เลขรับ' });
    await expect.poll(() => receipt.textContent()).toMatch(/เลขรับ [๐-๙]+\/๒๕๖๙/);
    // The e-mail's PDF, stamped with its receipt number, as after any intake.
    await page.getByTitle('หนังสือที่ประทับตรารับแล้ว').waitFor();
    await screenshot(page, 'intake-05-mail-draft-registered');
    const confirmed = await db.query<{ status: string; subject: string }>(
      `SELECT d.status, l.subject FROM mailbox_drafts d JOIN letters l ON l.id = d.letter_id
        WHERE d.subject = 'ส่งหนังสือเชิญประชุม (สแกน)'`,
    );
    expect(confirmed.rows).toEqual([
      { status: 'confirmed', subject: 'ขอเชิญประชุมคณะกรรมการ (จากอีเมล)' },
    ]);

    // The other message is no letter: discarded with a reason, by keyboard.
    // By keyboard: with the stamped PDF's viewer frame in the page, headless Chromium may
    // drop synthetic mouse clicks (see clerk-day.test.ts).
    await page.getByRole('button', { name: 'กลับไปที่ร่างจากอีเมล' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'ข่าวประชาสัมพันธ์ ไม่ใช่หนังสือราชการ' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'ไม่มีไฟล์ PDF' }).waitFor();
    await page.getByRole('button', { name: 'ไม่รับอีเมลนี้…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('เหตุผล (บันทึกไว้เป็นหลักฐาน)').fill('เป็นข่าวประชาสัมพันธ์ ไม่ใช่หนังสือราชการ');
    await expectAccessible(page, 'intake-06-mail-draft-discard');
    await page.getByRole('button', { name: 'ไม่รับ', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/intake\/mail$/);
    await page.getByRole('status').filter({ hasText: 'บันทึกเหตุผลไว้เรียบร้อย' }).waitFor();
    await page.getByText('ไม่มีร่างจากอีเมลในสถานะนี้').waitFor();
    const discarded = await db.query<{ status: string; discard_reason: string }>(
      `SELECT status, discard_reason FROM mailbox_drafts
        WHERE subject = 'ข่าวประชาสัมพันธ์ ไม่ใช่หนังสือราชการ'`,
    );
    expect(discarded.rows).toEqual([
      { status: 'discarded', discard_reason: 'เป็นข่าวประชาสัมพันธ์ ไม่ใช่หนังสือราชการ' },
    ]);
  }, 420_000);
});
