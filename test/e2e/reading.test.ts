import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesJobs } from 'src/modules/files/files.jobs.js';
import { readingJobId } from 'src/queue/jobs.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { readStoredPdf } from '../harness/stored-reading.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { until } from '../harness/worker-process.js';
import { factories } from '../factories/index.js';
import { LETTER_LINES, scannedThaiPdf, thaiTextPdf } from '../factories/thai-pdf.js';

type Reading = ReturnType<typeof bodyOf<'ReadingResponse'>>;

/**
 * Reading a stored PDF over HTTP, with the worker in the same process: it starts by itself
 * after an upload commits, `POST /files/:id/read` starts it again, and
 * `GET /files/:id/reading` shows state, progress and the pages, to the file's unit only.
 */
describe('reading uploaded PDFs', () => {
  let t: TestApp;
  let clerk: string;
  let stranger: string;
  let unitId: string;

  const upload = async (bytes: Buffer) =>
    idOf(
      await t.http
        .post('/api/v1/files')
        .set('Authorization', clerk)
        .attach('file', bytes, { filename: 'letter.pdf', contentType: 'application/pdf' })
        .expect(201),
    );
  const reading = async (id: string, auth = clerk, query = ''): Promise<Reading> =>
    bodyOf(
      await t.http
        .get(`/api/v1/files/${id}/reading${query}`)
        .set('Authorization', auth)
        .expect(200),
      'ReadingResponse',
    );
  const ended = (id: string, query = '') =>
    until(
      () => reading(id, clerk, query),
      (r) => r.state === 'done' || r.state === 'failed',
      240_000,
      250,
    );

  beforeAll(async () => {
    t = await createTestApp({
      worker: true,
      env: {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'saraban-reading-')),
        READING_OCR_WORKERS: '1',
      },
    });
    const f = factories(t);
    const unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดทดสอบการอ่าน' });
    const other = await f.newUnit({ kind: 'other', nameTh: 'หน่วยงานอื่น' });
    unitId = unit.id;
    await f.newUser({ username: 'reader', memberships: [{ unit, role: 'clerk' }] });
    await f.newUser({ username: 'outsider', memberships: [{ unit: other, role: 'clerk' }] });
    clerk = (await f.signIn('reader')).headers.Authorization;
    stranger = (await f.signIn('outsider')).headers.Authorization;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reads a born-digital letter after its upload: text layer, normalised, with positions', async () => {
    const id = await upload(await thaiTextPdf([LETTER_LINES, ['หน้าสอง น้ำท่วม']]));
    const done = await ended(id, '?lines=1');
    expect(done).toMatchObject({ state: 'done', pageCount: 2, pagesDone: 2, failure: null });
    expect(done.generation).toBe(1);
    const pages = done.pages ?? [];
    expect(pages.map((p) => [p.pageNumber, p.method, p.confidence])).toEqual([
      [1, 'text_layer', 1],
      [2, 'text_layer', 1],
    ]);
    expect(pages[0].text).toBe(LETTER_LINES.join('\n'));
    // The split ำ of the PDF's ToUnicode map is composed again.
    expect(pages[1].text).toBe('หน้าสอง น้ำท่วม');
    expect(pages[0].lines?.[0]).toMatchObject({ text: LETTER_LINES[0], confidence: 1 });
    expect(pages[0].lines?.[0].box.x0).toBeCloseTo(72, 0);
    // Without ?lines=1 the pages come without their lines.
    expect((await reading(id)).pages?.[0].lines).toBeUndefined();
  });

  it('answers 404 to another unit, for the reading and for a re-read', async () => {
    const id = await upload(await thaiTextPdf([['หนังสือของหน่วยงานเรา ลับเฉพาะหน่วย']]));
    const denied = await t.http
      .get(`/api/v1/files/${id}/reading`)
      .set('Authorization', stranger)
      .expect(404);
    expect(problemOf(denied).code).toBe('FILE_NOT_FOUND');
    await t.http.post(`/api/v1/files/${id}/read`).set('Authorization', stranger).expect(404);
    await t.http
      .get(`/api/v1/files/00000000-0000-4000-8000-000000000000/reading`)
      .set('Authorization', clerk)
      .expect(404);
    await t.http.get(`/api/v1/files/${id}/reading`).expect(401);
  });

  it('re-reads on request: a new generation replaces the pages, and the audit trail says who', async () => {
    const id = await upload(await thaiTextPdf([['หนังสือที่จะอ่านซ้ำ ฉบับที่หนึ่ง']]));
    const first = await ended(id);
    expect(first.generation).toBe(1);
    const again = await t.http
      .post(`/api/v1/files/${id}/read`)
      .set('Authorization', clerk)
      .expect(202);
    expect(bodyOf(again, 'ReadingResponse')).toMatchObject({
      state: 'queued',
      generation: 2,
      pagesDone: 0,
      pages: null,
    });
    const second = await ended(id);
    expect(second).toMatchObject({ state: 'done', generation: 2, pagesDone: 1 });
    expect(second.pages?.[0].text).toBe('หนังสือที่จะอ่านซ้ำ ฉบับที่หนึ่ง');
    const audit: { count: string }[] = await t.dataSource.query(
      `SELECT count(*) FROM audit_events WHERE action = 'file.reading_requested' AND subject_id = $1`,
      [id],
    );
    expect(Number(audit[0].count)).toBe(1);
  });

  it('OCRs a scanned letter and stores its confidences', async () => {
    const id = await upload(await scannedThaiPdf());
    const done = await ended(id, '?lines=1');
    expect(done.state).toBe('done');
    const page = done.pages?.[0];
    expect(page?.method).toBe('ocr');
    expect(page?.confidence).toBeGreaterThan(0.6);
    expect(page?.confidence).toBeLessThan(1);
    expect(page?.text).toContain('ขอเชิญประชุม');
    for (const line of page?.lines ?? []) {
      expect(line.charConfidences).toHaveLength(line.text.length);
    }
  });

  it('ends an empty page as done with a warning, and an encrypted file as failed in Thai', async () => {
    const blank = await PDFDocument.create();
    blank.addPage();
    const emptyId = await upload(Buffer.from(await blank.save()));
    const empty = await ended(emptyId);
    expect(empty.state).toBe('done');
    expect(empty.warnings).toEqual(['no_text']);
    expect(empty.pages?.[0]).toMatchObject({ text: '', warnings: ['empty_page'] });

    // Uploads refuse encrypted PDFs; one stored by other means must still end clearly.
    const doc = await PDFDocument.create();
    doc.addPage();
    const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904 });
    doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
    const bytes = await doc.save();
    const fileId = await readStoredPdf(t, bytes, 'locked.pdf', unitId);
    const failed = await ended(fileId);
    expect(failed).toMatchObject({ state: 'failed', pages: null });
    expect(failed.failure?.code).toBe('READING_PDF_ENCRYPTED');
    expect(failed.failure?.detail).toMatch(/เข้ารหัส/);
  });

  it('gives the reconcile sweep the readings whose job Redis lost, after a grace period', async () => {
    // Stopped in the database before any worker could take it: the state a lost job leaves.
    const id = await upload(await thaiTextPdf([['หนังสือที่งานหายจากคิว']]));
    await ended(id);
    await t.dataSource.query(
      `UPDATE file_readings SET state = 'queued', requested_at = $2 WHERE file_id = $1`,
      [id, new Date(Date.now() - 30_000)],
    );
    const jobs = t.get(FilesJobs);
    const due = (now: Date) =>
      t.dataSource.transaction((manager) => jobs.dueJobs(manager, now, 100));
    expect((await due(new Date())).map((job) => job.id)).not.toContain(readingJobId(id, 1));
    const later = new Date(Date.now() + 60_000);
    expect((await due(later)).map((job) => job.id)).toContain(readingJobId(id, 1));
    // Once ended, nothing is due.
    await t.dataSource.query(`UPDATE file_readings SET state = 'done' WHERE file_id = $1`, [id]);
    expect((await due(later)).map((job) => job.id)).not.toContain(readingJobId(id, 1));
  });

  it('parses a read PDF by fileId, with a confidence per field; 409 before it is read', async () => {
    const textId = await upload(await thaiTextPdf());
    await ended(textId);
    const fromLayer = await t.http
      .post('/api/v1/intake/parse')
      .set('Authorization', clerk)
      .send({ fileId: textId })
      .expect(200);
    const layer = bodyOf(fromLayer, 'ParsedLetterResponse');
    expect(layer.referenceNumber?.raw).toBe('มท ๐๒๑๐.๓/ว ๑๒๓๔');
    expect(layer.confidence).toMatchObject({ referenceNumber: 1, letterDate: 1, subject: 1 });
    expect(layer.warnings.filter((w) => w.code === 'low_confidence')).toEqual([]);

    const scanId = await upload(await scannedThaiPdf());
    // Not read yet: 409 with a Thai detail (the worker has not finished this OCR).
    const early = await t.http
      .post('/api/v1/intake/parse')
      .set('Authorization', clerk)
      .send({ file_id: scanId })
      .expect(409);
    expect(problemOf(early).code).toBe('FILE_READING_NOT_DONE');
    await ended(scanId);
    const fromScan = bodyOf(
      await t.http
        .post('/api/v1/intake/parse')
        .set('Authorization', clerk)
        .send({ file_id: scanId })
        .expect(200),
      'ParsedLetterResponse',
    );
    // OCR-read Thai digits are never taken on trust: the reference number is flagged.
    expect(fromScan.confidence?.referenceNumber).toBeLessThanOrEqual(0.5);
    expect(fromScan.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'referenceNumber' }),
    );
    expect(fromScan.confidence?.subject).toBeGreaterThan(0.6);
    expect(fromScan.confidence?.subject).toBeLessThan(1);

    await t.http
      .post('/api/v1/intake/parse')
      .set('Authorization', stranger)
      .send({ fileId: textId })
      .expect(404);
    await t.http.post('/api/v1/intake/parse').send({ fileId: textId }).expect(401);
    // Text without a file is parsed as before, with no confidence.
    const plain = bodyOf(
      await t.http
        .post('/api/v1/intake/parse')
        .send({ text: LETTER_LINES.join('\n') })
        .expect(200),
      'ParsedLetterResponse',
    );
    expect(plain.confidence).toBeUndefined();

    const letter = await t.http
      .post('/api/v1/letters/from-text')
      .set('Authorization', clerk)
      .send({ fileId: textId })
      .expect(201);
    expect((letter.body as { subject: string }).subject).toBe('ขอเชิญประชุมคณะกรรมการ');
    expect((letter.body as { fileIds?: string[] }).fileIds ?? [textId]).toContain(textId);
  });
});
