import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { RegistersRepository } from 'src/modules/registers/registers.repository.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { bodyOf, idOf, listOf, pageOf, problemOf } from '../harness/api-body.js';
import { countOf, oneRow, rowsOf } from '../harness/sql.js';

describe('registers: numbers, corrections and bad input', () => {
  let t: TestApp;
  let f: Factories;
  let office: TestUnit;
  let other: TestUnit;
  let clerk: string;
  let outsider: string;
  let incoming: string;
  let outgoing: string;
  let circular: string;

  const newLetter = async (subject: string, extra: Record<string, unknown> = {}) =>
    idOf(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', clerk)
        .send({ kind: 'external', subject, ...extra })
        .expect(201),
    );
  const register = (registerId: string, letterId: string, auth = clerk) =>
    t.http
      .post(`/api/v1/registers/${registerId}/entries`)
      .set('Authorization', auth)
      .send({ letterId });
  const committedNumbers = async (registerId: string, beYear: number) =>
    (
      await rowsOf<{ number: number }>(
        t.dataSource,
        'SELECT number FROM register_entries WHERE register_id = $1 AND be_year = $2 ORDER BY number',
        [registerId, beYear],
      )
    ).map((r) => r.number);

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    t.clock.set('2026-03-02T02:00:00Z');
    office = await f.newUnit({
      kind: 'other',
      nameTh: 'สำนักงานจังหวัดร้อยเอ็ด',
      letterCode: 'รอ',
      ownerNumber: '0017.3',
    });
    other = await f.newUnit({
      kind: 'other',
      nameTh: 'สำนักงานจังหวัดขอนแก่น',
      letterCode: 'ขก',
      ownerNumber: '0017.3',
    });
    await f.newUser({ username: 'clerk.a', memberships: [{ unit: office, role: 'clerk' }] });
    await f.newUser({ username: 'clerk.b', memberships: [{ unit: other, role: 'clerk' }] });
    clerk = (await f.signIn('clerk.a')).headers.Authorization;
    outsider = (await f.signIn('clerk.b')).headers.Authorization;
    const registers = listOf(
      await t.http
        .get(`/api/v1/units/${office.id}/registers`)
        .set('Authorization', clerk)
        .expect(200),
      'RegisterResponse',
    );
    incoming = registers.find((r) => r.kind === 'incoming')!.id;
    outgoing = registers.find((r) => r.kind === 'outgoing')!.id;
    circular = registers.find((r) => r.kind === 'circular')!.id;
  });
  /** Tokens follow the test clock, so sign in again whenever the clock moves. */
  const signIn = async () => {
    clerk = (await f.signIn('clerk.a')).headers.Authorization;
    outsider = (await f.signIn('clerk.b')).headers.Authorization;
  };
  beforeEach(async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    await signIn();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('turns the year at midnight Bangkok time: 23:59:59 and 00:00:01 land in different years', async () => {
    t.clock.set('2026-12-31T16:59:59Z'); // 31 Dec 2569, 23:59:59 in Bangkok
    await signIn();
    const late = await register(incoming, await newLetter('ส่งท้ายปี')).expect(201);
    t.clock.set('2026-12-31T17:00:01Z'); // 1 Jan 2570, 00:00:01 in Bangkok
    const early = await register(incoming, await newLetter('ต้อนรับปีใหม่')).expect(201);
    expect(bodyOf(late, 'EntryResponse').beYear).toBe(2569);
    expect(early.body).toMatchObject({ beYear: 2570, receiptNumber: 1 });
    expect(bodyOf(early, 'EntryResponse').display.date).toBe('๑ ม.ค. ๒๕๗๐');
  });

  it('gives a failed registration its number back', async () => {
    const before = await committedNumbers(incoming, 2569);
    const repository = t.get(RegistersRepository);
    await expect(
      t.dataSource.transaction(async (manager) => {
        const number = await repository.allocateNumber(manager, incoming, 2569);
        expect(number).toBe(before.length + 1);
        throw new Error('the entry could not be written');
      }),
    ).rejects.toThrow('could not be written');
    const next = await register(incoming, await newLetter('หลังรายการที่ล้มเหลว')).expect(201);
    expect(bodyOf(next, 'EntryResponse').receiptNumber).toBe(before.length + 1);
  });

  it('never lets the database change a number, its register or its year', async () => {
    const entry = bodyOf(
      await register(incoming, await newLetter('เลขคงที่')).expect(201),
      'EntryResponse',
    );
    await expect(
      t.dataSource.query('UPDATE register_entries SET number = number + 100 WHERE id = $1', [
        entry.id,
      ]),
    ).rejects.toThrow(/never change/);
    await expect(
      t.dataSource.query('UPDATE register_entries SET be_year = 2500 WHERE id = $1', [entry.id]),
    ).rejects.toThrow(/never change/);
    await expect(
      t.dataSource.query('DELETE FROM register_entries WHERE id = $1', [entry.id]),
    ).rejects.toThrow(/never deleted/);
  });

  it('cancels keeping the number, refuses a second cancel, and links a replacement both ways', async () => {
    const entry = bodyOf(
      await register(incoming, await newLetter('ลงรับผิดเล่ม')).expect(201),
      'EntryResponse',
    );
    const cancelled = await t.http
      .post(`/api/v1/registers/${incoming}/entries/${entry.id}/cancel`)
      .set('Authorization', clerk)
      .send({ reason: 'ลงรับซ้ำ' })
      .expect(201);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'ลงรับซ้ำ',
      receiptNumber: entry.receiptNumber,
    });
    const again = await t.http
      .post(`/api/v1/registers/${incoming}/entries/${entry.id}/cancel`)
      .set('Authorization', clerk)
      .send({ reason: 'อีกครั้ง' })
      .expect(409);
    expect(problemOf(again).code).toBe('ENTRY_ALREADY_CANCELLED');

    const original = bodyOf(
      await register(incoming, await newLetter('แก้ไขรายการ')).expect(201),
      'EntryResponse',
    );
    const replacement = await t.http
      .post(`/api/v1/registers/${incoming}/entries`)
      .set('Authorization', clerk)
      .send({ letterId: original.letterId, replacesEntryId: original.id, remarks: 'แก้ไขผู้รับ' })
      .expect(201);
    expect(bodyOf(replacement, 'EntryResponse').replacesEntryId).toBe(original.id);
    const row = await oneRow<{ status: string; replaced_by_entry_id: string | null }>(
      t.dataSource,
      'SELECT id, status, replaced_by_entry_id FROM register_entries WHERE id = $1',
      [original.id],
    );
    expect(row).toMatchObject({
      status: 'cancelled',
      replaced_by_entry_id: idOf(replacement),
    });
  });

  it('answers bad input with 4xx problem+json and consumes no number', async () => {
    const before = await committedNumbers(incoming, 2569);
    const unknownLetter = await register(incoming, '00000000-0000-4000-8000-000000000000').expect(
      404,
    );
    expect(problemOf(unknownLetter).code).toBe('LETTER_NOT_FOUND');
    const mine = await newLetter('ของสำนักงานจังหวัดร้อยเอ็ด');
    const foreign = await register(incoming, mine, outsider).expect(404);
    expect(problemOf(foreign).code).toBe('REGISTER_NOT_FOUND');
    expect(JSON.stringify(foreign.body)).not.toContain('ร้อยเอ็ด');
    const noLetter = await t.http
      .post(`/api/v1/registers/${incoming}/entries`)
      .set('Authorization', clerk)
      .send({})
      .expect(400);
    expect(problemOf(noLetter).code).toBe('VALIDATION_FAILED');
    const unknownField = await t.http
      .post(`/api/v1/registers/${incoming}/entries`)
      .set('Authorization', clerk)
      .send({ letterId: mine, number: 7 })
      .expect(400);
    expect(problemOf(unknownField).errors![0]).toMatchObject({
      field: 'number',
      code: 'whitelistValidation',
    });
    const wrongKind = await t.http
      .post(`/api/v1/registers/${outgoing}/entries`)
      .set('Authorization', clerk)
      .send({ letterId: mine })
      .expect(409);
    expect(problemOf(wrongKind).code).toBe('REGISTER_WRONG_DIRECTION');
    const badDate = await t.http
      .get(
        `/api/v1/registers/${incoming}/printout.csv?from=${encodeURIComponent('๓๒ มกราคม ๒๕๖๙')}`,
      )
      .set('Authorization', clerk)
      .expect(400);
    expect(problemOf(badDate).code).toBe('DATE_UNPARSEABLE');
    expect(await committedNumbers(incoming, 2569)).toEqual(before);
  });

  it('refuses a letter whose year no letter can have, or whose number has no agency letters', async () => {
    const letters = () => countOf(t.dataSource, `SELECT count(*) FROM letters`);
    const before = await letters();
    for (const letterDate of ['๑๒ มกราคม ๒๖๙๙', '12 มกราคม 2026', '๑๒ ม.ค. ๕๖๙']) {
      const bad = await t.http
        .post('/api/v1/letters')
        .set('Authorization', clerk)
        .send({ kind: 'external', subject: 'ปีผิด', letterDate })
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body).toMatchObject({
        code: 'LETTER_DATE_INVALID',
        errors: [{ field: 'letterDate', code: 'year_out_of_range' }],
      });
    }
    for (const referenceNumber of ['๐๒๑๐.๕/๒๖๓', '๒๖๓']) {
      const bad = await t.http
        .post('/api/v1/letters')
        .set('Authorization', clerk)
        .send({ kind: 'external', subject: 'เลขผิด', referenceNumber })
        .expect(400);
      expect(bad.body).toMatchObject({
        code: 'LETTER_REFERENCE_INVALID',
        errors: [{ field: 'referenceNumber', code: 'no_prefix' }],
      });
    }
    expect(await letters()).toBe(before);
  });

  it('resolves a citation to the letter it names, among the letters the clerk may see', async () => {
    const cited = await newLetter('หนังสือต้นเรื่อง', {
      referenceNumber: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
      letterDate: '๑๙ พฤศจิกายน ๒๕๖๘',
    });
    const citing = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .send({
        kind: 'external',
        subject: 'หนังสือที่อ้างถึง',
        references: [
          'หนังสือกระทรวงมหาดไทย ที่ มท 0210.5/ว 10557 ลงวันที่ 19 พ.ย. 2568',
          'ศค ๐๒๑๓/ว ๒๐๑๕๒',
        ],
      })
      .expect(201);
    expect(bodyOf(citing, 'LetterResponse').references).toEqual([
      expect.objectContaining({
        agencyPrefix: 'มท',
        serial: 10557,
        circular: true,
        date: '2025-11-19',
        letterId: cited,
      }),
      expect.objectContaining({ agencyPrefix: 'ศค', serial: 20152, letterId: null }),
    ]);
    // The other province cannot resolve (and so learn of) a letter it may not see.
    const blind = await t.http
      .post('/api/v1/letters')
      .set('Authorization', outsider)
      .send({
        kind: 'external',
        subject: 'อ้างถึงจากอีกจังหวัด',
        references: ['มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พฤศจิกายน ๒๕๖๘'],
      })
      .expect(201);
    expect(bodyOf(blind, 'LetterResponse').references[0].letterId).toBeNull();
  });

  it('refuses a secret letter in an ordinary register, and a top-secret letter altogether', async () => {
    await f.newUser({
      username: 'clerk.cleared',
      memberships: [{ unit: office, role: 'clerk' }],
      clearance: 'secret',
    });
    const cleared = (await f.signIn('clerk.cleared')).headers.Authorization;
    const secret = idOf(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', cleared)
        .send({ kind: 'external', subject: 'เรื่องลับ', secrecy: 'confidential' })
        .expect(201),
    );
    const before = await committedNumbers(incoming, 2569);
    const res = await t.http
      .post(`/api/v1/registers/${incoming}/entries`)
      .set('Authorization', cleared)
      .send({ letterId: secret })
      .expect(422);
    expect(problemOf(res).code).toBe('LETTER_NOT_REGISTRABLE');
    const topSecret = await t.http
      .post('/api/v1/letters')
      .set('Authorization', cleared)
      .send({ kind: 'external', subject: 'ลับที่สุด', secrecy: 'top_secret' })
      .expect(422);
    expect(problemOf(topSecret).code).toBe('LETTER_TOP_SECRET');
    expect(await committedNumbers(incoming, 2569)).toEqual(before);
  });

  it('continues from the paper book, and refuses a floor below numbers already used', async () => {
    const registers = listOf(
      await t.http
        .get(`/api/v1/units/${other.id}/registers`)
        .set('Authorization', outsider)
        .expect(200),
      'RegisterResponse',
    );
    const book = registers.find((r) => r.kind === 'incoming')!.id;
    await t.http
      .put(`/api/v1/registers/${book}/opening-floor`)
      .set('Authorization', outsider)
      .send({ beYear: 2569, lastPaperNumber: 520 })
      .expect(200, { registerId: book, beYear: 2569, lastPaperNumber: 520, nextNumber: 521 });
    const letter = idOf(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', outsider)
        .send({ kind: 'memo', subject: 'ต่อจากสมุด' })
        .expect(201),
    );
    const first = await t.http
      .post(`/api/v1/registers/${book}/entries`)
      .set('Authorization', outsider)
      .send({ letterId: letter })
      .expect(201);
    expect(bodyOf(first, 'EntryResponse').receiptNumber).toBe(521);
    const below = await t.http
      .put(`/api/v1/registers/${book}/opening-floor`)
      .set('Authorization', outsider)
      .send({ beYear: 2569, lastPaperNumber: 100 })
      .expect(409);
    expect(problemOf(below).code).toBe('FLOOR_BELOW_USED');
  });

  it('gives outgoing letters their ที่ in the unit’s digits, circulars with ว', async () => {
    const letter = await newLetter('หนังสือส่งออก');
    const first = await t.http
      .post(`/api/v1/registers/${outgoing}/numbers`)
      .set('Authorization', clerk)
      .send({ letterId: letter })
      .expect(201);
    expect(first.body).toMatchObject({ receiptNumber: 1, referenceNumber: 'รอ ๐๐๑๗.๓/๑' });
    const wLetter = await newLetter('หนังสือเวียน');
    const key = 'circular-0001';
    const w = await t.http
      .post(`/api/v1/registers/${circular}/numbers`)
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send({ letterId: wLetter })
      .expect(201);
    expect(bodyOf(w, 'OutgoingNumberResponse').referenceNumber).toBe('รอ ๐๐๑๗.๓/ว ๑');
    const replay = await t.http
      .post(`/api/v1/registers/${circular}/numbers`)
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send({ letterId: wLetter })
      .expect(201);
    expect(idOf(replay)).toBe(idOf(w));
    const misuse = await t.http
      .post(`/api/v1/registers/${circular}/numbers`)
      .set('Authorization', clerk)
      .set('Idempotency-Key', key)
      .send({ letterId: letter })
      .expect(422);
    expect(problemOf(misuse).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(
      bodyOf(
        await t.http.get(`/api/v1/letters/${wLetter}`).set('Authorization', clerk).expect(200),
        'LetterDetail',
      ).referenceRaw,
    ).toBe('รอ ๐๐๑๗.๓/ว ๑');
  });

  it('writes every digit of a number into the ที่, the letter and its audit event', async () => {
    const before = await committedNumbers(circular, 2569);
    const issued: { letterId: string; number: number; referenceNumber: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const letterId = await newLetter(`หนังสือเวียนฉบับ ${i}`);
      const answer = bodyOf(
        await t.http
          .post(`/api/v1/registers/${circular}/numbers`)
          .set('Authorization', clerk)
          .send({ letterId })
          .expect(201),
        'OutgoingNumberResponse',
      );
      issued.push({
        letterId,
        number: answer.receiptNumber,
        referenceNumber: answer.referenceNumber,
      });
    }
    expect(issued.map((x) => x.number)).toEqual(
      Array.from({ length: 12 }, (_, i) => before.length + 1 + i),
    );
    const thai = (n: number) => String(n).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
    for (const x of issued) {
      expect(x.referenceNumber).toBe(`รอ ๐๐๑๗.๓/ว ${thai(x.number)}`);
      expect(
        await oneRow<object>(
          t.dataSource,
          'SELECT reference_raw, serial, circular FROM letters WHERE id = $1',
          [x.letterId],
        ),
      ).toEqual({ reference_raw: x.referenceNumber, serial: x.number, circular: true });
      const event = await oneRow<{ data: Record<string, unknown> }>(
        t.dataSource,
        `SELECT data FROM audit_events WHERE action = 'register-number.allocated'
            AND data->>'letterId' = $1`,
        [x.letterId],
      );
      expect(event.data).toMatchObject({
        number: x.number,
        referenceNumber: x.referenceNumber,
        registerId: circular,
      });
    }
    expect(await t.get(AuditService).verify()).toMatchObject({ ok: true });
  });
});

describe('secret letters never reach an uncleared user', () => {
  let t: TestApp;
  let f: Factories;
  const CANARY = 'นกขมิ้นเหลืองอ่อน-ลับเฉพาะ';

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('hides the canary subject from every endpoint', async () => {
    const unit = await f.newUnit({ kind: 'other', nameTh: 'กองอำนวยการ' });
    await f.newUser({
      username: 'secret.clerk',
      memberships: [{ unit, role: 'clerk' }],
      clearance: 'confidential',
    });
    await f.newUser({
      username: 'plain.clerk',
      memberships: [{ unit, role: 'clerk' }],
      clearance: 'none',
    });
    await f.newUser({
      username: 'plain.head',
      memberships: [{ unit, role: 'head' }],
      clearance: 'none',
    });
    const cleared = (await f.signIn('secret.clerk')).headers.Authorization;
    const secretBook = await t.http
      .post(`/api/v1/units/${unit.id}/registers`)
      .set('Authorization', (await f.signIn('plain.head')).headers.Authorization)
      .send({ name: 'ทะเบียนหนังสือลับ', direction: 'incoming', minClearance: 'confidential' });
    // Heads administer only with an admin grant: the cleared clerk's unit admin opens it instead.
    expect([403, 201]).toContain(secretBook.status);
    await f.newUser({
      username: 'unit.admin',
      memberships: [{ unit, role: 'admin' }],
      clearance: 'confidential',
    });
    const admin = (await f.signIn('unit.admin')).headers.Authorization;
    const book = idOf(
      await t.http
        .post(`/api/v1/units/${unit.id}/registers`)
        .set('Authorization', admin)
        .send({
          name: 'ทะเบียนหนังสือลับ (กองอำนวยการ)',
          direction: 'incoming',
          minClearance: 'confidential',
        })
        .expect(201),
    );
    const letter = idOf(
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', cleared)
        .send({
          kind: 'external',
          secrecy: 'confidential',
          subject: CANARY,
          referenceNumber: 'กห ๐๒๐๔/๑๕',
        })
        .expect(201),
    );
    const entry = idOf(
      await t.http
        .post(`/api/v1/registers/${book}/entries`)
        .set('Authorization', cleared)
        .send({ letterId: letter })
        .expect(201),
    );

    for (const username of ['plain.clerk', 'plain.head']) {
      const auth = (await f.signIn(username)).headers.Authorization;
      const responses = [
        await t.http.get(`/api/v1/letters/${letter}`).set('Authorization', auth),
        await t.http
          .get(`/api/v1/letters?q=${encodeURIComponent('นกขมิ้น')}`)
          .set('Authorization', auth),
        await t.http.get('/api/v1/letters').set('Authorization', auth),
        await t.http.get(`/api/v1/units/${unit.id}/registers`).set('Authorization', auth),
        await t.http.get(`/api/v1/registers/${book}/entries`).set('Authorization', auth),
        await t.http.get(`/api/v1/registers/${book}/printout.csv`).set('Authorization', auth),
        await t.http.get(`/api/v1/register-entries/${entry}/stamps`).set('Authorization', auth),
      ];
      expect(responses[0].status).toBe(404);
      expect(pageOf(responses[1], 'LetterSummaryResponse').items).toEqual([]);
      expect(responses[4].status).toBe(404);
      expect(responses[5].status).toBe(404);
      expect(responses[6].status).toBe(404);
      for (const res of responses)
        expect(JSON.stringify(res.body) + res.text).not.toContain('นกขมิ้น');
    }
    const seen = await t.http
      .get(`/api/v1/letters?q=${encodeURIComponent('นกขมิ้น')}`)
      .set('Authorization', cleared)
      .expect(200);
    expect(pageOf(seen, 'LetterSummaryResponse').items.map((l) => l.subject)).toEqual([CANARY]);
  });
});
