import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from 'src/queue/job-queue.js';
import { readingJobId } from 'src/queue/jobs.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { readStoredPdf } from '../harness/stored-reading.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { until } from '../harness/worker-process.js';
import { factories } from '../factories/index.js';
import { noisePdf } from '../factories/thai-pdf.js';

type Reading = ReturnType<typeof bodyOf<'ReadingResponse'>>;

const A4: [number, number] = [595, 842];

/** A scan of `pages` pages, cheap to make: one small grey image drawn on every page. */
async function longScan(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  // An 8×8 grey PNG (a scanner's smudge), embedded once and shared by every page.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAAAAADhZOFXAAAAT0lEQVR4nB3LVQqAQBQAwHfslRXFxe7u7q4TCs7/AGJFw8/aBTBR7KgcdmAE3Uub+QJOtsKi317gNTepp5MCyQzybn1oUJ24Gg/Ewn9vTD42TyVZwhYUqQAAAABJRU5ErkJggg==',
    'base64',
  );
  const image = await doc.embedPng(png);
  for (let i = 0; i < pages; i++) {
    doc.addPage(A4).drawImage(image, { x: 280, y: 400, width: 36, height: 36 });
  }
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** A page whose text layer holds only blanks: text there is, words there are none. */
async function emptyTextLayerPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage(A4);
  page.drawText('      ', { x: 72, y: 760, size: 18, font });
  page.drawText('\t \t', { x: 72, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

/**
 * Bad input to the reading job, each ending in a clear state with a Thai message, never a
 * job left running: a broken PDF, a page of noise, an empty text layer, a 500-page scan
 * (the page limit of the upload: one page more is refused there). The encrypted PDF and a
 * blank page are in reading.test.ts; the upload's own refusals in uploads.test.ts.
 */
describe('reading bad input', () => {
  let t: TestApp;
  let clerk: string;
  let unitId: string;

  const upload = (bytes: Buffer) =>
    t.http
      .post('/api/v1/files')
      .set('Authorization', clerk)
      .attach('file', bytes, { filename: 'scan.pdf', contentType: 'application/pdf' });
  const reading = async (id: string): Promise<Reading> =>
    bodyOf(
      await t.http.get(`/api/v1/files/${id}/reading`).set('Authorization', clerk).expect(200),
      'ReadingResponse',
    );
  const ended = (id: string) =>
    until(
      () => reading(id),
      (r) => r.state === 'done' || r.state === 'failed',
      240_000,
      250,
    );

  beforeAll(async () => {
    t = await createTestApp({
      worker: true,
      env: {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'saraban-reading-bad-')),
        READING_OCR_WORKERS: '1',
        READING_PAGE_TIMEOUT_MS: '20000',
      },
    });
    const f = factories(t);
    const unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานทดสอบไฟล์เสีย' });
    unitId = unit.id;
    await f.newUser({ username: 'bad.reader', memberships: [{ unit, role: 'clerk' }] });
    clerk = (await f.signIn('bad.reader')).headers.Authorization;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('fails a broken PDF that reached storage with a Thai reason, not a retry loop', async () => {
    // Uploads refuse it (FILE_PDF_UNPARSEABLE); one stored by other means must still end.
    const good = await emptyTextLayerPdf();
    const bytes = good.subarray(0, Math.floor(good.length / 2));
    const fileId = await readStoredPdf(t, bytes, 'broken.pdf', unitId);
    const failed = await ended(fileId);
    expect(failed).toMatchObject({ state: 'failed', pages: null });
    expect(failed.failure?.code).toBe('READING_PDF_UNREADABLE');
    expect(failed.failure?.detail).toMatch(/เสียหาย/);
  });

  it('ends a page of noise as read with a warning and next to no text', async () => {
    const id = idOf(await upload(await noisePdf()).expect(201));
    const done = await ended(id);
    expect(done.state).toBe('done');
    const page = done.pages![0];
    expect(page.method).toBe('ocr');
    expect(
      ['empty_page', 'noise_dropped', 'low_confidence', 'ocr_timeout'].some((w) =>
        page.warnings.includes(w),
      ),
    ).toBe(true);
    expect(page.text.replace(/\s/g, '').length).toBeLessThan(20);
  });

  it('reads a page whose text layer is empty by OCR, and ends it as no text', async () => {
    const id = idOf(await upload(await emptyTextLayerPdf()).expect(201));
    const done = await ended(id);
    expect(done).toMatchObject({ state: 'done', warnings: ['no_text'] });
    expect(done.pages![0]).toMatchObject({ method: 'ocr', text: '', warnings: ['empty_page'] });
    // Parsing it finds nothing to prefill (the console says the file has no text): no field,
    // no confidence, never a server error.
    const parsed = bodyOf(
      await t.http
        .post('/api/v1/intake/parse')
        .set('Authorization', clerk)
        .send({ fileId: id })
        .expect(200),
      'ParsedLetterResponse',
    );
    expect(parsed).toMatchObject({
      subject: null,
      referenceNumber: null,
      letterDate: null,
      confidence: {},
    });
  });

  it('takes a 500-page scan and shows its progress; refuses one page more at upload', async () => {
    const over = await upload(await longScan(501)).expect(422);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemOf(over).code).toBe('FILE_PDF_TOO_MANY_PAGES');
    expect(problemOf(over).detail).toMatch(/501 หน้า เกินกำหนด 500/);

    const res = await upload(await longScan(500)).expect(201);
    expect(bodyOf(res, 'UploadedFileResponse').pages).toBe(500);
    const id = idOf(res);
    const started = await until(
      () => reading(id),
      (r) => r.state === 'running' && r.pagesDone >= 2,
      240_000,
      250,
    );
    expect(started).toMatchObject({ state: 'running', pageCount: 500, pages: null });
    // Each page is committed as it is read: what is done is in PostgreSQL, not in the job.
    const stored = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM file_reading_pages WHERE file_id = $1',
      [id],
    );
    expect(stored[0].n).toBeGreaterThanOrEqual(2);
    // A newer reading (what POST /read makes) supersedes it: the running job stops at its
    // next page instead of reading the other 498, and leaves the queue.
    await t.dataSource.query(
      'UPDATE file_readings SET generation = generation + 1 WHERE file_id = $1',
      [id],
    );
    const queue = t.get(JobQueue);
    await until(
      () => queue.standing('reading', readingJobId(id, 1)),
      (standing) => standing === 'missing' || standing === 'completed',
      240_000,
      250,
    );
    const kept = await t.dataSource.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM file_reading_pages WHERE file_id = $1',
      [id],
    );
    expect(kept[0].n).toBeLessThan(500);
  });
});
