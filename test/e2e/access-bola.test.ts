import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MembershipRole } from 'src/modules/users/roles.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type Session, type TestUnit } from '../factories/index.js';
import { pageOf } from '../harness/api-body.js';

/**
 * BOLA matrix: two provinces × two districts × two local administrations under one
 * ministry; a user of every role at province, district and local level, a ministry
 * admin, an acting head and a user moved away from a province. Every id-taking
 * endpoint of units and users is called as every user on every object; the answer must
 * be "allowed" (anything but 404) exactly where an independent oracle says so, and a
 * denial must be a 404 problem that does not name the object.
 */

interface Grant {
  unit: TestUnit;
  role: MembershipRole;
  /** Ended memberships grant nothing but keep the user visible to that unit's admins. */
  ended?: boolean;
}

interface Actor {
  name: string;
  grants: Grant[];
  userId: string;
  session: Session;
  primary: Grant;
}

const ROLES: MembershipRole[] = ['clerk', 'official', 'head', 'admin'];

describe('access control matrix (BOLA)', () => {
  let t: TestApp;
  let f: Factories;
  const units: TestUnit[] = [];
  let root: TestUnit;
  const byName = new Map<string, TestUnit>();
  const actors: Actor[] = [];
  const mismatches: string[] = [];
  let calls = 0;

  const inSubtree = (unit: TestUnit, top: TestUnit) => unit.path.startsWith(top.path);
  const live = (actor: Actor) => actor.grants.filter((g) => !g.ended);
  const sees = (actor: Actor, unit: TestUnit) =>
    live(actor).some(
      (g) =>
        g.unit.id === unit.id ||
        ((g.role === 'head' || g.role === 'admin') && inSubtree(unit, g.unit)),
    );
  const administers = (actor: Actor, unit: TestUnit) =>
    live(actor).some((g) => g.role === 'admin' && inSubtree(unit, g.unit));
  const administersUser = (actor: Actor, target: Actor) =>
    target.grants.some((g) => administers(actor, g.unit));
  const parentOf = (unit: TestUnit) => units.find((u) => u.id === unit.parentId);

  async function check(
    label: string,
    actor: Actor,
    expected: boolean,
    secretName: string,
    call: () => Promise<{ status: number; body: unknown; text: string }>,
  ) {
    calls += 1;
    const res = await call();
    const allowed = res.status !== 404;
    if (res.status === 403 || res.status >= 500 || res.status === 401 || res.status === 400) {
      mismatches.push(`${label} as ${actor.name}: unexpected ${res.status} ${res.text}`);
      return;
    }
    if (allowed !== expected) {
      mismatches.push(
        `${label} as ${actor.name}: expected ${expected ? 'allow' : 'deny'}, got ${res.status}`,
      );
      return;
    }
    if (!allowed && res.text.includes(secretName)) {
      mismatches.push(`${label} as ${actor.name}: the 404 names the object`);
    }
  }

  /** Runs checks a few at a time (the machine is shared). */
  async function inParallel(tasks: (() => Promise<void>)[], width = 6) {
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < tasks.length) await tasks[next++]();
      }),
    );
  }

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    const add = async (name: string, parent: TestUnit | null, kind: TestUnit['kind']) => {
      const unit = await f.newUnit({ parent, kind, nameTh: `หน่วยลับเฉพาะ-${name}` });
      units.push(unit);
      byName.set(name, unit);
      return unit;
    };
    root = await add('R', null, 'ministry');
    for (const p of [1, 2]) {
      const province = await add(`P${p}`, root, 'province');
      for (const d of [1, 2]) {
        const district = await add(`D${p}${d}`, province, 'district');
        for (const l of [1, 2]) await add(`L${p}${d}${l}`, district, 'subdistrict_administration');
      }
    }
    const now = t.clock.now();
    const day = 86_400_000;
    const specs: {
      name: string;
      grants: (Grant & { acting?: boolean; startsAt?: Date; endsAt?: Date })[];
    }[] = [];
    for (const level of ['P1', 'D11', 'L111']) {
      for (const role of ROLES)
        specs.push({ name: `${role}@${level}`, grants: [{ unit: byName.get(level)!, role }] });
    }
    specs.push({ name: 'admin@R', grants: [{ unit: root, role: 'admin' }] });
    specs.push({
      name: 'acting-head@D12',
      grants: [
        { unit: byName.get('D12')!, role: 'official' },
        {
          unit: byName.get('D12')!,
          role: 'head',
          acting: true,
          startsAt: new Date(now.getTime() - day),
          endsAt: new Date(now.getTime() + day),
        },
      ],
    });
    specs.push({
      name: 'moved-from-P2',
      grants: [
        { unit: byName.get('D11')!, role: 'clerk' },
        {
          unit: byName.get('P2')!,
          role: 'head',
          ended: true,
          startsAt: new Date('2020-01-01T00:00:00Z'),
          endsAt: new Date(now.getTime() - day),
        },
      ],
    });
    specs.push({
      name: 'future-acting@P2',
      grants: [
        { unit: byName.get('L221')!, role: 'clerk' },
        {
          unit: byName.get('P2')!,
          role: 'head',
          acting: true,
          ended: true, // not started yet: grants nothing today
          startsAt: new Date(now.getTime() + 10 * day),
          endsAt: new Date(now.getTime() + 20 * day),
        },
      ],
    });
    for (const spec of specs) {
      const user = await f.newUser({
        username: spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
        memberships: spec.grants.map((g) => ({
          unit: g.unit,
          role: g.role,
          acting: g.acting,
          startsAt: g.startsAt,
          endsAt: g.endsAt ?? null,
        })),
      });
      actors.push({
        name: spec.name,
        grants: spec.grants,
        userId: user.id,
        primary: spec.grants[0],
        session: await f.signIn(user.username),
      });
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers every unit endpoint exactly as the oracle says', async () => {
    const tasks: (() => Promise<void>)[] = [];
    for (const actor of actors) {
      for (const unit of units) {
        const name = unit.nameTh;
        const as = actor.session.headers;
        tasks.push(
          () =>
            check(`GET unit ${name}`, actor, sees(actor, unit), name, () =>
              t.http.get(`/api/v1/units/${unit.id}`).set(as),
            ),
          () =>
            check(`GET children ${name}`, actor, sees(actor, unit), name, () =>
              t.http.get(`/api/v1/units/${unit.id}/children`).set(as),
            ),
          () =>
            check(`GET subtree ${name}`, actor, sees(actor, unit), name, () =>
              t.http.get(`/api/v1/units/${unit.id}/subtree`).query({ q: 'หน่วยลับ' }).set(as),
            ),
          () =>
            check(`PATCH ${name}`, actor, administers(actor, unit), name, () =>
              t.http.patch(`/api/v1/units/${unit.id}`).set(as).send({ headPosition: 'หัวหน้าทดสอบ' }),
            ),
          () =>
            check(`POST create under ${name}`, actor, administers(actor, unit), name, () =>
              t.http
                .post('/api/v1/units')
                .set(as)
                .send({ parentId: unit.id, kind: 'other', nameTh: 'หน่วยงานใหม่ทดสอบ' }),
            ),
        );
        const parent = parentOf(unit);
        if (parent) {
          tasks.push(() =>
            check(
              `POST move ${name}`,
              actor,
              administers(actor, unit) && administers(actor, parent),
              name,
              () =>
                t.http.post(`/api/v1/units/${unit.id}/move`).set(as).send({ parentId: parent.id }),
            ),
          );
        }
      }
    }
    await inParallel(tasks);
    // Deactivate and reactivate last: they change state, never visibility.
    const lifecycle: (() => Promise<void>)[] = [];
    for (const actor of actors) {
      for (const unit of [...units].reverse()) {
        const as = actor.session.headers;
        lifecycle.push(() =>
          check(
            `POST deactivate ${unit.nameTh}`,
            actor,
            administers(actor, unit),
            unit.nameTh,
            () => t.http.post(`/api/v1/units/${unit.id}/deactivate`).set(as),
          ),
        );
      }
      for (const unit of units) {
        const as = actor.session.headers;
        lifecycle.push(() =>
          check(`POST activate ${unit.nameTh}`, actor, administers(actor, unit), unit.nameTh, () =>
            t.http.post(`/api/v1/units/${unit.id}/activate`).set(as),
          ),
        );
      }
    }
    for (const task of lifecycle) await task();
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(actors.length * units.length * 7);
  });

  it('answers every user endpoint exactly as the oracle says', async () => {
    const tasks: (() => Promise<void>)[] = [];
    let n = 0;
    for (const actor of actors) {
      const as = actor.session.headers;
      for (const target of actors) {
        const secret = target.name;
        const spare = await f.addMembership(target.userId, {
          unit: target.primary.unit,
          role: 'official',
          startsAt: new Date('2030-01-01T00:00:00Z'),
          endsAt: new Date('2031-01-01T00:00:00Z'),
        });
        tasks.push(
          () =>
            check(
              `GET user ${secret}`,
              actor,
              actor === target || administersUser(actor, target),
              secret,
              () => t.http.get(`/api/v1/users/${target.userId}`).set(as),
            ),
          () =>
            check(
              `POST membership for ${secret}`,
              actor,
              administersUser(actor, target) && administers(actor, target.primary.unit),
              secret,
              () =>
                t.http
                  .post(`/api/v1/users/${target.userId}/memberships`)
                  .set(as)
                  .send({ unitId: target.primary.unit.id, role: target.primary.role }),
            ),
          () =>
            check(
              `POST end membership of ${secret}`,
              actor,
              administersUser(actor, target) && administers(actor, target.primary.unit),
              secret,
              () => t.http.post(`/api/v1/users/${target.userId}/memberships/${spare}/end`).set(as),
            ),
        );
      }
      for (const unit of units) {
        tasks.push(() =>
          check(`POST user in ${unit.nameTh}`, actor, administers(actor, unit), unit.nameTh, () =>
            t.http
              .post('/api/v1/users')
              .set(as)
              .send({
                username: `new.user.${(n += 1)}`,
                displayName: 'ผู้ใช้ใหม่',
                password: 'a-long-enough-password-1',
                unitId: unit.id,
                role: 'clerk',
              }),
          ),
        );
      }
    }
    await inParallel(tasks);
    expect(mismatches).toEqual([]);
  });

  it('lists only visible units in children and subtree searches', async () => {
    for (const actor of actors) {
      for (const unit of units.filter((u) => sees(actor, u))) {
        const res = await t.http
          .get(`/api/v1/units/${unit.id}/subtree`)
          .query({ limit: 500 })
          .set(actor.session.headers)
          .expect(200);
        const listed = new Set(pageOf(res, 'UnitResponse').items.map((item) => item.id));
        const expected = units.filter((u) => inSubtree(u, unit) && sees(actor, u));
        for (const u of expected) expect(listed.has(u.id), `${actor.name} ${u.nameTh}`).toBe(true);
        // Every listed unit, those the cases above created included, read back from the table.
        const rows: TestUnit[] = await t.dataSource.query(
          `SELECT id, path, depth, parent_id AS "parentId", name_th AS "nameTh", kind
             FROM units WHERE id = ANY($1)`,
          [[...listed]],
        );
        expect(rows).toHaveLength(listed.size);
        for (const u of rows) {
          expect(sees(actor, u), `${actor.name} must not list ${u.nameTh}`).toBe(true);
        }
      }
    }
  });
});
