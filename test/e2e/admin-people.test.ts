import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import {
  factories,
  type Factories,
  type Session,
  TEST_PASSWORD,
  type TestUnit,
} from '../factories/index.js';
import { bodyOf, problemOf } from '../harness/api-body.js';

const THAI = /[\u0E00-\u0E7F]/;

/** What the administration screens read: people by unit and name, edits, typed answers. */
describe('administering people and the calendar', () => {
  let t: TestApp;
  let f: Factories;
  let root: TestUnit;
  let province: TestUnit;
  let district: TestUnit;
  let local: TestUnit;
  let otherProvince: TestUnit;
  let rootAdmin: Session;
  let provinceAdmin: Session;
  let clerk: Session;
  let clerkId: string;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    root = await f.newUnit({ kind: 'ministry', nameTh: 'กระทรวงมหาดไทย' });
    province = await f.newUnit({ parent: root, kind: 'province', nameTh: 'จังหวัดก' });
    district = await f.newUnit({
      parent: province,
      kind: 'district',
      nameTh: 'อำเภอข',
    });
    local = await f.newUnit({
      parent: district,
      kind: 'subdistrict_administration',
      nameTh: 'องค์การบริหารส่วนตำบลค',
    });
    otherProvince = await f.newUnit({
      parent: root,
      kind: 'province',
      nameTh: 'จังหวัดง',
    });
    const admin = await f.newUser({
      username: 'root.admin',
      clearance: 'secret',
      memberships: [{ unit: root, role: 'admin' }],
    });
    rootAdmin = await f.signIn(admin.username);
    const pAdmin = await f.newUser({
      username: 'province.admin',
      clearance: 'confidential',
      memberships: [{ unit: province, role: 'admin' }],
    });
    provinceAdmin = await f.signIn(pAdmin.username);
    const c = await f.newUser({
      username: 'district.clerk',
      displayName: 'นางสาวสมใจ ใจดี',
      memberships: [{ unit: district, role: 'clerk' }],
    });
    clerkId = c.id;
    clerk = await f.signIn(c.username);
    await f.newUser({
      username: 'local.official',
      displayName: 'นายสมชาย รักงาน',
      memberships: [{ unit: local, role: 'official' }],
    });
    await f.newUser({
      username: 'other.clerk',
      displayName: 'นายสมศักดิ์ อื่นไกล',
      memberships: [{ unit: otherProvince, role: 'clerk' }],
    });
    await f.newUser({
      username: 'former.clerk',
      displayName: 'นายสมหมาย ย้ายไป',
      memberships: [
        { unit: district, role: 'clerk', endsAt: new Date('2020-01-01T00:00:00Z') },
        { unit: otherProvince, role: 'clerk' },
      ],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const list = (session: Session, query: Record<string, string | number>) =>
    t.http.get('/api/v1/users').query(query).set(session.headers);
  const users = (res: { status: number; body: unknown }) => bodyOf(res, 'UserPageResponse');
  const names = (res: { status: number; body: unknown }) => users(res).items.map((u) => u.username);

  it('lists the current members of a unit, of its subtree, or of everything administered', async () => {
    const members = await list(provinceAdmin, { unitId: district.id }).expect(200);
    // The former clerk's membership ended: not a member any more.
    expect(names(members)).toEqual(['district.clerk']);
    expect(users(members).items[0].memberships).toEqual([
      expect.objectContaining({ unitId: district.id, role: 'clerk', live: true }),
    ]);
    const subtree = await list(provinceAdmin, { unitId: district.id, within: 'subtree' });
    expect(names(subtree).sort()).toEqual(['district.clerk', 'local.official']);
    const all = await list(provinceAdmin, {}).expect(200);
    expect(names(all).sort()).toEqual(['district.clerk', 'local.official', 'province.admin']);
    const everywhere = await list(rootAdmin, { q: 'สม' }).expect(200);
    expect(names(everywhere).sort()).toEqual([
      'district.clerk',
      'former.clerk',
      'local.official',
      'other.clerk',
    ]);
    // The province's admin sees only the memberships they administer.
    const former = await list(rootAdmin, { q: 'former' }).expect(200);
    expect(users(former).items[0].memberships).toHaveLength(1);
    expect(users(former).items[0].memberships[0].unitId).toBe(otherProvince.id);
    const byUsername = await list(provinceAdmin, { q: 'LOCAL.off' }).expect(200);
    expect(names(byUsername)).toEqual(['local.official']);
    expect(names(await list(provinceAdmin, { q: '%' }).expect(200))).toEqual([]);
  });

  it('pages by cursor without losing or repeating anyone', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(rootAdmin, { limit: 2, ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...names(page));
      cursor = users(page).nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    const garbage = await list(rootAdmin, { cursor: 'garbage' }).expect(400);
    expect(problemOf(garbage).code).toBe('INVALID_CURSOR');
    expect(problemOf(garbage).detail).toMatch(THAI);
    const bad = await list(rootAdmin, { within: 'tree', limit: 0 }).expect(400);
    expect(
      problemOf(bad)
        .errors!.map((e) => e.field)
        .sort(),
    ).toEqual(['limit', 'within']);
  });

  it('answers 404 outside what the caller administers, and to non-admins', async () => {
    const outside = await list(provinceAdmin, { unitId: otherProvince.id }).expect(404);
    expect(problemOf(outside).code).toBe('UNIT_NOT_FOUND');
    await list(clerk, {}).expect(404);
    await list(clerk, { unitId: district.id }).expect(404);
  });

  it('edits a user’s name, position and clearance in one audited transaction', async () => {
    const edited = await t.http
      .patch(`/api/v1/users/${clerkId}`)
      .set(provinceAdmin.headers)
      .send({ positionTitle: 'เจ้าพนักงานธุรการ', clearance: 'confidential' })
      .expect(200);
    expect(edited.body).toMatchObject({
      displayName: 'นางสาวสมใจ ใจดี',
      positionTitle: 'เจ้าพนักงานธุรการ',
      clearance: 'confidential',
    });
    // Not above the admin's own clearance (ลับ), and nothing changes when refused.
    const above = await t.http
      .patch(`/api/v1/users/${clerkId}`)
      .set(provinceAdmin.headers)
      .send({ displayName: 'ชื่อใหม่', clearance: 'secret' })
      .expect(422);
    expect(problemOf(above).code).toBe('CLEARANCE_ABOVE_OWN');
    const cleared = await t.http
      .patch(`/api/v1/users/${clerkId}`)
      .set(rootAdmin.headers)
      .send({ positionTitle: null })
      .expect(200);
    expect(cleared.body).toMatchObject({
      displayName: 'นางสาวสมใจ ใจดี',
      positionTitle: null,
      clearance: 'confidential',
    });
    await t.http
      .patch(`/api/v1/users/${clerkId}`)
      .set(provinceAdmin.headers)
      .send({ displayName: null })
      .expect(400);
    // The user themself is no admin of themself.
    await t.http
      .patch(`/api/v1/users/${clerkId}`)
      .set(clerk.headers)
      .send({ clearance: 'none' })
      .expect(404);
    const events = (await t.get(AuditService).findBySubject('user', clerkId)).filter(
      (e) => e.action !== 'auth.login',
    );
    expect(events.map((e) => e.action)).toEqual(['user.updated', 'user.updated']);
    expect(events[0].data).toMatchObject({ before: { clearance: 'none' } });
  });

  it('closes an account at once and opens it again for a fresh sign-in', async () => {
    const leaving = await f.newUser({
      username: 'leaving.clerk',
      displayName: 'นางสาวลาออก ไปแล้ว',
      memberships: [{ unit: district, role: 'clerk' }],
    });
    const session = await f.signIn(leaving.username);
    await t.http.get('/api/v1/me').set(session.headers).expect(200);

    // Nobody closes their own account, and a refusal changes nothing.
    const own = await t.http
      .patch(`/api/v1/users/${leaving.id}`)
      .set(session.headers)
      .send({ active: false })
      .expect(404); // a clerk is no admin of themself
    expect(problemOf(own).code).toBe('USER_NOT_FOUND');
    const me = bodyOf(await t.http.get('/api/v1/me').set(provinceAdmin.headers), 'MeResponse');
    const self = await t.http
      .patch(`/api/v1/users/${me.user.id}`)
      .set(provinceAdmin.headers)
      .send({ active: false })
      .expect(422);
    expect(problemOf(self).code).toBe('CANNOT_DEACTIVATE_SELF');
    expect(problemOf(self).detail).toMatch(THAI);
    await t.http.get('/api/v1/me').set(provinceAdmin.headers).expect(200);
    await t.http
      .patch(`/api/v1/users/${leaving.id}`)
      .set(provinceAdmin.headers)
      .send({ active: 'no' })
      .expect(400);

    const closed = await t.http
      .patch(`/api/v1/users/${leaving.id}`)
      .set(provinceAdmin.headers)
      .send({ active: false })
      .expect(200);
    expect(closed.body).toMatchObject({ username: 'leaving.clerk', active: false });
    // The session's access token stops at once, its refresh token and the password too.
    await t.http.get('/api/v1/me').set(session.headers).expect(401);
    await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    await t.http
      .post('/api/v1/auth/login')
      .send({ username: leaving.username, password: TEST_PASSWORD })
      .expect(401);
    // The closed account still shows to its admins, marked, with its memberships on record.
    const listed = users(await list(provinceAdmin, { unitId: district.id }).expect(200)).items;
    expect(listed.find((u) => u.username === 'leaving.clerk')).toMatchObject({ active: false });

    const reopened = await t.http
      .patch(`/api/v1/users/${leaving.id}`)
      .set(provinceAdmin.headers)
      .send({ active: true })
      .expect(200);
    expect(reopened.body).toMatchObject({ active: true });
    // The old session stays ended: reopening means signing in anew.
    await t.http
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    const again = await f.signIn(leaving.username);
    await t.http.get('/api/v1/me').set(again.headers).expect(200);

    const events = (await t.get(AuditService).findBySubject('user', leaving.id)).filter(
      (e) => e.action === 'user.updated',
    );
    expect(events[0].data).toMatchObject({
      before: { active: true },
      changes: { active: false },
      sessionsEnded: 1,
    });
    expect(events[1].data).toMatchObject({ before: { active: false }, changes: { active: true } });
    expect(events[1].data).not.toHaveProperty('sessionsEnded');
  });

  it('takes a holiday’s date as a clerk types it in the Buddhist era', async () => {
    const admin = (method: 'get' | 'post', path: string) =>
      t.http[method](`/api/v1/admin${path}`).set(rootAdmin.headers);
    await admin('post', '/holidays').send({ date: '๓ มีนาคม ๒๕๖๙', nameTh: 'วันมาฆบูชา' }).expect(200);
    const imported = await admin('post', '/holidays/import')
      .send({
        year: 2026,
        holidays: [
          { date: '31/5/2569', nameTh: 'วันวิสาขบูชา' },
          { date: '2026-07-29', nameTh: 'วันอาสาฬหบูชา' },
        ],
      })
      .expect(200);
    expect(imported.body).toEqual({
      added: ['2026-05-31', '2026-07-29'],
      alreadyPresent: 0,
      removed: 0,
    });
    const bad = await admin('post', '/holidays/import')
      .send({ year: 2026, holidays: [{ date: 'สามมีนา', nameTh: 'x' }] })
      .expect(400);
    expect(problemOf(bad).errors![0].field).toBe('holidays.0.date');
    expect(problemOf(bad).errors![0].message).toMatch(THAI);
    const listed = await admin('get', '/holidays?year=2026').expect(200);
    expect(bodyOf(listed, 'HolidayListResponse').items).toEqual(
      expect.arrayContaining([
        { date: '2026-03-03', nameTh: 'วันมาฆบูชา', nameEn: null, source: 'admin' },
      ]),
    );
  });

  it('describes the answers of the administration endpoints as typed schemas', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const paths = bodyOf(doc, 'OpenApiDocument').paths;
    const typed: [string, 'get' | 'post' | 'put' | 'patch', string][] = [
      ['/api/v1/users', 'get', 'UserPageResponse'],
      ['/api/v1/users', 'post', 'UserResponse'],
      ['/api/v1/users/{id}', 'patch', 'UserResponse'],
      ['/api/v1/users/{id}/memberships', 'post', 'MembershipResponse'],
      ['/api/v1/units/{id}/children', 'get', 'UnitPageResponse'],
      ['/api/v1/units/{id}/move', 'post', 'UnitResponse'],
      ['/api/v1/admin/holidays', 'get', 'HolidayListResponse'],
      ['/api/v1/admin/holidays/import', 'post', 'HolidayChangeResponse'],
      ['/api/v1/admin/escalation-policies', 'get', 'PolicyListResponse'],
      ['/api/v1/admin/escalation-policies/{speed}', 'put', 'PolicyResponse'],
      ['/api/v1/admin/queue-session', 'post', 'QueueSessionResponse'],
    ];
    for (const [path, method, schema] of typed) {
      expect(JSON.stringify(paths[path]?.[method]?.responses), `${method} ${path}`).toContain(
        `#/components/schemas/${schema}`,
      );
    }
  });
});
