import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userCreateCommand } from 'src/cli/users.commands.js';
import { loadConfig } from 'src/config/config.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SeedService } from 'src/modules/seed/seed.service.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { bodyOf } from '../harness/api-body.js';
import { oneRow, rowsOf } from '../harness/sql.js';
import { factories, type Factories } from '../factories/index.js';

/** Exact counts of the national seed (thai-address-universal 2.2.0); the README quotes them. */
const NATIONAL_COUNTS = {
  ministry: 1,
  department: 3,
  province: 77,
  provincial_office: 76,
  provincial_division: 304,
  provincial_local_admin_office: 76,
  provincial_administration: 76,
  district: 928,
  city_municipality: 22,
  town_municipality: 54,
  subdistrict_municipality: 802,
  subdistrict_administration: 6422,
};
const NATIONAL_TOTAL = Object.values(NATIONAL_COUNTS).reduce((a, b) => a + b, 0);

describe('seeds', () => {
  let t: TestApp;
  let f: Factories;
  let seeds: SeedService;
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    seeds = t.get(SeedService);
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds the demo tree and accounts once; a second run changes nothing', async () => {
    const first = await seeds.seedDemo();
    expect(first).toMatchObject({
      unitsInserted: 13,
      unitsTotal: 13,
      usersCreated: DEMO_ACCOUNTS.length,
    });
    const audit = async () =>
      (await oneRow<{ n: number }>(t.dataSource, 'SELECT count(*)::int AS n FROM audit_events')).n;
    const eventsAfterFirst = await audit();
    const second = await seeds.seedDemo();
    expect(second).toMatchObject({ unitsInserted: 0, usersCreated: 0 });
    expect(second.countsByKind).toEqual(first.countsByKind);
    expect(await audit()).toBe(eventsAfterFirst);
    for (const account of DEMO_ACCOUNTS) {
      const session = await f.signIn(account.username, DEMO_PASSWORD);
      const me = await t.http.get('/api/v1/me').set(session.headers).expect(200);
      expect(bodyOf(me, 'MeResponse').memberships.map((m) => m.role)).toEqual([account.role]);
    }
  });

  it('seeds the national tree with the documented counts, idempotently, on top of the demo', async () => {
    const started = Date.now();
    const first = await seeds.seedNational();
    const seconds = (Date.now() - started) / 1000;
    expect(first.countsByKind).toEqual(NATIONAL_COUNTS);
    expect(first.unitsTotal).toBe(NATIONAL_TOTAL);
    expect(first.unitsInserted).toBe(NATIONAL_TOTAL - 13); // the demo units are shared
    expect(seconds).toBeLessThan(60);
    const second = await seeds.seedNational();
    expect(second.unitsInserted).toBe(0);
    expect(second.countsByKind).toEqual(NATIONAL_COUNTS);
    const broken = await rowsOf(
      t.dataSource,
      `SELECT c.id FROM units c LEFT JOIN units p ON p.id = c.parent_id
        WHERE (p.id IS NULL AND c.path <> '/' || c.id || '/')
           OR (p.id IS NOT NULL AND (c.path <> p.path || c.id || '/' OR c.depth <> p.depth + 1))`,
    );
    expect(broken).toEqual([]);
    const roots = await rowsOf<{ n: number }>(
      t.dataSource,
      'SELECT count(*)::int AS n FROM units WHERE parent_id IS NULL',
    );
    expect(roots[0].n).toBe(1);
  });

  it('creates a user from the CLI with the password on stdin, naming the unit by short name', async () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    err.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    const code = await userCreateCommand.run(
      ['--username', 'cli.clerk', '--unit', 'สนจ.ร้อยเอ็ด', '--role', 'clerk', '--name', 'นายทดสอบ'],
      { stdout: out, stderr: err, stdin: Readable.from(['cli-password-2569\n']) },
      () => loadConfig(),
    );
    expect(chunks.join(''), chunks.join('')).toMatch(/created user cli\.clerk/);
    expect(code).toBe(0);
    await f.signIn('cli.clerk', 'cli-password-2569');

    const ambiguous: string[] = [];
    const sink = new PassThrough();
    sink.on('data', (chunk: Buffer) => ambiguous.push(chunk.toString()));
    const refused = await userCreateCommand.run(
      ['--username', 'cli.two', '--unit', 'ฝบท.', '--role', 'clerk'],
      { stdout: sink, stderr: sink, stdin: Readable.from(['cli-password-2569\n']) },
      () => loadConfig(),
    );
    expect(refused).toBe(1);
    expect(ambiguous.join('')).toContain('UNIT_REFERENCE_AMBIGUOUS');
  });
});
