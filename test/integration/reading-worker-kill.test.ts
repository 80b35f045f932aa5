import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { idOf } from '../harness/api-body.js';
import { rowsOf } from '../harness/sql.js';
import { startWorker, until, type WorkerProcess } from '../harness/worker-process.js';
import { factories } from '../factories/index.js';
import { LETTER_LINES, scannedThaiPdf, thaiTextPdf } from '../factories/thai-pdf.js';

interface PageRow {
  pageNumber: number;
  generation: number;
  text: string;
  xmin: string;
}

/**
 * A reading survives its worker: a worker is killed with SIGKILL mid-way through a scanned
 * letter, a second one takes the stalled job over and reads only the pages PostgreSQL does
 * not hold yet. Needs dist/ (`npm run build`): the workers are real processes.
 */
describe('reading when the worker is killed mid-read', () => {
  let t: TestApp;
  const workers: WorkerProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'saraban-reading-kill-'));

  beforeAll(async () => {
    // No worker in this process: the spawned ones do all of the reading.
    t = await createTestApp({ env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await t?.close();
  });

  const pages = (fileId: string) =>
    rowsOf<PageRow>(
      t.dataSource,
      `SELECT page_number AS "pageNumber", generation, text, xmin::text AS xmin
       FROM file_reading_pages WHERE file_id = $1 ORDER BY page_number`,
      [fileId],
    );
  const state = async (fileId: string) =>
    (
      await rowsOf<{ state: string; pagesDone: number; pageCount: number | null }>(
        t.dataSource,
        `SELECT state, pages_done AS "pagesDone", page_count AS "pageCount"
         FROM file_readings WHERE file_id = $1`,
        [fileId],
      )
    )[0];

  it('resumes from the pages already stored and stores each page once', async () => {
    const f = factories(t);
    const unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานทดสอบการอ่านต่อ' });
    await f.newUser({ username: 'killreader', memberships: [{ unit, role: 'clerk' }] });
    const auth = (await f.signIn('killreader')).headers.Authorization;
    const scan = await scannedThaiPdf([
      ['หน้าที่หนึ่ง เรื่อง ขอเชิญประชุม'],
      ['หน้าที่สอง เรียน ผู้ว่าราชการจังหวัด'],
      ['หน้าที่สาม ด้วยกระทรวงมหาดไทย'],
      ['หน้าที่สี่ จึงเรียนมาเพื่อโปรดทราบ'],
    ]);
    const fileId = idOf(
      await t.http
        .post('/api/v1/files')
        .set('Authorization', auth)
        .attach('file', scan, { filename: 'scan.pdf', contentType: 'application/pdf' })
        .expect(201),
    );

    const env = { DATA_DIR: dataDir, READING_OCR_WORKERS: '1' };
    const first = startWorker(env);
    workers.push(first);
    await until(
      () => state(fileId),
      (s) => s.pagesDone >= 1,
      180_000,
      100,
    );
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const atKill = await state(fileId);
    expect(atKill.state).toBe('running');
    expect(atKill.pagesDone).toBeLessThan(4);
    const before = await pages(fileId);
    expect(before.length).toBe(atKill.pagesDone);

    const second = startWorker(env);
    workers.push(second);
    const end = await until(
      () => state(fileId),
      (s) => s.state === 'done',
      240_000,
      250,
    );
    second.child.kill('SIGTERM');
    await second.exited;

    expect(end).toMatchObject({ pagesDone: 4, pageCount: 4 });
    const after = await pages(fileId);
    expect(after.map((p) => [p.pageNumber, p.generation])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 1],
    ]);
    // The pages stored before the kill were neither read again nor rewritten.
    for (const page of before) {
      expect(after.find((p) => p.pageNumber === page.pageNumber)).toEqual(page);
    }
    expect(after[3].text).toContain('โปรดทราบ');
  });
});

/** The CLI reads a PDF the way the job does (`node dist/cli.js …`). */
describe('read-pdf and parse-letter on a PDF', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['dist/cli.js', ...args], {
        env: { ...process.env, LOG_LEVEL: 'silent', READING_OCR_WORKERS: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
  const dir = mkdtempSync(join(tmpdir(), 'saraban-read-cli-'));

  it('prints the text of each page, with progress on stderr', async () => {
    const file = join(dir, 'letter.pdf');
    writeFileSync(file, await thaiTextPdf([LETTER_LINES, ['หน้าสอง น้ำท่วม']]));
    const out = await run(['read-pdf', file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(`${LETTER_LINES.join('\n')}\n\fหน้าสอง น้ำท่วม\n`);
    expect(out.stderr).toContain('page 1/2: text layer');
    expect(out.stderr).toContain('page 2/2: text layer');
  });

  it('parses a PDF letter into the same JSON as its text', async () => {
    const pdf = join(dir, 'letter-parse.pdf');
    const txt = join(dir, 'letter-parse.txt');
    writeFileSync(pdf, await thaiTextPdf([LETTER_LINES]));
    writeFileSync(txt, LETTER_LINES.join('\n'));
    const fromPdf = await run(['parse-letter', pdf]);
    const fromText = await run(['parse-letter', txt]);
    expect(fromPdf.code).toBe(0);
    expect(JSON.parse(fromPdf.stdout)).toEqual(JSON.parse(fromText.stdout));
    expect(JSON.parse(fromPdf.stdout)).toMatchObject({
      referenceNumber: { raw: 'มท ๐๒๑๐.๓/ว ๑๒๓๔' },
    });
    expect(fromPdf.stderr).toContain('page 1/1');
  });

  it('says why a broken PDF cannot be read, with a non-zero exit', async () => {
    const file = join(dir, 'broken.pdf');
    writeFileSync(file, '%PDF-1.7\nnothing else');
    const out = await run(['read-pdf', file]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('unreadable');
  });
});
