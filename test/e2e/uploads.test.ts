import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories } from '../factories/index.js';
import { samplePdf } from '../factories/sample-pdf.js';
import { buildPdf, escapeNames, HOSTILE } from '../factories/hostile-pdfs.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { rowsOf } from '../harness/sql.js';

async function pdfWithJavaScript(): Promise<Buffer> {
  const doc = await PDFDocument.load(await samplePdf('js'));
  const action = doc.context.obj({
    Type: 'Action',
    S: 'JavaScript',
    JS: PDFString.of('app.alert(1)'),
  });
  doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(action));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

async function encryptedPdf(): Promise<Buffer> {
  const doc = await PDFDocument.load(await samplePdf('secret'));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 2, R: 3, Length: 128, P: -3904 });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('uploads: every bad file gets its own code', () => {
  let t: TestApp;
  let f: Factories;
  let auth: string;
  const upload = (bytes: Buffer, name = 'scan.pdf') =>
    t.http
      .post('/api/v1/files')
      .set('Authorization', auth)
      .attach('file', bytes, { filename: name, contentType: 'application/pdf' });

  beforeAll(async () => {
    t = await createTestApp({
      oneConnection: true,
      env: {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'saraban-up-')),
        FILE_MAX_BYTES: '200000',
        FILE_MAX_PAGES: '3',
      },
    });
    f = factories(t);
    const unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดทดสอบ' });
    await f.newUser({ username: 'uploader', memberships: [{ unit, role: 'clerk' }] });
    auth = (await f.signIn('uploader')).headers.Authorization;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts a good PDF, stores it by sha256, and serves the original unchanged', async () => {
    const bytes = await samplePdf('good', 2);
    const res = await upload(bytes).expect(201);
    expect(res.body).toMatchObject({ pages: 2, size: bytes.length, mediaType: 'application/pdf' });
    const again = await upload(bytes).expect(201);
    const sha256 = bodyOf(res, 'UploadedFileResponse').sha256;
    expect(bodyOf(again, 'UploadedFileResponse').sha256).toBe(sha256);
    const content = await t.http
      .get(`/api/v1/files/${idOf(res)}/content`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers.etag).toBe(`"${sha256}"`);
    expect(Buffer.compare(content.body as Buffer, bytes)).toBe(0);
  });

  it.each([
    [
      'not a PDF',
      () => Promise.resolve(Buffer.from('GIF89a not a pdf at all')),
      415,
      'FILE_NOT_PDF',
    ],
    [
      'too large',
      () => Promise.resolve(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(300_000, 32)])),
      413,
      'FILE_TOO_LARGE',
    ],
    [
      'unparseable',
      () => Promise.resolve(Buffer.from('%PDF-1.7\nthis is not really a pdf\n%%EOF')),
      422,
      'FILE_PDF_UNPARSEABLE',
    ],
    ['encrypted', encryptedPdf, 422, 'FILE_PDF_ENCRYPTED'],
    ['over the page limit', () => samplePdf('long', 5), 422, 'FILE_PDF_TOO_MANY_PAGES'],
    ['carrying JavaScript', pdfWithJavaScript, 422, 'FILE_PDF_ACTIVE_CONTENT'],
  ])('refuses a file that is %s', async (_name, make, status, code) => {
    const before = await rowsOf<{ n: number }>(
      t.dataSource,
      'SELECT count(*)::int AS n FROM files',
    );
    const res = await upload(await make()).expect(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(problemOf(res).code).toBe(code);
    expect(problemOf(res).detail).toMatch(/[\u0E00-\u0E7F]/);
    const after = await rowsOf<{ n: number }>(t.dataSource, 'SELECT count(*)::int AS n FROM files');
    expect(after[0].n).toBe(before[0].n);
  });

  it.each(Object.entries(HOSTILE))(
    'refuses active content: %s (object streams, and #xx-escaped names)',
    async (_name, { kind, build }) => {
      for (const bytes of [
        await buildPdf(build, true),
        escapeNames(await buildPdf(build, false)),
      ]) {
        const res = await upload(bytes);
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(problemOf(res).code).toBe('FILE_PDF_ACTIVE_CONTENT');
        expect(problemOf(res).activeContent).toContain(kind);
      }
    },
  );

  it('serves originals as sandboxed attachments, inline only when the viewer asks', async () => {
    const bytes = await samplePdf('headers');
    const res = await upload(bytes, 'ไฟล์ทดสอบ.pdf').expect(201);
    expect(bodyOf(res, 'UploadedFileResponse').originalName).toBe('ไฟล์ทดสอบ.pdf');
    const meta = await t.http
      .get(`/api/v1/files/${idOf(res)}`)
      .set('Authorization', auth)
      .expect(200);
    expect(bodyOf(meta, 'FileDetail').originalName).toBe('ไฟล์ทดสอบ.pdf');
    const download = await t.http
      .get(`/api/v1/files/${idOf(res)}/content`)
      .set('Authorization', auth)
      .expect(200);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toBe('sandbox');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="_________.pdf"; filename*=UTF-8''${encodeURIComponent('ไฟล์ทดสอบ.pdf')}`,
    );
    const inline = await t.http
      .get(`/api/v1/files/${idOf(res)}/content?inline=1`)
      .set('Authorization', auth)
      .expect(200);
    expect(inline.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(inline.headers['content-security-policy']).toBe('sandbox');
  });

  it('keeps a name with quotes, paths and control characters harmless', async () => {
    const res = await upload(await samplePdf('names'), '..\\a"b\u200b.pdf').expect(201);
    expect(bodyOf(res, 'UploadedFileResponse').originalName).toBe('a"b.pdf');
    const download = await t.http
      .get(`/api/v1/files/${idOf(res)}/content`)
      .set('Authorization', auth)
      .expect(200);
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`,
    );
  });

  it('refuses a request without a file, and a JSON body', async () => {
    const none = await t.http
      .post('/api/v1/files')
      .set('Authorization', auth)
      .field('note', 'x')
      .expect(400);
    expect(problemOf(none).code).toBe('FILE_MISSING');
    const json = await t.http
      .post('/api/v1/files')
      .set('Authorization', auth)
      .send({ file: 'x' })
      .expect(415);
    expect(problemOf(json).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('requires sign-in', async () => {
    const res = await t.http
      .post('/api/v1/files')
      .attach('file', await samplePdf(), 'a.pdf')
      .expect(401);
    expect(problemOf(res).code).toBe('UNAUTHENTICATED');
  });
});
