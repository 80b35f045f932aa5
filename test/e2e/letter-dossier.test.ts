import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { bodyOf, idOf, listOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';

/**
 * The letter page's read (GET /letters/:id/dossier): a ministry circular goes to the
 * province, the province sends it to its strategy division, whose official writes a
 * minute and forwards it to two districts. Each reader gets the receipts, minutes, path
 * and destinations of the units they see, and nothing of a letter they may not see.
 */
describe('the letter dossier', () => {
  let t: TestApp;
  let f: Factories;
  let ministry: TestUnit;
  let province: TestUnit;
  let strategy: TestUnit;
  let mueang: TestUnit;
  let selaphum: TestUnit;
  let sao: TestUnit;
  let otherProvince: TestUnit;
  const auth: Record<string, string> = {};
  let letterId: string;
  let strategyEntryId: string;
  const SUBJECT = 'ขอเชิญประชุมชี้แจงแนวทางการป้องกันภัยแล้ง';

  const api = (user: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth[user]),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth[user]).send(body),
  });

  interface Dossier {
    letter: { id: string; subject: string; secrecy: string };
    senderName: string | null;
    receipts: { entryId: string; unitName: string; mayForward: boolean; mayAnnotate: boolean }[];
    minutes: {
      unitName: string;
      authorName: string;
      authorPosition: string | null;
      text: string;
      decision: string | null;
      decisionLabel: string | null;
      createdAtTh: string;
    }[];
    origin: {
      path: {
        sender: { nameTh: string };
        recipient: { nameTh: string };
        receiptNumber: number | null;
      }[];
      earlierHidden: boolean;
    };
    destinations: {
      sender: { nameTh: string };
      total: number;
      sent: number;
      received: number;
      recipients: { nameTh: string; state: string }[];
    }[];
  }

  async function registerDelivery(unit: TestUnit, user: string): Promise<string> {
    const registers = await api(user).get(`/units/${unit.id}/registers`).expect(200);
    const incoming = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'incoming')!;
    const inbox = await api(user).get(`/units/${unit.id}/inbox`).expect(200);
    const item = bodyOf(inbox, 'InboxPageResponse').items.find((i) => i.letterId === letterId)!;
    const entry = await api(user)
      .post(`/registers/${incoming.id}/entries`, { deliveryId: item.deliveryId })
      .expect(201);
    return idOf(entry);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z');
    ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    const office = await f.newUnit({
      nameTh: 'สำนักงานจังหวัดร้อยเอ็ด',
      kind: 'provincial_office',
      parent: province,
      letterCode: 'รอ',
      ownerNumber: '0017.1',
    });
    strategy = await f.newUnit({
      nameTh: 'กลุ่มงานยุทธศาสตร์',
      kind: 'provincial_division',
      parent: office,
    });
    mueang = await f.newUnit({ nameTh: 'อำเภอเมืองร้อยเอ็ด', kind: 'district', parent: province });
    selaphum = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: province });
    sao = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลเหนือเมือง',
      kind: 'subdistrict_administration',
      parent: mueang,
    });
    otherProvince = await f.newUnit({
      nameTh: 'จังหวัดขอนแก่น',
      kind: 'province',
      parent: ministry,
    });
    const users: [string, TestUnit, 'clerk' | 'head' | 'official', 'none' | 'secret'][] = [
      ['clerk.moi', ministry, 'clerk', 'none'],
      ['clerk.roiet', province, 'clerk', 'none'],
      ['head.roiet', province, 'head', 'secret'],
      ['clerk.strategy', strategy, 'clerk', 'none'],
      ['official.strategy', strategy, 'official', 'none'],
      ['clerk.mueang', mueang, 'clerk', 'none'],
      ['clerk.selaphum', selaphum, 'clerk', 'none'],
      ['clerk.sao', sao, 'clerk', 'none'],
      ['clerk.khonkaen', otherProvince, 'clerk', 'none'],
    ];
    for (const [username, unit, role, clearance] of users) {
      await f.newUser({ username: username, memberships: [{ unit, role }], clearance: clearance });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }

    // The ministry's circular reaches the province with its minute…
    const letter = await api('clerk.moi')
      .post('/letters', { kind: 'external', speed: 'urgent', subject: SUBJECT })
      .expect(201);
    letterId = idOf(letter);
    await f.numberAndForward(auth['clerk.moi'], ministry.id, letterId, {
      unitIds: [province.id],
      annotation: { text: 'เห็นควรแจ้งจังหวัดทราบ', decision: 'proceed' },
    });
    // …the province registers it and sends it to its strategy division, which registers it.
    t.clock.set('2026-01-15T03:57:00Z');
    const provinceEntry = await registerDelivery(province, 'clerk.roiet');
    await api('clerk.roiet')
      .post(`/register-entries/${provinceEntry}/forwards`, {
        unitIds: [strategy.id],
        annotation: { text: 'เพื่อโปรดพิจารณา' },
      })
      .expect(201);
    t.clock.set('2026-01-15T03:58:00Z');
    strategyEntryId = await registerDelivery(strategy, 'clerk.strategy');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the official sees the fields, the receipt they may forward from and the minutes so far', async () => {
    const res = await api('official.strategy').get(`/letters/${letterId}/dossier`).expect(200);
    const dossier = res.body as Dossier;
    expect(dossier.letter).toMatchObject({ id: letterId, subject: SUBJECT, secrecy: 'none' });
    expect(dossier.receipts).toEqual([
      expect.objectContaining({
        entryId: strategyEntryId,
        unitName: 'กลุ่มงานยุทธศาสตร์',
        mayAnnotate: true,
        mayForward: true,
      }),
    ]);
    // The minutes that came down with the letter, in the order they were written.
    expect(dossier.minutes.map((m) => [m.unitName, m.text, m.decisionLabel])).toEqual([
      ['กระทรวงมหาดไทย', 'เห็นควรแจ้งจังหวัดทราบ', 'ดำเนินการ'],
      ['จังหวัดร้อยเอ็ด', 'เพื่อโปรดพิจารณา', null],
    ]);
    expect(dossier.minutes[0].createdAtTh).toBe('๑๕ ม.ค. ๒๕๖๙ ๑๐.๕๕ น.');
    // The path from the ministry down to the division, root first, with the receipt numbers.
    expect(
      dossier.origin.path.map((hop) => [
        hop.sender.nameTh,
        hop.recipient.nameTh,
        hop.receiptNumber,
      ]),
    ).toEqual([
      ['กระทรวงมหาดไทย', 'จังหวัดร้อยเอ็ด', 1],
      ['จังหวัดร้อยเอ็ด', 'กลุ่มงานยุทธศาสตร์', 1],
    ]);
    expect(dossier.origin.earlierHidden).toBe(false);
    expect(dossier.destinations).toEqual([]);
  });

  it('after a minute and a forward to two districts, each reader sees their part', async () => {
    t.clock.set('2026-01-15T04:05:00Z');
    await api('official.strategy')
      .post(`/register-entries/${strategyEntryId}/annotations`, { text: 'ทราบ', decision: 'noted' })
      .expect(201);
    t.clock.set('2026-01-15T04:06:00Z');
    const forward = await api('official.strategy')
      .post(`/register-entries/${strategyEntryId}/forwards`, {
        unitIds: [mueang.id, selaphum.id],
        annotation: { text: 'มอบ อำเภอ ดำเนินการ', decision: 'proceed' },
      })
      .expect(201);
    expect(forward.body).toMatchObject({ created: 2, skipped: { count: 0 } });

    const own = (await api('official.strategy').get(`/letters/${letterId}/dossier`).expect(200))
      .body as Dossier;
    expect(own.minutes.map((m) => m.text)).toEqual([
      'เห็นควรแจ้งจังหวัดทราบ',
      'เพื่อโปรดพิจารณา',
      'ทราบ',
      'มอบ อำเภอ ดำเนินการ',
    ]);
    expect(own.minutes[2]).toMatchObject({
      authorName: 'official.strategy',
      unitName: 'กลุ่มงานยุทธศาสตร์',
      decision: 'noted',
      createdAtTh: '๑๕ ม.ค. ๒๕๖๙ ๑๑.๐๕ น.',
    });
    expect(own.destinations).toEqual([
      expect.objectContaining({
        sender: like.objectContaining({ nameTh: 'กลุ่มงานยุทธศาสตร์' }),
        total: 2,
        sent: 2,
        received: 0,
        recipients: [
          expect.objectContaining({ nameTh: 'อำเภอเมืองร้อยเอ็ด', state: 'sent' }),
          expect.objectContaining({ nameTh: 'อำเภอเสลภูมิ', state: 'sent' }),
        ],
      }),
    ]);

    // A recipient district: the minutes that travelled with the letter, not the division's own
    // note, and nothing of where else the division sent it.
    const district = (await api('clerk.mueang').get(`/letters/${letterId}/dossier`).expect(200))
      .body as Dossier;
    expect(district.minutes.map((m) => m.text)).toEqual([
      'เห็นควรแจ้งจังหวัดทราบ',
      'เพื่อโปรดพิจารณา',
      'มอบ อำเภอ ดำเนินการ',
    ]);
    expect(district.receipts).toEqual([]);
    expect(district.destinations).toEqual([]);
    expect(district.origin.path.map((hop) => hop.recipient.nameTh)).toEqual([
      'จังหวัดร้อยเอ็ด',
      'กลุ่มงานยุทธศาสตร์',
      'อำเภอเมืองร้อยเอ็ด',
    ]);
    expect(JSON.stringify(district)).not.toContain('อำเภอเสลภูมิ');
  });

  it('a letter the reader may not see is a 404 that names nothing of it', async () => {
    for (const user of ['clerk.khonkaen', 'clerk.sao']) {
      const res = await api(user).get(`/letters/${letterId}/dossier`).expect(404);
      expect(res.body).toMatchObject({ code: 'LETTER_NOT_FOUND', status: 404 });
      expect(JSON.stringify(res.body)).not.toContain(SUBJECT);
    }
    await api('clerk.mueang')
      .get('/letters/00000000-0000-4000-8000-000000000000/dossier')
      .expect(404);
    await api('clerk.mueang').get('/letters/not-a-letter/dossier').expect(400);
    await t.http.get(`/api/v1/letters/${letterId}/dossier`).expect(401);
  });

  it('a secret letter is shown with its class to the cleared, and is a 404 for the others', async () => {
    const letter = await api('head.roiet')
      .post('/letters', {
        kind: 'external',
        speed: 'none',
        secrecy: 'confidential',
        subject: 'รายงานการข่าวชายแดน',
      })
      .expect(201);
    const cleared = await api('head.roiet')
      .get(`/letters/${idOf(letter)}/dossier`)
      .expect(200);
    expect(bodyOf(cleared, 'LetterDossierResponse').letter).toMatchObject({
      secrecy: 'confidential',
      subject: 'รายงานการข่าวชายแดน',
    });
    const clerk = await api('clerk.roiet')
      .get(`/letters/${idOf(letter)}/dossier`)
      .expect(404);
    expect(JSON.stringify(clerk.body)).not.toContain('ชายแดน');
  });
});
