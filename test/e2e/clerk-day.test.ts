import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { samplePdf } from '../factories/sample-pdf.js';
import { idOf, listOf, pageOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';

const SEED_TEXT = readFileSync(
  new URL('../fixtures/letters/seed-moi-sms-links.txt', import.meta.url),
  'utf8',
);

function pdftotext(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'saraban-pdf-'));
  writeFileSync(join(dir, 'in.pdf'), bytes);
  return execFileSync('pdftotext', ['-layout', join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
}

/** A clerk's day over HTTP only: upload, create from OCR text, register, stamp, print, find. */
describe('a clerk at the provincial office', () => {
  let t: TestApp;
  let f: Factories;
  let office: TestUnit;
  let auth: string;

  beforeAll(async () => {
    t = await createTestApp({
      oneConnection: true,
      env: { DATA_DIR: mkdtempSync(join(tmpdir(), 'saraban-data-')) },
    });
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z'); // 10.55 น. Bangkok
    const province = await f.newUnit({
      nameTh: 'จังหวัดร้อยเอ็ด',
      kind: 'province',
      letterCode: 'รอ',
      ownerNumber: '0017',
    });
    office = await f.newUnit({
      nameTh: 'สำนักงานจังหวัดร้อยเอ็ด',
      kind: 'provincial_office',
      parent: province,
      letterCode: 'รอ',
      ownerNumber: '0017.3',
    });
    await f.newUser({ username: 'clerk.roiet', memberships: [{ unit: office, role: 'clerk' }] });
    auth = (await f.signIn('clerk.roiet')).headers.Authorization;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uploads, records from text, registers, stamps, prints and finds the letter', async () => {
    const upload = await t.http
      .post('/api/v1/files')
      .set('Authorization', auth)
      .attach('file', await samplePdf('seed letter', 2), {
        filename: 'scan.pdf',
        contentType: 'application/pdf',
      });
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    expect(upload.body).toMatchObject({
      pages: 2,
      size: like.any(Number),
      sha256: like.stringMatching(/^[0-9a-f]{64}$/),
    });

    const letter = await t.http
      .post('/api/v1/letters/from-text')
      .set('Authorization', auth)
      .send({ text: SEED_TEXT, fileIds: [idOf(upload)], senderText: 'กระทรวงมหาดไทย' })
      .expect(201);
    expect(letter.body).toMatchObject({
      kind: 'external',
      referenceRaw: 'มท ๐๒๑๐.๕/๒๖๓',
      agencyNumber: '0210.5',
      letterDate: '2025-01-12',
      suggestedLetterDate: '2026-01-12',
      subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์',
    });

    const registers = await t.http
      .get(`/api/v1/units/${office.id}/registers`)
      .set('Authorization', auth)
      .expect(200);
    const incoming = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'incoming')!;
    expect(incoming).toBeDefined();

    const entry = await t.http
      .post(`/api/v1/registers/${incoming.id}/entries`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'scan-0001')
      .send({ letterId: idOf(letter), action: 'เสนอ ผวจ.' })
      .expect(201);
    expect(entry.body).toMatchObject({
      receiptNumber: 1,
      beYear: 2569,
      receivedAt: '2026-01-15T03:55:00.000Z',
      display: { receiptNumber: '๑', date: '๑๕ ม.ค. ๒๕๖๙', time: '๑๐.๕๕ น.' },
    });
    const replay = await t.http
      .post(`/api/v1/registers/${incoming.id}/entries`)
      .set('Authorization', auth)
      .set('Idempotency-Key', 'scan-0001')
      .send({ letterId: idOf(letter), action: 'เสนอ ผวจ.' })
      .expect(201);
    expect(idOf(replay)).toBe(idOf(entry));
    expect(replay.headers['idempotent-replayed']).toBe('true');

    const stamped = await t.http
      .get(`/api/v1/register-entries/${idOf(entry)}/stamped.pdf`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(stamped.headers['content-type']).toBe('application/pdf');
    const text = pdftotext(stamped.body as Buffer);
    for (const expected of [
      'สำนักงานจังหวัดร้อยเอ็ด',
      'เลขรับ',
      '๑๕ ม.ค. ๒๕๖๙',
      '๑๐.๕๕ น.',
      'seed letter page 1',
    ]) {
      expect(text).toContain(expected);
    }

    const csv = await t.http
      .get(
        `/api/v1/registers/${incoming.id}/printout.csv?from=${encodeURIComponent('๑ ม.ค. ๒๕๖๙')}&to=31/01/2569`,
      )
      .set('Authorization', auth)
      .expect(200);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(csv.text).toContain('มท ๐๒๑๐.๕/๒๖๓');
    expect(csv.text).toContain('เลขทะเบียนรับ');

    const pdf = await t.http
      .get(`/api/v1/registers/${incoming.id}/printout.pdf?from=2026-01-01&to=2026-01-31`)
      .set('Authorization', auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const printed = pdftotext(pdf.body as Buffer);
    expect(printed).toContain('ทะเบียนหนังสือรับ');
    expect(printed).toContain('หน้า ๑/๑');

    const found = await t.http
      .get(`/api/v1/letters?q=${encodeURIComponent('อาชญากรรม')}`)
      .set('Authorization', auth)
      .expect(200);
    expect(pageOf(found, 'LetterSummaryResponse').items.map((l) => l.id)).toEqual([idOf(letter)]);
  });
});
