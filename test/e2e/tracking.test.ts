import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { bodyOf, idOf, listOf } from '../harness/api-body.js';
import { oneRow } from '../harness/sql.js';

interface Level {
  level: number;
  total: number;
  received: number;
  pending: number;
  returned: number;
}

/**
 * The supervisor's tracking (ติดตาม): letters a subtree sent with their roll-up per level,
 * the units that have not registered with their escalation, the overdue list's filters and
 * CSV, overdue by level, and acknowledgments over time — each only inside what the reader
 * may see (404 otherwise).
 */
describe('tracking read models', () => {
  let t: TestApp;
  let f: Factories;
  let ministry: TestUnit;
  let province: TestUnit;
  let mueang: TestUnit;
  let selaphum: TestUnit;
  let town: TestUnit;
  let sao1: TestUnit;
  let sao2: TestUnit;
  let khonkaen: TestUnit;
  const auth: Record<string, string> = {};
  let letterId: string;
  let townDelivery: { id: string; due_at: Date };

  const api = (user: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth[user]),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth[user]).send(body),
  });

  async function signInAll() {
    for (const user of Object.keys(auth)) auth[user] = (await f.signIn(user)).headers.Authorization;
  }

  async function pendingDelivery(unit: TestUnit, user: string, letter: string) {
    const inbox = await api(user).get(`/units/${unit.id}/inbox`).expect(200);
    return bodyOf(inbox, 'InboxPageResponse').items.find((i) => i.letterId === letter)!.deliveryId;
  }

  async function register(unit: TestUnit, user: string, letter: string) {
    const deliveryId = await pendingDelivery(unit, user, letter);
    const registers = await api(user).get(`/units/${unit.id}/registers`).expect(200);
    const incoming = listOf(registers, 'RegisterResponse').find((r) => r.kind === 'incoming')!;
    const entry = await api(user)
      .post(`/registers/${incoming.id}/entries`, { deliveryId })
      .expect(201);
    return idOf(entry);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z'); // Thursday 10:55 in Bangkok
    const ds = t.dataSource;
    ministry = await f.newMinistry();
    province = await f.newUnit({
      nameTh: 'จังหวัดร้อยเอ็ด',
      kind: 'province',
      parent: ministry,
      letterCode: 'รอ',
      ownerNumber: '0017',
    });
    mueang = await f.newUnit({ nameTh: 'อำเภอเมืองร้อยเอ็ด', kind: 'district', parent: province });
    selaphum = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: province });
    town = await f.newUnit({
      nameTh: 'เทศบาลตำบลในเมือง',
      kind: 'subdistrict_municipality',
      parent: mueang,
    });
    sao1 = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลกลาง',
      kind: 'subdistrict_administration',
      parent: selaphum,
    });
    sao2 = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลขวาว',
      kind: 'subdistrict_administration',
      parent: selaphum,
    });
    khonkaen = await f.newUnit({
      nameTh: 'จังหวัดขอนแก่น',
      kind: 'province',
      parent: ministry,
      letterCode: 'ขก',
      ownerNumber: '0017',
    });
    const users: [string, TestUnit, 'clerk' | 'head'][] = [
      ['clerk.moi', ministry, 'clerk'],
      ['governor', province, 'head'],
      ['clerk.roiet', province, 'clerk'],
      ['head.mueang', mueang, 'head'],
      ['clerk.mueang', mueang, 'clerk'],
      ['clerk.selaphum', selaphum, 'clerk'],
      ['clerk.town', town, 'clerk'],
      ['clerk.sao1', sao1, 'clerk'],
      ['clerk.sao2', sao2, 'clerk'],
      ['head.khonkaen', khonkaen, 'head'],
      ['clerk.khonkaen', khonkaen, 'clerk'],
    ];
    for (const [username, unit, role] of users) {
      await f.newUser({ username: username, memberships: [{ unit, role }], clearance: 'secret' });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
    const letter = await api('clerk.moi')
      .post('/letters', {
        kind: 'external',
        speed: 'most_urgent',
        secrecy: 'none',
        subject: 'การเตรียมการรับมือภัยแล้ง',
      })
      .expect(201);
    letterId = idOf(letter);
    await f.numberAndForward(auth['clerk.moi'], ministry.id, letterId, {
      unitIds: [province.id],
    });
    // 10:55 the province registers it and sends it to both districts.
    const provinceEntry = await register(province, 'clerk.roiet', letterId);
    await api('clerk.roiet')
      .post(`/register-entries/${provinceEntry}/forwards`, { unitIds: [mueang.id, selaphum.id] })
      .expect(201);
    // 13:10 the districts register it and send it on; one อบต. registers, one returns it.
    t.clock.set('2026-01-15T06:10:00Z');
    await signInAll();
    const mueangEntry = await register(mueang, 'clerk.mueang', letterId);
    await api('clerk.mueang')
      .post(`/register-entries/${mueangEntry}/forwards`, { unitIds: [town.id] })
      .expect(201);
    const selaphumEntry = await register(selaphum, 'clerk.selaphum', letterId);
    await api('clerk.selaphum')
      .post(`/register-entries/${selaphumEntry}/forwards`, { unitIds: [sao1.id, sao2.id] })
      .expect(201);
    await register(sao1, 'clerk.sao1', letterId);
    const returned = await pendingDelivery(sao2, 'clerk.sao2', letterId);
    await api('clerk.sao2')
      .post(`/deliveries/${returned}/return`, { reason: 'ส่งผิดหน่วยงาน' })
      .expect(200);
    townDelivery = await oneRow<{ id: string; due_at: Date }>(
      ds,
      'SELECT id, due_at FROM deliveries WHERE letter_id = $1 AND recipient_unit_id = $2',
      [letterId, town.id],
    );
  }, 90_000);
  afterAll(async () => {
    await t?.close();
  });

  it('lists the letters a subtree sent with received / pending / returned per level', async () => {
    const res = await api('governor').get(`/units/${province.id}/sent-letters`).expect(200);
    const sent = bodyOf(res, 'SentLetters');
    expect(sent.items).toHaveLength(1);
    const [item] = sent.items;
    expect(item).toMatchObject({
      rootLetterId: letterId,
      letterId,
      speed: 'most_urgent',
      subject: 'การเตรียมการรับมือภัยแล้ง',
      totals: { total: 5, received: 3, pending: 1, returned: 1, overdue: 0 },
    });
    expect(item.levels).toEqual([
      { level: 1, total: 2, received: 2, pending: 0, returned: 0, overdue: 0 },
      { level: 2, total: 3, received: 1, pending: 1, returned: 1, overdue: 0 },
    ]);
    // The district's head sees what the district sent, one level.
    const district = await api('head.mueang').get(`/units/${mueang.id}/sent-letters`).expect(200);
    expect(bodyOf(district, 'SentLetters').items[0].levels).toEqual([
      { level: 1, total: 1, received: 0, pending: 1, returned: 0, overdue: 0 },
    ]);
  });

  it('rolls progress up per level and lists who has not registered with the ladder', async () => {
    const res = await api('governor')
      .get(`/letters/${letterId}/progress?unitId=${province.id}`)
      .expect(200);
    const progress = bodyOf(res, 'LetterProgress');
    expect(progress.levels as Level[]).toEqual([
      { level: 1, total: 1, received: 1, pending: 0, returned: 0 },
      { level: 2, total: 2, received: 2, pending: 0, returned: 0 },
      { level: 3, total: 3, received: 1, pending: 1, returned: 1 },
    ]);
    const sela = progress.children.find((c) => c.unitId === selaphum.id);
    expect(sela).toMatchObject({ total: 3, received: 2, pending: 0, returned: 1 });
    expect(progress.notReceived.items).toEqual([
      expect.objectContaining({
        unitId: town.id,
        deliveryId: townDelivery.id,
        overdue: false,
        escalationLevel: 0,
        nextEscalationAt: new Date(townDelivery.due_at).toISOString(),
      }),
    ]);
    // Drill-down: the district's subtree alone.
    const down = await api('governor')
      .get(`/letters/${letterId}/progress?unitId=${mueang.id}`)
      .expect(200);
    expect(bodyOf(down, 'LetterProgress').units).toMatchObject({
      total: 2,
      received: 1,
      pending: 1,
    });
  });

  it('shows the level reached and the next rung once the ladder climbs', async () => {
    t.clock.set(new Date(new Date(townDelivery.due_at).getTime() + 60_000));
    await t.get(EscalationService).escalate(townDelivery.id, 1);
    await signInAll(); // the clock moved past the tokens' life
    const rung = await oneRow<{ next_due_at: Date }>(
      t.dataSource,
      'SELECT next_due_at FROM escalations WHERE delivery_id = $1 AND level = 1',
      [townDelivery.id],
    );
    const res = await api('governor').get(`/letters/${letterId}/progress`).expect(200);
    expect(bodyOf(res, 'LetterProgress').notReceived.items[0]).toMatchObject({
      unitId: town.id,
      overdue: true,
      escalationLevel: 1,
      nextEscalationAt: new Date(rung.next_due_at).toISOString(),
    });
    const sent = await api('governor').get(`/units/${province.id}/sent-letters`).expect(200);
    expect(bodyOf(sent, 'SentLetters').items[0].totals.overdue).toBe(1);
  });

  it('filters the overdue list by level, speed and age', async () => {
    const ids = async (query: string) => {
      const res = await api('governor').get(`/units/${province.id}/overdue${query}`).expect(200);
      return bodyOf(res, 'Overdue').groups.flatMap((g) => g.items);
    };
    expect(await ids('')).toEqual([
      expect.objectContaining({ deliveryId: townDelivery.id, level: 1 }),
    ]);
    expect(await ids('?level=1')).toHaveLength(1);
    expect(await ids('?level=0')).toHaveLength(0);
    expect(await ids('?speed=most_urgent')).toHaveLength(1);
    expect(await ids('?speed=urgent')).toHaveLength(0);
    expect(await ids('?minAgeHours=1')).toHaveLength(1);
    expect(await ids('?minAgeHours=5000')).toHaveLength(0);
    await api('governor').get(`/units/${province.id}/overdue?level=9`).expect(400);
  });

  it('exports the overdue list as CSV with Thai headers and a BOM', async () => {
    const res = await api('governor')
      .get(`/units/${province.id}/overdue.csv?level=1`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="overdue-.*\.csv"$/);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toContain('"หน่วยงานที่ยังไม่ลงรับ","ที่หนังสือ","เรื่อง","ชั้นความเร็ว"');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"เทศบาลตำบลในเมือง"');
    expect(lines[1]).toContain('"ด่วนที่สุด"');
    expect(lines[1]).toContain('"การเตรียมการรับมือภัยแล้ง"');
    expect(lines[1].endsWith('"1"')).toBe(true);
    const none = await api('governor').get(`/units/${province.id}/overdue.csv?level=2`).expect(200);
    expect(
      none.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1);
  });

  it('counts overdue deliveries by escalation level', async () => {
    const res = await api('governor').get(`/units/${province.id}/overdue-levels`).expect(200);
    expect(res.body).toMatchObject({
      total: 1,
      levels: [
        { level: 0, count: 0 },
        { level: 1, count: 1 },
        { level: 2, count: 0 },
        { level: 3, count: 0 },
        { level: 4, count: 0 },
      ],
    });
    const selaphumOnly = await api('governor')
      .get(`/units/${selaphum.id}/overdue-levels`)
      .expect(200);
    expect(bodyOf(selaphumOnly, 'OverdueLevels').total).toBe(0);
  });

  it('gives acknowledgments over time as a cumulative share', async () => {
    const res = await api('governor')
      .get(`/letters/${letterId}/acknowledgments?unitId=${province.id}`)
      .expect(200);
    expect(res.body).toMatchObject({
      by: 'hour',
      total: 6,
      firstSentAt: '2026-01-15T03:55:00.000Z',
      points: [
        { at: '2026-01-15T03:00:00.000Z', count: 1, received: 1, share: 0.167 },
        { at: '2026-01-15T06:00:00.000Z', count: 3, received: 4, share: 0.667 },
      ],
    });
    const byDay = await api('governor')
      .get(`/letters/${letterId}/acknowledgments?unitId=${province.id}&by=day`)
      .expect(200);
    expect(bodyOf(byDay, 'Acknowledgments').points).toEqual([
      {
        at: '2026-01-14T17:00:00.000Z',
        date: '2026-01-15',
        workingDay: 1,
        count: 4,
        received: 4,
        share: 0.667,
      },
    ]);
  });

  it('never shows another subtree: 404 for its units and letters', async () => {
    const khonkaenLetter = await api('clerk.khonkaen')
      .post('/letters', { kind: 'external', speed: 'none', secrecy: 'none', subject: 'ภายใน' })
      .expect(201);
    const denied: [string, string][] = [
      ['head.khonkaen', `/units/${province.id}/sent-letters`],
      ['head.khonkaen', `/units/${province.id}/overdue.csv`],
      ['head.khonkaen', `/units/${province.id}/overdue-levels`],
      ['head.khonkaen', `/units/${province.id}/overdue`],
      ['head.khonkaen', `/letters/${letterId}/acknowledgments?unitId=${khonkaen.id}`],
      ['head.khonkaen', `/letters/${letterId}/progress?unitId=${khonkaen.id}`],
      ['head.mueang', `/units/${province.id}/sent-letters`],
      ['head.mueang', `/units/${selaphum.id}/overdue-levels`],
      ['head.mueang', `/units/${selaphum.id}/overdue.csv`],
      ['head.mueang', `/letters/${letterId}/acknowledgments?unitId=${selaphum.id}`],
      ['governor', `/letters/${idOf(khonkaenLetter)}/acknowledgments`],
    ];
    for (const [user, path] of denied) {
      const res = await api(user).get(path);
      expect(res.status, `${user} ${path}`).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('ภัยแล้ง');
    }
    // The khonkaen head's own subtree sent nothing of Roi Et's.
    const own = await api('head.khonkaen').get(`/units/${khonkaen.id}/sent-letters`).expect(200);
    expect(bodyOf(own, 'SentLetters').items).toEqual([]);
  });
  it('charts acknowledgments by working day: weekends and holidays take no place, quiet days do', async () => {
    // Friday 16 January 2569 BE, 10:00 in Bangkok: the province sends a letter to four units.
    t.clock.set('2026-01-16T03:00:00Z');
    await signInAll();
    const letter = await api('clerk.roiet')
      .post('/letters', { kind: 'external', speed: 'none', secrecy: 'none', subject: 'สำรวจข้อมูล' })
      .expect(201);
    const id = idOf(letter);
    await f.numberAndForward(auth['clerk.roiet'], province.id, id, {
      unitIds: [mueang.id, selaphum.id, town.id, sao1.id],
    });
    // Monday the 19th is a holiday (the escalation module's calendar).
    await t.dataSource.query(
      `INSERT INTO holidays (date, name_th, source, created_at) VALUES ('2026-01-19', 'วันหยุดชดเชย', 'admin', now())`,
    );
    // Friday afternoon one district registers it; the other on Saturday; the town on Tuesday.
    const receipts: [string, TestUnit, string][] = [
      ['2026-01-16T07:00:00Z', mueang, 'clerk.mueang'],
      ['2026-01-17T03:00:00Z', selaphum, 'clerk.selaphum'],
      ['2026-01-20T03:00:00Z', town, 'clerk.town'],
    ];
    for (const [at, unit, user] of receipts) {
      t.clock.set(at);
      await signInAll();
      await register(unit, user, id);
    }
    // Thursday the 22nd: the อบต. has still not registered it.
    t.clock.set('2026-01-22T03:00:00Z');
    await signInAll();
    const byDay = await api('governor')
      .get(`/letters/${id}/acknowledgments?unitId=${province.id}&by=day`)
      .expect(200);
    const series = bodyOf(byDay, 'Acknowledgments');
    expect(series.total).toBe(4);
    // Saturday's receipt counts on the next working day, Tuesday (Monday is a holiday), and
    // the days since, with nobody registering, are on the axis too.
    expect(series.points).toEqual([
      {
        at: '2026-01-15T17:00:00.000Z',
        date: '2026-01-16',
        workingDay: 1,
        count: 1,
        received: 1,
        share: 0.25,
      },
      {
        at: '2026-01-19T17:00:00.000Z',
        date: '2026-01-20',
        workingDay: 2,
        count: 2,
        received: 3,
        share: 0.75,
      },
      {
        at: '2026-01-20T17:00:00.000Z',
        date: '2026-01-21',
        workingDay: 3,
        count: 0,
        received: 3,
        share: 0.75,
      },
      {
        at: '2026-01-21T17:00:00.000Z',
        date: '2026-01-22',
        workingDay: 4,
        count: 0,
        received: 3,
        share: 0.75,
      },
    ]);
    // By hour the series stays on the clock: the hours that had receipts, Saturday's included.
    const byHour = await api('governor')
      .get(`/letters/${id}/acknowledgments?unitId=${province.id}`)
      .expect(200);
    expect(
      bodyOf(byHour, 'Acknowledgments').points.map((p) => [p.date, p.workingDay, p.received]),
    ).toEqual([
      ['2026-01-16', null, 1],
      ['2026-01-17', null, 2],
      ['2026-01-20', null, 3],
    ]);
  });
});
