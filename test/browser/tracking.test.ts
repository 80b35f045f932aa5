import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnedClock, type SpawnedClock } from '../harness/test-clock.js';
import { startWorker, type WorkerProcess } from '../harness/worker-process.js';
import {
  Api,
  expectAccessible,
  openConsole,
  signInAs,
  startConsoleWorld,
  type ConsoleWorld,
} from './harness.js';

const SUBJECT = 'ขอให้สำรวจแหล่งน้ำเพื่อเตรียมรับมือภัยแล้ง';
const LOCAL_AND_DISTRICTS = [
  'district',
  'provincial_administration',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'subdistrict_administration',
];

let world: ConsoleWorld;
let browser: Browser;
let base: string;
let db: pg.Client;
/** The clock of the spawned API and worker: the test moves it, they run the ladder for real. */
const clock: SpawnedClock = spawnedClock();
let worker: WorkerProcess | undefined;
let letterId: string;
let recipients: number;

/** A unit's pending delivery of the circular, registered over the API as its clerk would. */
async function registerOverApi(api: Api, id: string): Promise<void> {
  const unitId = await api.unitId();
  const inbox = await api.call<{ items: { deliveryId: string; letterId: string }[] }>(
    'GET',
    `/units/${unitId}/inbox`,
  );
  const item = inbox.items.find((i) => i.letterId === id)!;
  const registerId = await api.register(unitId, 'incoming');
  await api.call('POST', `/registers/${registerId}/entries`, { deliveryId: item.deliveryId });
}

/**
 * 09:00 in Bangkok on a working day (Tuesday to Thursday, no holiday) one to two weeks ago:
 * the circular's two working hours to register end the same afternoon.
 */
async function pastWorkingMorning(client: pg.Client): Promise<Date> {
  const { rows } = await client.query<{ day: string }>(
    `SELECT to_char(d, 'YYYY-MM-DD') AS day
       FROM generate_series((now() AT TIME ZONE 'Asia/Bangkok')::date - 7,
                            (now() AT TIME ZONE 'Asia/Bangkok')::date - 14, interval '-1 day') d
      WHERE extract(isodow FROM d) BETWEEN 2 AND 4
        AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = d::date)
      LIMIT 1`,
  );
  return new Date(`${rows[0].day}T09:00:00+07:00`);
}

beforeAll(async () => {
  world = await startConsoleWorld(async (url) => {
    const setup = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await setup.connect();
    try {
      // The demo accounts were members of their units long before that morning.
      await setup.query(
        `UPDATE memberships SET starts_at = starts_at - interval '30 days' WHERE NOT acting`,
      );
      // That morning the governor registered a circular and forwarded it to every district and
      // local administration of the province; two units registered it at once.
      clock.set(await pastWorkingMorning(setup));
    } finally {
      await setup.end();
    }
    worker = startWorker(clock.env);
    const governor = await Api.signIn(url, 'governor.roiet');
    const province = await governor.unitId();
    const letter = await governor.call<{ id: string }>('POST', '/letters', {
      unitId: province,
      kind: 'external',
      speed: 'most_urgent',
      secrecy: 'none',
      subject: SUBJECT,
    });
    letterId = letter.id;
    const entry = await governor.call<{ id: string }>(
      'POST',
      `/registers/${await governor.register(province, 'incoming')}/entries`,
      { letterId },
    );
    const forward = await governor.call<{ created: number }>(
      'POST',
      `/register-entries/${entry.id}/forwards`,
      { subtreeKinds: LOCAL_AND_DISTRICTS },
    );
    recipients = forward.created;
    await registerOverApi(await Api.signIn(url, 'clerk.mueang'), letterId);
    await registerOverApi(await Api.signIn(url, 'clerk.town'), letterId);
  }, clock.env);
  ({ browser, base, db } = world);
});

afterAll(async () => {
  worker?.child.kill('SIGTERM');
  await worker?.exited;
  await world?.close();
  clock.close();
});

const thai = (n: number) => String(n).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);

describe('a supervisor’s path in the browser', () => {
  it('tracks a circular: counts, drill-down, live acknowledgments, escalation', async () => {
    // Two districts and five local administrations plus the provincial administration.
    expect(recipients).toBe(8);
    const governor = await openConsole(browser, base);
    const { page } = governor;
    await signInAs(page, 'governor.roiet');
    await page.getByRole('link', { name: 'ติดตาม' }).click();
    await page.waitForURL(/\/tracking$/);
    const card = page.getByRole('listitem').filter({ hasText: SUBJECT });
    await expect.poll(() => card.textContent()).toContain(`ลงรับแล้ว ${thai(2)}/${thai(8)}`);
    // Still within the two working hours: nothing is overdue yet.
    expect(await card.textContent()).not.toContain('เลยกำหนด');
    await expectAccessible(page, 'tracking-01-sent-letters');

    // The letter's progress: the region names what it is, the rest are listed.
    await card.getByRole('link', { name: SUBJECT }).click();
    const progress = page.getByRole('region', { name: 'ความคืบหน้า' });
    await expect
      .poll(() => progress.textContent())
      .toContain(`ลงรับแล้ว ${thai(2)} จาก ${thai(8)} หน่วยงาน · ยังไม่ลงรับ ${thai(6)}`);
    const notYet = page.getByRole('table', { name: 'หน่วยงานที่ยังไม่ลงรับ' }).locator('tbody tr');
    await expect.poll(() => notYet.count()).toBe(6);
    const pendingNames = await notYet.locator('td:first-child').allTextContents();
    expect(pendingNames.join('|')).toContain('อำเภอเสลภูมิ');
    expect(pendingNames.join('|')).not.toContain('อำเภอเมืองร้อยเอ็ด');
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('อัปเดตทันที');
    await expectAccessible(page, 'tracking-02-letter-progress');

    // Drill down to one district: its subtree alone.
    await page.getByRole('link', { name: 'อำเภอเสลภูมิ' }).click();
    await expect
      .poll(() => progress.textContent())
      .toContain(`ลงรับแล้ว ${thai(0)} จาก ${thai(3)} หน่วยงาน`);
    await expect.poll(() => notYet.count()).toBe(3);
    await page.goBack();
    await expect.poll(() => notYet.count()).toBe(6);

    // Another browser: the district's clerk registers it from the inbox. The governor's
    // page shows it without reloading (Server-Sent Events).
    const clerk = await openConsole(browser, base);
    await signInAs(clerk.page, 'clerk.selaphum');
    const row = clerk.page
      .getByRole('table', { name: 'หนังสือรอลงรับ' })
      .locator('tbody tr')
      .filter({ hasText: SUBJECT });
    const register = row.getByRole('button', { name: 'ลงรับ', exact: true });
    await register.focus();
    await register.press('Enter');
    await expect
      .poll(() => clerk.page.getByRole('status').filter({ hasText: 'เลขรับ' }).count())
      .toBe(1);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => navigations.push(frame.url()));
    await expect
      .poll(() => progress.textContent())
      .toContain(`ลงรับแล้ว ${thai(3)} จาก ${thai(8)} หน่วยงาน · ยังไม่ลงรับ ${thai(5)}`);
    await expect.poll(() => notYet.count()).toBe(5);
    expect(navigations).toEqual([]);
    await clerk.context.close();

    // The clock of the API and the worker moves past the due time: the worker's sweep runs
    // the ladder's first rung for every unit still pending, and the level shows on the open
    // page, again without reloading.
    const { rows } = await db.query<{ id: string; due_at: Date }>(
      `SELECT d.id, d.due_at FROM deliveries d JOIN units u ON u.id = d.recipient_unit_id
        WHERE d.letter_id = $1 AND u.name_th = 'องค์การบริหารส่วนตำบลขวาว'`,
      [letterId],
    );
    expect(rows).toHaveLength(1);
    const rungs = () =>
      db
        .query<{ level: number }>(`SELECT level FROM escalations WHERE delivery_id = $1`, [
          rows[0].id,
        ])
        .then((r) => r.rows.map((row) => row.level));
    expect(await rungs()).toEqual([]);
    clock.set(new Date(rows[0].due_at.getTime() + 60_000));
    const khwao = notYet.filter({ hasText: 'ขวาว' });
    await expect.poll(() => khwao.textContent()).toContain('ระดับ ๑');
    expect(await khwao.textContent()).toContain('เลยกำหนด');
    expect(await rungs()).toEqual([1]);
    expect(navigations).toEqual([]);
    await expect
      .poll(() => page.getByRole('figure').first().textContent())
      .toContain('สัดส่วนหน่วยงานที่ลงรับแล้ว');
    await expectAccessible(page, 'tracking-03-letter-escalated');

    // The overdue list: filtered by level, with the chart by level and a CSV.
    await page.getByRole('link', { name: 'หนังสือเลยกำหนด' }).click();
    const overdue = page.getByRole('table', { name: 'หนังสือเลยกำหนด' }).locator('tbody tr');
    await expect.poll(() => overdue.count()).toBe(5);
    // Every one of them reached the first rung, none the second.
    await page.getByLabel('ระดับการเร่งรัด', { exact: true }).selectOption('2');
    await expect.poll(() => overdue.count()).toBe(0);
    await page.getByLabel('ระดับการเร่งรัด', { exact: true }).selectOption('1');
    await expect.poll(() => overdue.count()).toBe(5);
    await expect.poll(() => overdue.filter({ hasText: 'ขวาว' }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'ดาวน์โหลด CSV' }).click();
    const csv = readFileSync(await (await download).path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.includes('องค์การบริหารส่วนตำบลขวาว'))).toHaveLength(1);
    await page.getByLabel('ระดับการเร่งรัด', { exact: true }).selectOption('');
    await expect.poll(() => overdue.count()).toBe(5);
    await expectAccessible(page, 'tracking-04-overdue');
    await governor.context.close();
  });
  it('opened from its address, a letter’s progress is asked for by the page before its code arrives, and once', async () => {
    const { page, context } = await openConsole(browser, base);
    await signInAs(page, 'governor.roiet');
    const address = `/tracking/letters/${letterId}`;
    const watch = async (blockScripts: boolean, slowRefresh = false) => {
      const tab = await context.newPage();
      if (slowRefresh) {
        // A slow session refresh: the app's first text is laid out before the start script
        // may ask for the fonts.
        await tab.route('**/api/v1/auth/start', async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          await route.fallback();
        });
      }
      const api: string[] = [];
      /** The bodies of the session starts the page sent. */
      const starts: unknown[] = [];
      const csp: string[] = [];
      /** The API's reads and the font files, in the order the page asked for them. */
      const asked: string[] = [];
      /** The console's script and style sheet files, each time one was asked for. */
      const files: string[] = [];
      tab.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/api/')) api.push(`${request.method()} ${path}`);
        if (path === '/api/v1/auth/start') starts.push(request.postDataJSON());
        if (path.startsWith('/api/') || path.endsWith('.woff2')) asked.push(path);
        if (/^\/assets\/.+\.(js|css)$/.test(path)) files.push(path);
      });
      tab.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) csp.push(message.text());
      });
      if (blockScripts) await tab.route('**/assets/*.js', (route) => route.abort());
      await tab.goto(address);
      return { tab, api, starts, csp, asked, files };
    };
    // The session, who is signed in and the progress: one request, answered in one round trip.
    const reads = ['POST /api/v1/auth/start'];
    const askedAlone = [
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
      `GET /api/v1/letters/${letterId}/progress`,
    ];

    // None of the console's files can load: the inline start script alone, allowed by the
    // policy's hash, still refreshes the session and reads who is signed in and the progress.
    const bare = await watch(true);
    await expect.poll(() => reads.every((read) => bare.api.includes(read))).toBe(true);
    expect(bare.starts).toEqual([{ progress: { letterId, limit: 50 } }]);
    expect(bare.csp).toEqual([]);
    // It also asks for the console's four fonts, and only once its reads are on their way.
    await expect.poll(() => bare.asked.filter((path) => path.endsWith('.woff2'))).toHaveLength(4);
    const lastRead = Math.max(
      ...reads.map((read) => bare.asked.indexOf(read.slice(read.indexOf(' ') + 1))),
    );
    expect(bare.asked.findIndex((path) => path.endsWith('.woff2'))).toBeGreaterThan(lastRead);
    // And the tracking page's own code, which only the app's loader would otherwise ask for
    // once the entry has run (here it never does).
    const pageFiles = [/\/LetterTrackingPage-[\w-]+\.js$/, /\/tracking-[\w-]+\.js$/];
    for (const file of pageFiles)
      await expect
        .poll(() => bare.files.some((path) => file.test(path)), {
          message: String(file),
        })
        .toBe(true);
    await bare.tab.close();

    // With its files, the app takes those answers instead of asking again: one start (a
    // refresh token is used once), and no refresh, /me or progress read of its own.
    const full = await watch(false);
    const progress = full.tab.getByRole('region', { name: 'ความคืบหน้า' });
    await expect.poll(() => progress.textContent()).toContain(`จาก ${thai(8)} หน่วยงาน`);
    for (const read of reads)
      expect(
        full.api.filter((r) => r === read),
        read,
      ).toHaveLength(1);
    for (const read of askedAlone)
      expect(
        full.api.filter((r) => r === read),
        read,
      ).toHaveLength(0);
    // The style sheet's fonts are the ones asked for early, not fetched a second time.
    const fonts = full.asked.filter((path) => path.endsWith('.woff2'));
    expect(new Set(fonts).size).toBe(fonts.length);
    // So are the page's files: the loader finds them fetched, each asked for once.
    for (const file of pageFiles)
      expect(full.files.filter((path) => file.test(path))).toHaveLength(1);
    expect(new Set(full.files).size).toBe(full.files.length);
    expect(full.csp).toEqual([]);
    await full.tab.close();

    // Nor when the first layout has asked for some of them before the session was refreshed.
    const slow = await watch(false, true);
    const slowProgress = slow.tab.getByRole('region', { name: 'ความคืบหน้า' });
    await expect.poll(() => slowProgress.textContent()).toContain(`จาก ${thai(8)} หน่วยงาน`);
    const slowFonts = slow.asked.filter((path) => path.endsWith('.woff2'));
    expect(slowFonts.length).toBeGreaterThan(0);
    expect(new Set(slowFonts).size).toBe(slowFonts.length);
    await context.close();
  });

  it('charts acknowledgments by working day, the data table row for row the same', async () => {
    // Six days after the sending: a weekend (and any holiday) lies between.
    const { rows: sent } = await db.query<{ day: string; at: Date }>(
      `SELECT to_char(min(sent_at) AT TIME ZONE 'Asia/Bangkok', 'YYYY-MM-DD') AS day, min(sent_at) AS at
         FROM deliveries WHERE letter_id = $1`,
      [letterId],
    );
    clock.set(new Date(sent[0].at.getTime() + 6 * 86_400_000));
    const { rows: working } = await db.query<{ day: string }>(
      `SELECT to_char(d, 'YYYY-MM-DD') AS day
         FROM generate_series($1::date, $1::date + 6, interval '1 day') d
        WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = d::date)
        ORDER BY d`,
      [sent[0].day],
    );
    expect(working.length).toBeLessThanOrEqual(5);
    const { page, context } = await openConsole(browser, base);
    await signInAs(page, 'governor.roiet', `/tracking/letters/${letterId}`);
    await page.getByRole('radio', { name: 'รายวันทำการ' }).check();
    const figure = page.getByRole('figure').filter({ hasText: 'รายวันทำการ' });
    const chart = figure.getByRole('img');
    await expect.poll(() => chart.getAttribute('data-axis')).toBe('working-days');
    // One place per working day, the quiet ones included; none for the weekend.
    expect(await chart.getAttribute('data-points')).toBe(String(working.length));
    await figure.getByText('ตารางข้อมูลของแผนภูมิ').click();
    const table = figure.getByRole('table', { name: /รายวันทำการ/ });
    const heads = await table.locator('tbody th').allTextContents();
    expect(heads).toHaveLength(working.length);
    heads.forEach((head, i) => expect(head).toMatch(new RegExp(`^วันทำการที่ ${thai(i + 1)} \\(`)));
    for (const head of heads) expect(head).not.toMatch(/\((เสาร์|อาทิตย์|ส\.|อา\.)/);
    // The table's running total ends where the page's summary stands.
    const lastRow = table.locator('tbody tr').last();
    expect(await lastRow.locator('td').nth(1).textContent()).toBe(`${thai(3)}/${thai(8)}`);
    // Everyone who registered did so on the day it was sent.
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe(
      thai(3),
    );
    await expectAccessible(page, 'tracking-05-working-days');
    await context.close();
  });
});
