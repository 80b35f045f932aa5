import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { oneRow } from '../harness/sql.js';

/**
 * The recipient picker: whom a unit may forward to, for the people who forward from it.
 * A provincial office and its divisions send in the province's name, so their scope is
 * the province's subtree; a clerk, who sees only their own unit in the unit tree, still
 * gets the units they may send to. Officials forward with their minute.
 */
describe('forward targets and who may forward', () => {
  let t: TestApp;
  let f: Factories;
  let province: TestUnit;
  let office: TestUnit;
  let strategy: TestUnit;
  let admin: TestUnit;
  let pao: TestUnit;
  let mueang: TestUnit;
  let selaphum: TestUnit;
  let town: TestUnit;
  let sao: TestUnit;
  let otherProvince: TestUnit;
  let otherDistrict: TestUnit;
  const auth: Record<string, string> = {};

  const api = (user: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth[user]),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth[user]).send(body),
  });

  type Targets = {
    unit: { id: string };
    organisation: { id: string; nameTh: string };
    parent: { id: string } | null;
    items: {
      id: string;
      nameTh: string;
      selectable: boolean;
      children: number;
      localAdministrations: number;
      parentName: string | null;
    }[];
    nextCursor: string | null;
    quickPicks: { key: string; labelTh: string; count: number; subtreeKinds: string[] }[];
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-01-15T03:55:00Z');
    const ministry = await f.newMinistry();
    province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province', parent: ministry });
    office = await f.newUnit({
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
    admin = await f.newUnit({
      nameTh: 'กลุ่มงานบริหารทั่วไป',
      kind: 'provincial_division',
      parent: office,
    });
    pao = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนจังหวัดร้อยเอ็ด',
      kind: 'provincial_administration',
      parent: province,
    });
    mueang = await f.newUnit({ nameTh: 'อำเภอเมืองร้อยเอ็ด', kind: 'district', parent: province });
    selaphum = await f.newUnit({ nameTh: 'อำเภอเสลภูมิ', kind: 'district', parent: province });
    town = await f.newUnit({
      nameTh: 'เทศบาลเมืองร้อยเอ็ด',
      kind: 'town_municipality',
      parent: mueang,
    });
    sao = await f.newUnit({
      nameTh: 'องค์การบริหารส่วนตำบลขวาว',
      kind: 'subdistrict_administration',
      parent: selaphum,
    });
    otherProvince = await f.newUnit({
      nameTh: 'จังหวัดขอนแก่น',
      kind: 'province',
      parent: ministry,
    });
    otherDistrict = await f.newUnit({
      nameTh: 'อำเภอเมืองขอนแก่น',
      kind: 'district',
      parent: otherProvince,
    });
    const users: [string, TestUnit, 'clerk' | 'head' | 'official'][] = [
      ['clerk.office', office, 'clerk'],
      ['clerk.strategy', strategy, 'clerk'],
      ['official.strategy', strategy, 'official'],
      ['governor', province, 'head'],
      ['clerk.mueang', mueang, 'clerk'],
      ['clerk.selaphum', selaphum, 'clerk'],
      ['clerk.khonkaen', otherProvince, 'clerk'],
    ];
    for (const [username, unit, role] of users) {
      await f.newUser({ username: username, memberships: [{ unit, role }] });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it("a provincial office's clerk gets the province's units, with quick picks by kind", async () => {
    // The unit tree itself shows a clerk nothing below their unit: the reason this view exists.
    const children = await api('clerk.office').get(`/units/${office.id}/children`).expect(200);
    expect(bodyOf(children, 'UnitPageResponse').items).toHaveLength(0);

    const res = await api('clerk.office').get(`/units/${office.id}/forward-targets`).expect(200);
    const body = res.body as Targets;
    expect(body.organisation).toMatchObject({ id: province.id, nameTh: 'จังหวัดร้อยเอ็ด' });
    expect(body.parent?.id).toBe(province.id);
    const byName = new Map(body.items.map((i) => [i.nameTh, i]));
    expect([...byName.keys()].sort()).toEqual(
      [office, pao, mueang, selaphum].map((u) => u.nameTh).sort(),
    );
    // The sender is a node of the tree (its divisions are below it) but not a recipient.
    expect(byName.get(office.nameTh)).toMatchObject({ selectable: false, children: 2 });
    expect(byName.get(mueang.nameTh)).toMatchObject({
      selectable: true,
      children: 1,
      localAdministrations: 1,
    });
    expect(Object.fromEntries(body.quickPicks.map((p) => [p.key, p.count]))).toEqual({
      districts: 2,
      local_administrations: 3,
      divisions: 2,
    });
    expect(body.quickPicks.find((p) => p.key === 'districts')?.labelTh).toBe('ทุกอำเภอ');

    const below = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?parentId=${selaphum.id}`)
      .expect(200);
    expect((below.body as Targets).items.map((i) => i.id)).toEqual([sao.id]);
    const mueangBelow = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?parentId=${mueang.id}`)
      .expect(200);
    expect((mueangBelow.body as Targets).items.map((i) => i.id)).toEqual([town.id]);
  });

  it('pages by name, searches in Thai, and lists nothing outside the scope', async () => {
    const first = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?limit=3`)
      .expect(200);
    const page1 = first.body as Targets;
    expect(page1.items).toHaveLength(3);
    expect(page1.nextCursor).not.toBeNull();
    const second = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?limit=3&cursor=${page1.nextCursor}`)
      .expect(200);
    const page2 = second.body as Targets;
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((i) => i.id)).size).toBe(4);

    const found = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?q=${encodeURIComponent('เสลภูมิ')}`)
      .expect(200);
    expect((found.body as Targets).items.map((i) => i.id)).toEqual([selaphum.id]);
    const laos = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?q=${encodeURIComponent('องค์การบริหาร')}`)
      .expect(200);
    expect((laos.body as Targets).items.map((i) => [i.nameTh, i.parentName]).sort()).toEqual([
      [pao.nameTh, province.nameTh],
      [sao.nameTh, selaphum.nameTh],
    ]);
    // The other province's district has the same word in its name: not in the scope.
    const scoped = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?q=${encodeURIComponent('อำเภอเมือง')}`)
      .expect(200);
    expect((scoped.body as Targets).items.map((i) => i.id)).toEqual([mueang.id]);

    const short = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?q=${encodeURIComponent('อ')}`)
      .expect(400);
    expect(problemOf(short).code).toBe('FORWARD_SEARCH_TOO_SHORT');
    const outside = await api('clerk.office')
      .get(`/units/${office.id}/forward-targets?parentId=${otherProvince.id}`)
      .expect(404);
    expect(problemOf(outside).code).toBe('FORWARD_UNIT_NOT_FOUND');
  });

  it('only those who forward from the unit get its targets', async () => {
    // Another province's clerk does not see the office at all: 404.
    await api('clerk.khonkaen').get(`/units/${office.id}/forward-targets`).expect(404);
    // The governor sees the office (head of the province) but does not send from its books.
    const forbidden = await api('governor').get(`/units/${office.id}/forward-targets`).expect(403);
    expect(problemOf(forbidden).code).toBe('FORBIDDEN');
    // A district forwards within its own subtree.
    const district = await api('clerk.selaphum')
      .get(`/units/${selaphum.id}/forward-targets`)
      .expect(200);
    expect((district.body as Targets).organisation.id).toBe(selaphum.id);
    expect((district.body as Targets).items.map((i) => i.id)).toEqual([sao.id]);
    expect((district.body as Targets).quickPicks.map((p) => p.key)).toEqual([
      'local_administrations',
    ]);
  });

  async function registeredAtStrategy(subject: string): Promise<string> {
    const letter = await api('clerk.strategy')
      .post('/letters', { kind: 'external', speed: 'urgent', subject })
      .expect(201);
    const registers = await api('clerk.strategy')
      .get(`/units/${strategy.id}/registers`)
      .expect(200);
    const incoming = (registers.body as { id: string; kind: string }[]).find(
      (r) => r.kind === 'incoming',
    )!;
    const entry = await api('clerk.strategy')
      .post(`/registers/${incoming.id}/entries`, { letterId: idOf(letter) })
      .expect(201);
    return idOf(entry);
  }

  it("a division's official writes the minute and forwards to two districts; their inboxes show it", async () => {
    const entryId = await registeredAtStrategy('ขอความร่วมมือประชาสัมพันธ์มาตรการป้องกันภัยออนไลน์');
    const body = {
      unitIds: [mueang.id, selaphum.id],
      annotation: { text: 'เพื่อโปรดทราบและแจ้ง อปท. ในพื้นที่ทราบ', decision: 'proceed' },
    };
    const preview = await api('official.strategy')
      .post(`/register-entries/${entryId}/forwards/preview`, body)
      .expect(200);
    expect(preview.body).toEqual({
      recipients: 2,
      alreadySent: 0,
      willCreate: 2,
      noClearedMember: { count: 0, units: [] },
    });

    const sent = await api('official.strategy')
      .post(`/register-entries/${entryId}/forwards`, body)
      .expect(201);
    expect(sent.body).toMatchObject({ created: 2, skipped: { count: 0 } });
    for (const [user, unit] of [
      ['clerk.mueang', mueang],
      ['clerk.selaphum', selaphum],
    ] as const) {
      const inbox = await api(user).get(`/units/${unit.id}/inbox`).expect(200);
      expect(bodyOf(inbox, 'InboxPageResponse').items.map((i) => i.subject)).toContain(
        'ขอความร่วมมือประชาสัมพันธ์มาตรการป้องกันภัยออนไลน์',
      );
    }
    // The same again plus the PAO: one new, two already there.
    const again = await api('official.strategy')
      .post(`/register-entries/${entryId}/forwards/preview`, {
        unitIds: [mueang.id, selaphum.id, pao.id],
      })
      .expect(200);
    expect(again.body).toEqual({
      recipients: 3,
      alreadySent: 2,
      willCreate: 1,
      noClearedMember: { count: 0, units: [] },
    });
    const annotations = await api('official.strategy')
      .get(`/register-entries/${entryId}/annotations`)
      .expect(200);
    expect(bodyOf(annotations, 'Annotations').items[0]).toMatchObject({
      authorName: 'official.strategy',
      text: 'เพื่อโปรดทราบและแจ้ง อปท. ในพื้นที่ทราบ',
    });
  });

  it('recipients outside the organisation, the organisation itself and the sender are refused', async () => {
    const entryId = await registeredAtStrategy('เรื่องทดสอบขอบเขตการส่งต่อ');
    for (const unitIds of [
      [otherDistrict.id],
      [province.id],
      [strategy.id],
      [mueang.id, otherDistrict.id],
    ]) {
      const res = await api('official.strategy')
        .post(`/register-entries/${entryId}/forwards`, { unitIds })
        .expect(422);
      expect(problemOf(res).code).toBe('FORWARD_RECIPIENT_OUT_OF_SCOPE');
    }
    // Nothing was written by the refused forwards.
    const tree = await oneRow<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM deliveries d JOIN register_entries e ON e.letter_id = d.letter_id
        WHERE e.id = $1`,
      [entryId],
    );
    expect(tree.n).toBe(0);
    // A sibling division is in the province's scope.
    await api('official.strategy')
      .post(`/register-entries/${entryId}/forwards`, { unitIds: [admin.id] })
      .expect(201);
  });

  it("the office's quick pick reaches every district of the province, and the preview counted it", async () => {
    const letter = await api('clerk.office')
      .post('/letters', { kind: 'external', speed: 'none', subject: 'หนังสือเวียนถึงทุกอำเภอ' })
      .expect(201);
    const registers = await api('clerk.office').get(`/units/${office.id}/registers`).expect(200);
    const circular = (registers.body as { id: string; kind: string }[]).find(
      (r) => r.kind === 'circular',
    )!;
    const entry = await api('clerk.office')
      .post(`/registers/${circular.id}/numbers`, { letterId: idOf(letter) })
      .expect(201);
    const body = { subtreeKinds: ['district'], childKinds: ['provincial_administration'] };
    const preview = await api('clerk.office')
      .post(`/register-entries/${idOf(entry)}/forwards/preview`, body)
      .expect(200);
    expect(preview.body).toEqual({
      recipients: 3,
      alreadySent: 0,
      willCreate: 3,
      noClearedMember: { count: 0, units: [] },
    });
    const sent = await api('clerk.office')
      .post(`/register-entries/${idOf(entry)}/forwards`, body)
      .expect(201);
    expect(bodyOf(sent, 'ForwardResult').created).toBe(3);
    const recipients: { id: string }[] = await t.dataSource.query(
      'SELECT recipient_unit_id AS id FROM deliveries WHERE letter_id = $1',
      [idOf(letter)],
    );
    expect(recipients.map((r) => r.id).sort()).toEqual([mueang.id, selaphum.id, pao.id].sort());
  });
});
