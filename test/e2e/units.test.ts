import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type Session, type TestUnit } from '../factories/index.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';
import { oneRow, rowsOf } from '../harness/sql.js';

const THAI = /[\u0E00-\u0E7F]/;

describe('units and users administration', () => {
  let t: TestApp;
  let f: Factories;
  let root: TestUnit;
  let province: TestUnit;
  let admin: Session;
  let adminId: string;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    root = await f.newUnit({ kind: 'ministry', nameTh: 'กระทรวงมหาดไทย' });
    province = await f.newUnit({
      parent: root,
      kind: 'province',
      nameTh: 'จังหวัดร้อยเอ็ด',
      letterCode: 'รอ',
    });
    const user = await f.newUser({
      username: 'root.admin',
      clearance: 'secret',
      memberships: [{ unit: root, role: 'admin' }],
    });
    adminId = user.id;
    admin = await f.signIn(user.username);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates, renames, moves and deactivates a unit, each audited in its transaction', async () => {
    const created = await t.http
      .post('/api/v1/units')
      .set(admin.headers)
      .send({
        parentId: province.id,
        kind: 'provincial_division',
        nameTh: ' กลุ่มงานยุทธศาสตร์ ',
        ownerNumber: '0017.3',
        referenceDigits: 'arabic',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      nameTh: 'กลุ่มงานยุทธศาสตร์',
      kind: 'provincial_division',
      kindLabel: 'กลุ่มงาน / ฝ่าย',
      letterCode: 'รอ', // inherited from the parent
      ownerNumber: '0017.3',
      referenceDigits: 'arabic',
      parentId: province.id,
      depth: 2,
      active: true,
    });
    const id = idOf(created);
    const renamed = await t.http
      .patch(`/api/v1/units/${id}`)
      .set(admin.headers)
      .send({ nameTh: 'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด', shortName: 'กยข.' })
      .expect(200);
    expect(renamed.body).toMatchObject({ shortName: 'กยข.' });
    const other = await f.newUnit({
      parent: root,
      kind: 'province',
      nameTh: 'จังหวัดขอนแก่น',
    });
    const moved = await t.http
      .post(`/api/v1/units/${id}/move`)
      .set(admin.headers)
      .send({ parentId: other.id })
      .expect(200);
    expect(moved.body).toMatchObject({ parentId: other.id, depth: 2 });
    await t.http.post(`/api/v1/units/${id}/deactivate`).set(admin.headers).expect(200);
    const audit = await t.get(AuditService).findBySubject('unit', id);
    expect(audit.map((event) => event.action)).toEqual([
      'unit.created',
      'unit.updated',
      'unit.moved',
      'unit.deactivated',
    ]);
    expect(audit.every((event) => event.actorUserId === adminId)).toBe(true);
  });

  it('refuses bad input with Thai problem details and writes nothing', async () => {
    const before = await rowsOf(t.dataSource, 'SELECT count(*)::int AS n FROM units');
    const unknownParent = await t.http
      .post('/api/v1/units')
      .set(admin.headers)
      .send({ parentId: randomUUID(), kind: 'other', nameTh: 'หน่วยใหม่' })
      .expect(404);
    expect(problemOf(unknownParent).code).toBe('PARENT_NOT_FOUND');
    expect(problemOf(unknownParent).detail).toMatch(THAI);
    const badKind = await t.http
      .post('/api/v1/units')
      .set(admin.headers)
      .send({ parentId: province.id, kind: 'kingdom', nameTh: 'หน่วยใหม่', extra: 1 })
      .expect(400);
    expect(problemOf(badKind).code).toBe('VALIDATION_FAILED');
    expect(
      problemOf(badKind)
        .errors!.map((e) => e.field)
        .sort(),
    ).toEqual(['extra', 'kind']);
    await t.http.get('/api/v1/units/not-a-uuid').set(admin.headers).expect(404);
    await t.http.get(`/api/v1/units/${randomUUID()}`).set(admin.headers).expect(404);
    const after = await rowsOf(t.dataSource, 'SELECT count(*)::int AS n FROM units');
    expect(after).toEqual(before);
  });

  it('refuses to move a unit under itself or its descendant', async () => {
    const a = await f.newUnit({ parent: province, nameTh: 'หน่วย ก' });
    const b = await f.newUnit({ parent: a, nameTh: 'หน่วย ข' });
    const c = await f.newUnit({ parent: b, nameTh: 'หน่วย ค' });
    for (const target of [a, c]) {
      const res = await t.http
        .post(`/api/v1/units/${a.id}/move`)
        .set(admin.headers)
        .send({ parentId: target.id })
        .expect(409);
      expect(problemOf(res).code).toBe('UNIT_CYCLE');
      expect(problemOf(res).detail).toMatch(THAI);
    }
    const row = await oneRow<{ path: string }>(
      t.dataSource,
      'SELECT path FROM units WHERE id = $1',
      [c.id],
    );
    expect(row.path).toBe(c.path);
    const busy = await t.http
      .post(`/api/v1/units/${a.id}/deactivate`)
      .set(admin.headers)
      .expect(409);
    expect(problemOf(busy).code).toBe('UNIT_HAS_ACTIVE_CHILDREN');
  });

  it('re-parents a subtree of 1,000 units and keeps every path and depth right', async () => {
    const top = await f.newUnit({ parent: province, nameTh: 'หน่วยใหญ่' });
    // 1 + 9 + 990 units: bulk-inserted with generated paths.
    await t.dataSource.query(
      `WITH mid AS (
         INSERT INTO units (id, kind, name_th, parent_id, path, depth, active, reference_digits, created_at, updated_at)
         SELECT g.id, 'other', 'กลาง ' || n, $1::uuid, $2 || g.id || '/', $3 + 1, true, 'thai', now(), now()
           FROM (SELECT uuid_generate_v4() AS id, n FROM generate_series(1, 9) n) g
         RETURNING id, path, depth)
       INSERT INTO units (id, kind, name_th, parent_id, path, depth, active, reference_digits, created_at, updated_at)
       SELECT x.id, 'other', 'ล่าง ' || x.n, mid.id, mid.path || x.id || '/', mid.depth + 1, true, 'thai', now(), now()
         FROM mid, LATERAL (SELECT uuid_generate_v4() AS id, n FROM generate_series(1, 110) n WHERE mid.id IS NOT NULL) x`,
      [top.id, top.path, top.depth],
    );
    const size = await rowsOf<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM units WHERE path LIKE $1`,
      [`${top.path}%`],
    );
    expect(size[0].n).toBe(1000);
    const elsewhere = await f.newUnit({
      parent: root,
      kind: 'province',
      nameTh: 'จังหวัดปลายทาง',
    });
    const target = await f.newUnit({
      parent: elsewhere,
      kind: 'district',
      nameTh: 'อำเภอปลายทาง',
    });
    await t.http
      .post(`/api/v1/units/${top.id}/move`)
      .set(admin.headers)
      .send({ parentId: target.id })
      .expect(200);
    const broken = await rowsOf(
      t.dataSource,
      `SELECT c.id FROM units c LEFT JOIN units p ON p.id = c.parent_id
        WHERE (p.id IS NULL AND (c.path <> '/' || c.id || '/' OR c.depth <> 0))
           OR (p.id IS NOT NULL AND (c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1))`,
    );
    expect(broken).toEqual([]);
    const underTarget = await rowsOf<{ n: number }>(
      t.dataSource,
      `SELECT count(*)::int AS n FROM units WHERE path LIKE $1`,
      [`${target.path}${top.id}/%`],
    );
    expect(underTarget[0].n).toBe(1000);
    const [event] = (await t.get(AuditService).findBySubject('unit', top.id)).filter(
      (e) => e.action === 'unit.moved',
    );
    expect(event.data).toMatchObject({ unitsMoved: 1000, toParentId: target.id });
  });

  it('searches a subtree by Thai substring, escaping wildcards and paging by cursor', async () => {
    const area = await f.newUnit({
      parent: root,
      kind: 'province',
      nameTh: 'จังหวัดค้นหา',
    });
    for (const name of ['เทศบาลตำบลหนึ่ง', 'เทศบาลตำบลสอง', 'องค์การบริหารส่วนตำบลสาม', 'หน่วย 100%']) {
      await f.newUnit({ parent: area, nameTh: name });
    }
    const found = await t.http
      .get(`/api/v1/units/${area.id}/subtree`)
      .query({ q: 'เทศบาล' })
      .set(admin.headers)
      .expect(200);
    expect(bodyOf(found, 'UnitPageResponse').items.map((u) => u.nameTh)).toEqual([
      'เทศบาลตำบลสอง',
      'เทศบาลตำบลหนึ่ง',
    ]);
    const percent = await t.http
      .get(`/api/v1/units/${area.id}/subtree`)
      .query({ q: '100%' })
      .set(admin.headers)
      .expect(200);
    expect(bodyOf(percent, 'UnitPageResponse').items).toHaveLength(1);
    const wildcard = await t.http
      .get(`/api/v1/units/${area.id}/subtree`)
      .query({ q: '%%%' })
      .set(admin.headers)
      .expect(200);
    expect(bodyOf(wildcard, 'UnitPageResponse').items).toEqual([]);
    const short = await t.http
      .get(`/api/v1/units/${area.id}/subtree`)
      .query({ q: 'เท' })
      .set(admin.headers)
      .expect(400);
    expect(problemOf(short).code).toBe('SEARCH_TOO_SHORT');

    const pages: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await t.http
        .get(`/api/v1/units/${area.id}/children`)
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set(admin.headers)
        .expect(200);
      const page = bodyOf(res, 'UnitPageResponse');
      pages.push(...page.items.map((u) => u.nameTh));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toHaveLength(4);
    expect(new Set(pages).size).toBe(4);
    await t.http
      .get(`/api/v1/units/${area.id}/children`)
      .query({ cursor: 'garbage' })
      .set(admin.headers)
      .expect(400);
  });

  it('creates users with a policy-checked password and refuses duplicates, all or nothing', async () => {
    const body = {
      username: 'Somchai.K',
      displayName: 'นายสมชาย ขยันดี',
      positionTitle: 'เจ้าพนักงานธุรการ',
      password: 'a-long-enough-password-1',
      unitId: province.id,
      role: 'clerk',
      clearance: 'confidential',
    };
    const created = await t.http.post('/api/v1/users').set(admin.headers).send(body).expect(201);
    expect(created.body).toMatchObject({ username: 'somchai.k', clearance: 'confidential' });
    expect(created.body).not.toHaveProperty('passwordHash');
    const hash = await oneRow<{ password_hash: string }>(
      t.dataSource,
      'SELECT password_hash FROM users WHERE id = $1',
      [idOf(created)],
    );
    expect(hash.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    const count = () =>
      oneRow<{ u: number; m: number }>(
        t.dataSource,
        'SELECT (SELECT count(*) FROM users)::int AS u, (SELECT count(*) FROM memberships)::int AS m',
      );
    const before = await count();
    const duplicate = await t.http.post('/api/v1/users').set(admin.headers).send(body).expect(409);
    expect(problemOf(duplicate).code).toBe('USERNAME_TAKEN');
    expect(problemOf(duplicate).detail).toMatch(THAI);
    for (const password of [
      '',
      'short1',
      'aaaaaaaaaaaaaaaaaaaa',
      '12345678901234',
      'another.user-2569-long',
      '\u200b'.repeat(12) + 'a1',
      'long-enough\u200d-2569',
    ]) {
      const weak = await t.http
        .post('/api/v1/users')
        .set(admin.headers)
        .send({ ...body, username: 'another.user', password })
        .expect(422);
      expect(problemOf(weak).code, password).toBe('WEAK_PASSWORD');
      expect(problemOf(weak).detail).toMatch(THAI);
      expect(problemOf(weak).errors, password).toEqual([
        expect.objectContaining({ field: 'password', message: like.stringMatching(THAI) }),
      ]);
    }
    const unknownUnit = await t.http
      .post('/api/v1/users')
      .set(admin.headers)
      .send({ ...body, username: 'third.user', unitId: randomUUID() })
      .expect(404);
    expect(problemOf(unknownUnit).code).toBe('UNIT_NOT_FOUND');
    expect(await count()).toEqual(before);
    await f.signIn('somchai.k', 'a-long-enough-password-1');
  });

  it('documents every endpoint in OpenAPI with examples and bearer auth', async () => {
    const doc = await t.http.get('/api/docs-json').expect(200);
    const paths = bodyOf(doc, 'OpenApiDocument').paths;
    const expected: [string, 'get' | 'post' | 'patch'][] = [
      ['/api/v1/auth/login', 'post'],
      ['/api/v1/auth/refresh', 'post'],
      ['/api/v1/auth/logout', 'post'],
      ['/api/v1/me', 'get'],
      ['/api/v1/units', 'post'],
      ['/api/v1/units/{id}', 'get'],
      ['/api/v1/units/{id}', 'patch'],
      ['/api/v1/units/{id}/children', 'get'],
      ['/api/v1/units/{id}/subtree', 'get'],
      ['/api/v1/units/{id}/move', 'post'],
      ['/api/v1/units/{id}/deactivate', 'post'],
      ['/api/v1/units/{id}/activate', 'post'],
      ['/api/v1/users', 'post'],
      ['/api/v1/users/{id}', 'get'],
      ['/api/v1/users/{id}/memberships', 'post'],
      ['/api/v1/users/{id}/memberships/{membershipId}/end', 'post'],
    ];
    for (const [path, method] of expected) {
      const operation = paths[path]?.[method] as
        | {
            responses: Record<
              string,
              { content?: Record<string, { example?: unknown; schema?: { example?: unknown } }> }
            >;
            security?: unknown[];
            summary?: string;
          }
        | undefined;
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation!.summary).toBeTruthy();
      const success = Object.entries(operation!.responses).find(([code]) => code.startsWith('2'));
      expect(success, `${method} ${path} success response`).toBeDefined();
      if (success![0] !== '204') {
        // The example sits beside a described type's schema, or in a schema given inline.
        const json = success![1].content?.['application/json'];
        expect(json?.example ?? json?.schema?.example, `${method} ${path} example`).toBeDefined();
      }
      if (!path.startsWith('/api/v1/auth/login') && !path.startsWith('/api/v1/auth/refresh')) {
        expect(operation!.security, `${method} ${path} security`).toEqual([{ bearer: [] }]);
      }
    }
  });
});
