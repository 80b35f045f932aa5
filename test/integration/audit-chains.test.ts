import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataSource, type EntityManager } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from 'src/common/clock.js';
import { loadConfig } from 'src/config/config.js';
import { dataSourceOptions } from 'src/database/data-source.js';
import { MIGRATIONS } from 'src/database/migrations/index.js';
import { AuditRepository } from 'src/modules/audit/audit.repository.js';
import {
  type AuditEventInput,
  AuditService,
  type SignedCheckpoint,
  SYSTEM_ACTOR,
} from 'src/modules/audit/audit.service.js';
import { auditChainGenesis, auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import { AuditSigningKey } from 'src/modules/audit/audit-signing-key.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import {
  databaseUrl,
  dropDatabase,
  TEST_DB_PREFIX,
  withAdminClient,
} from '../harness/databases.js';
import { rowsOf } from '../harness/sql.js';

const run = promisify(execFile);

describe('audit chains per unit', () => {
  let t: TestApp;
  let audit: AuditService;
  beforeAll(async () => {
    t = await createTestApp();
    audit = t.get(AuditService);
  });
  afterAll(async () => {
    await t.close();
  });

  const event = (unitId: string | null, action: string, data = {}): AuditEventInput => ({
    actor: { userId: null, name: 'clerk', unitId },
    unitId,
    action,
    subjectType: 'test',
    subjectId: action,
    data,
  });
  const append = (unitId: string | null, action: string, data = {}) =>
    t.dataSource.transaction((manager) => audit.record(manager, event(unitId, action, data)));
  const chainRows = (chain: string): Promise<{ id: string; prev_hash: string; hash: string }[]> =>
    t.dataSource.query(
      'SELECT id::text AS id, prev_hash, hash FROM audit_events WHERE chain = $1 ORDER BY audit_events.id',
      [chain],
    );
  /** Runs SQL as a superuser who switched the append-only trigger off. */
  const bypassing = async (sql: string, params: unknown[] = []) => {
    await t.dataSource.query(
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete',
    );
    try {
      return (await t.dataSource.query(sql, params)) as unknown;
    } finally {
      await t.dataSource.query(
        'ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete',
      );
    }
  };
  const snapshotRows = (ids: string[]): Promise<Record<string, unknown>[]> =>
    t.dataSource.query('SELECT * FROM audit_events WHERE id = ANY($1::bigint[]) ORDER BY id', [
      ids,
    ]);
  const putBack = async (rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      await t.dataSource.query(
        `INSERT INTO audit_events (id, chain, occurred_at, actor_user_id, actor_name, unit_id, action,
                                   subject_type, subject_id, data, prev_hash, hash, hash_version)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          row.id,
          row.chain,
          row.occurred_at,
          row.actor_user_id,
          row.actor_name,
          row.unit_id,
          row.action,
          row.subject_type,
          row.subject_id,
          JSON.stringify(row.data),
          row.prev_hash,
          row.hash,
          row.hash_version,
        ],
      );
    }
  };
  const chainHead = async (chain: string) => {
    const rows: { lastEventId: string; hash: string; events: number }[] = await t.dataSource.query(
      'SELECT last_event_id::text AS "lastEventId", hash, events::int AS events FROM audit_chains WHERE chain = $1',
      [chain],
    );
    return rows[0];
  };

  it('puts each unit’s events in its own chain, and work of no unit in the system chain', async () => {
    const unitA = randomUUID();
    const unitB = randomUUID();
    await append(unitA, 'a-1');
    await append(unitB, 'b-1');
    await append(unitA, 'a-2');
    await append(null, 'sign-in');
    const a = await chainRows(unitA);
    expect(a).toHaveLength(2);
    expect(a[0].prev_hash).toBe(auditChainGenesis(unitA));
    expect(a[1].prev_hash).toBe(a[0].hash);
    expect((await chainRows(unitB))[0].prev_hash).toBe(auditChainGenesis(unitB));
    // The database function computes the same genesis as the code.
    expect(auditChainGenesis(unitA)).not.toBe(auditChainGenesis(unitB));
    expect(await chainHead(unitA)).toEqual({ lastEventId: a[1].id, hash: a[1].hash, events: 2 });
    const [system] = await rowsOf<{ chain: string }>(
      t.dataSource,
      `SELECT chain FROM audit_events WHERE action = 'sign-in'`,
    );
    expect(system.chain).toBe('system');
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('keeps one transaction in one chain, and appends several events in order', async () => {
    const unitA = randomUUID();
    const unitB = randomUUID();
    const ids = await t.dataSource.transaction(async (manager) => [
      await audit.record(manager, event(unitA, 'first')),
      ...(await audit.recordMany(manager, [event(unitB, 'second'), event(null, 'third')])),
    ]);
    const rows = await chainRows(unitA);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(await chainRows(unitB)).toEqual([]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    // The events still name the unit each is about.
    const units = await rowsOf<{ unit_id: string | null }>(
      t.dataSource,
      'SELECT unit_id FROM audit_events WHERE id = ANY($1::bigint[]) ORDER BY id',
      [ids],
    );
    expect(units.map((u) => u.unit_id)).toEqual([unitA, unitB, null]);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('lets units append while another unit’s chain is locked, and queues one unit’s appends', async () => {
    const busy = randomUUID();
    const other = randomUUID();
    await append(busy, 'busy-0');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.dataSource.transaction(async (manager) => {
      await audit.record(manager, event(busy, 'busy-held'));
      locked();
      await held;
    });
    await isLocked;
    try {
      // Another unit: appends and commits while the first chain stays locked.
      const tryAppend = (unitId: string, action: string) =>
        t.dataSource.transaction(async (manager: EntityManager) => {
          await manager.query(`SET LOCAL lock_timeout = '2s'`);
          return audit.record(manager, event(unitId, action));
        });
      await expect(tryAppend(other, 'other-1')).resolves.toMatch(/^\d+$/);
      await expect(tryAppend(randomUUID(), 'third-unit')).resolves.toMatch(/^\d+$/);
      // The same unit waits for the holder (here: gives up after the lock timeout).
      await expect(
        t.dataSource.transaction(async (manager: EntityManager) => {
          await manager.query(`SET LOCAL lock_timeout = '300ms'`);
          return audit.record(manager, event(busy, 'busy-waits'));
        }),
      ).rejects.toThrow(/lock timeout/);
    } finally {
      release();
      await holder;
    }
    expect((await chainRows(busy)).length).toBe(2);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('never forks a chain: many writers across units and within one unit', async () => {
    const units = Array.from({ length: 12 }, () => randomUUID());
    const crowded = randomUUID();
    await Promise.all([
      ...units.flatMap((unit, u) =>
        Array.from({ length: 4 }, (_, i) => append(unit, `spread-${u}-${i}`, { i })),
      ),
      ...Array.from({ length: 30 }, (_, i) => append(crowded, `crowded-${i}`, { i })),
    ]);
    for (const chain of [...units, crowded]) {
      const rows = await chainRows(chain);
      expect(rows.length).toBe(chain === crowded ? 30 : 4);
      expect(rows[0].prev_hash).toBe(auditChainGenesis(chain));
      for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
      expect(await chainHead(chain)).toEqual({
        lastEventId: rows[rows.length - 1].id,
        hash: rows[rows.length - 1].hash,
        events: rows.length,
      });
    }
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('leaves a chain as it was when the command rolls back, and links the next append', async () => {
    const unit = randomUUID();
    await append(unit, 'kept');
    const before = await chainHead(unit);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await audit.record(manager, event(unit, 'doomed'));
        throw new Error('the command failed after auditing');
      }),
    ).rejects.toThrow('the command failed');
    expect(await chainHead(unit)).toEqual(before);
    await append(unit, 'after');
    expect((await chainRows(unit))[1].prev_hash).toBe(before.hash);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('links single and batched appends into one chain that verifies, and names an edited single append', async () => {
    const unit = randomUUID();
    const ids: string[] = [];
    for (let round = 0; round < 3; round++) {
      ids.push(await append(unit, `single-${round}`, { round }));
      ids.push(
        ...(await t.dataSource.transaction((manager) =>
          audit.recordMany(manager, [
            event(unit, `batch-${round}-a`, { round }),
            event(unit, `batch-${round}-b`, { round, ก: 'ข' }),
          ]),
        )),
      );
    }
    const rows = await chainRows(unit);
    expect(rows.map((r) => r.id)).toEqual(ids);
    let link = auditChainGenesis(unit);
    for (const row of rows) {
      expect(row.prev_hash).toBe(link);
      link = row.hash;
    }
    expect(await chainHead(unit)).toEqual({ lastEventId: ids[8], hash: link, events: 9 });
    expect(await audit.verify()).toMatchObject({ ok: true });

    const saved = await snapshotRows([ids[3]]);
    await bypassing(`UPDATE audit_events SET actor_name = 'someone else' WHERE id = $1`, [ids[3]]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      chain: unit,
      brokenId: ids[3],
      reason: 'hash_mismatch',
    });
    await bypassing('DELETE FROM audit_events WHERE id = $1', [ids[3]]);
    await putBack(saved);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('names a unit chain’s lost tail, an edited row, a missing middle event and a forged chain', async () => {
    const unit = randomUUID();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await append(unit, `tamper-${i}`, { i }));

    // Lost tail: the newest two events gone; every remaining link fits.
    let saved = await snapshotRows(ids.slice(3));
    await bypassing('DELETE FROM audit_events WHERE id = ANY($1::bigint[])', [ids.slice(3)]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      chain: unit,
      brokenId: ids[4],
      reason: 'head_mismatch',
    });
    await putBack(saved);
    expect(await audit.verify()).toMatchObject({ ok: true });

    // An event missing in the middle: the next one no longer links.
    saved = await snapshotRows([ids[2]]);
    await bypassing('DELETE FROM audit_events WHERE id = $1', [ids[2]]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      chain: unit,
      brokenId: ids[3],
      reason: 'prev_hash_mismatch',
    });
    await putBack(saved);

    // An edited row.
    saved = await snapshotRows([ids[1]]);
    await bypassing(`UPDATE audit_events SET data = '{"i": 99}' WHERE id = $1`, [ids[1]]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      chain: unit,
      brokenId: ids[1],
      reason: 'hash_mismatch',
    });
    await bypassing('DELETE FROM audit_events WHERE id = $1', [ids[1]]);
    await putBack(saved);
    expect(await audit.verify()).toMatchObject({ ok: true });

    // A well-linked row forged into a chain that has no row of its own.
    const ghost = randomUUID();
    const fields = {
      occurredAt: new Date(),
      actorUserId: null,
      actorName: 'forger',
      unitId: ghost,
      action: 'forged',
      subjectType: 'test',
      subjectId: 'forged',
      data: {},
      prevHash: auditChainGenesis(ghost),
    };
    const [forged] = await rowsOf<{ id: string }>(
      t.dataSource,
      `INSERT INTO audit_events (chain, occurred_at, actor_name, unit_id, action, subject_type,
                                 subject_id, data, prev_hash, hash)
       VALUES ($1::text, $2, 'forger', $1::uuid, 'forged', 'test', 'forged', '{}', $3, $4) RETURNING id::text AS id`,
      [ghost, fields.occurredAt, fields.prevHash, auditHash(fields)],
    );
    expect(await audit.verify()).toMatchObject({
      ok: false,
      chain: ghost,
      brokenId: forged.id,
      reason: 'head_mismatch',
    });
    await bypassing('DELETE FROM audit_events WHERE id = $1', [forged.id]);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  describe('signed checkpoints', () => {
    const dir = mkdtempSync(join(tmpdir(), 'saraban-checkpoint-'));
    const cli = (args: string[]) =>
      run('node', ['dist/cli.js', ...args], {
        env: { ...process.env, LOG_LEVEL: 'silent' },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({
          code: e.code,
          out: e.stdout + e.stderr,
        }),
      );

    it('signs every chain’s end; a checkpoint the chains extend verifies, in the service and the CLI', async () => {
      const unit = randomUUID();
      await append(unit, 'before-checkpoint');
      const printed = await cli(['audit', 'checkpoint', '--new']);
      expect(printed.code).toBe(0);
      const checkpoint = JSON.parse(printed.out) as SignedCheckpoint;
      const body = JSON.parse(checkpoint.payload) as { chains: { chain: string }[] };
      expect(body.chains.map((c) => c.chain)).toContain(unit);
      expect(body.chains.map((c) => c.chain)).toContain('system');

      // The chains grow after it: still extended.
      await append(unit, 'after-checkpoint');
      await append(randomUUID(), 'a-new-chain');
      expect((await audit.verifyCheckpoint(checkpoint)).checkpoint).toMatchObject({ ok: true });
      const file = join(dir, 'whole.json');
      writeFileSync(file, printed.out);
      const verified = await cli(['audit', 'verify', '--checkpoint', file]);
      expect(verified.code).toBe(0);
      expect(verified.out).toMatch(/still extend it/);
      // `audit checkpoint` prints the newest (the CLI calls this).
      expect(await audit.newestCheckpoint()).toEqual(checkpoint);
    }, 300_000);

    it('names a chain cut short with its row wound back to match, which verify alone cannot see', async () => {
      const unit = randomUUID();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(await append(unit, `cut-${i}`));
      const checkpoint = await audit.createCheckpoint();

      const headBefore = await chainHead(unit);
      const saved = await snapshotRows(ids.slice(1));
      const [second] = saved;
      await bypassing('DELETE FROM audit_events WHERE id = ANY($1::bigint[])', [ids.slice(1)]);
      await t.dataSource.query(
        'UPDATE audit_chains SET last_event_id = $2, hash = $3, events = 1 WHERE chain = $1',
        [unit, ids[0], (await chainRows(unit))[0].hash],
      );
      // Whole as far as the database itself can tell …
      expect(await audit.verify()).toMatchObject({ ok: true });
      // … but not to the checkpoint kept outside it.
      const result = await audit.verifyCheckpoint(checkpoint);
      expect(result.checkpoint).toEqual({
        ok: false,
        checkpointId: checkpoint.id,
        reason: 'not_extended',
        chains: [{ chain: unit, eventId: ids[2], events: 3, reason: 'missing' }],
      });
      const file = join(dir, 'cut.json');
      writeFileSync(file, JSON.stringify(checkpoint));
      const cut = await cli(['audit', 'verify', '--checkpoint', file]);
      expect(cut.code).toBe(1);
      expect(cut.out).toContain(`chain ${unit}: event id ${ids[2]} at position 3 is missing`);
      expect(cut.out).toContain('audit chains intact');

      // A rewritten history: new events appended in place of the lost ones.
      await append(unit, 'rewritten-1');
      await append(unit, 'rewritten-2');
      expect(await audit.verify()).toMatchObject({ ok: true });
      expect((await audit.verifyCheckpoint(checkpoint)).checkpoint).toMatchObject({
        reason: 'not_extended',
        chains: [{ chain: unit, reason: 'rewritten' }],
      });

      // Restored (the forgeries out, the originals back), it verifies again.
      const rewritten = (await chainRows(unit)).slice(1).map((r) => r.id);
      await bypassing('DELETE FROM audit_events WHERE id = ANY($1::bigint[])', [rewritten]);
      await putBack(saved);
      await t.dataSource.query(
        'UPDATE audit_chains SET last_event_id = $2, hash = $3, events = $4 WHERE chain = $1',
        [unit, headBefore.lastEventId, headBefore.hash, headBefore.events],
      );
      expect(second.id).toBe(ids[1]);
      expect((await audit.verifyCheckpoint(checkpoint)).checkpoint).toMatchObject({ ok: true });
      expect(await audit.verify()).toMatchObject({ ok: true });
    }, 300_000);

    it('refuses a checkpoint whose payload was edited or that another key signed', async () => {
      const checkpoint = await audit.createCheckpoint();
      const edited = {
        ...checkpoint,
        payload: checkpoint.payload.replace('"events":', '"events":1'),
      };
      expect((await audit.verifyCheckpoint(edited)).checkpoint).toMatchObject({
        ok: false,
        reason: 'bad_signature',
      });
      const other = generateKeyPairSync('ed25519');
      const foreign = {
        ...checkpoint,
        signature: sign(null, Buffer.from(checkpoint.payload), other.privateKey).toString('base64'),
        publicKey: other.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      };
      expect((await audit.verifyCheckpoint(foreign)).checkpoint).toMatchObject({
        ok: false,
        reason: 'other_key',
      });
      expect(
        (await audit.verifyCheckpoint({ ...checkpoint, payload: '{}' })).checkpoint,
      ).toMatchObject({ ok: false, reason: 'malformed' });
    });

    it('signs on schedule at most once per interval, whatever the number of workers', async () => {
      const clock = t.clock;
      clock.set(new Date(clock.now().getTime() + 24 * 3_600_000));
      const made = await Promise.all([audit.checkpointIfDue(60), audit.checkpointIfDue(60)]);
      expect(made.filter(Boolean)).toHaveLength(1);
      expect(await audit.checkpointIfDue(60)).toBeUndefined();
      clock.set(new Date(clock.now().getTime() + 61 * 60_000));
      expect(await audit.checkpointIfDue(60)).toBeDefined();
      await expect(t.dataSource.query('DELETE FROM audit_checkpoints')).rejects.toThrow(
        /append-only/,
      );
    });
  });
});

/**
 * A fresh database `name` with the migrations up to `migration` run (the named one too when
 * `including`), so a test can write rows as the code of that time did before the rest run.
 */
async function migratedUpTo(
  name: string,
  migration: string,
  including: boolean,
): Promise<{ url: string; before: DataSource }> {
  await withAdminClient(async (client) => {
    await dropDatabase(client, name);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  });
  const url = databaseUrl(name);
  const at = MIGRATIONS.findIndex((m) => m.name === migration);
  expect(at).toBeGreaterThan(0);
  const before = await new DataSource({
    ...dataSourceOptions(url, 2),
    migrations: MIGRATIONS.slice(0, including ? at + 1 : at),
  }).initialize();
  await before.runMigrations();
  return { url, before };
}

describe('migrating the single audit chain', () => {
  const name = `${TEST_DB_PREFIX}${process.pid}_audit_migration`;
  afterAll(async () => {
    await withAdminClient((client) => dropDatabase(client, name));
  });

  it('keeps every earlier event verifiable, in the system chain, and appends after it', async () => {
    const { url, before } = await migratedUpTo(name, 'AuditChainHead1795923506512', true);
    // Events as the single chain wrote them: linked from the zero hash, the head row moved.
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 25; i++) {
      const fields = {
        occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
        actorUserId: null,
        actorName: 'system',
        unitId: i % 2 === 0 ? randomUUID() : null,
        action: 'old.event',
        subjectType: 'test',
        subjectId: String(i),
        data: { i, ก: 'ข' },
        prevHash,
      };
      const hash = auditHash(fields);
      await before.query(
        `WITH e AS (INSERT INTO audit_events (occurred_at, actor_user_id, actor_name, unit_id, action,
                                               subject_type, subject_id, data, prev_hash, hash)
                    VALUES ($1, NULL, 'system', $2, 'old.event', 'test', $3, $4, $5, $6) RETURNING id, hash)
         UPDATE audit_chain_head SET last_event_id = e.id, hash = e.hash FROM e`,
        [
          fields.occurredAt,
          fields.unitId,
          fields.subjectId,
          JSON.stringify(fields.data),
          prevHash,
          hash,
        ],
      );
      prevHash = hash;
    }
    await before.destroy();

    const after = await new DataSource(dataSourceOptions(url, 4)).initialize();
    try {
      await after.runMigrations();
      const config = loadConfig({ ...process.env, DATABASE_URL: url });
      const service = new AuditService(
        after,
        new AuditRepository(after),
        new AuditSigningKey(config),
        new ManualClock(),
      );
      expect(await service.verify()).toEqual({ ok: true, events: 25, chains: 1 });
      expect(
        await after.query(`SELECT chain, events::int AS events, hash FROM audit_chains`),
      ).toEqual([{ chain: 'system', events: 25, hash: prevHash }]);
      await after.transaction((manager) =>
        service.record(manager, {
          actor: SYSTEM_ACTOR,
          action: 'after.migration',
          subjectType: 'test',
          subjectId: 'x',
        }),
      );
      const [last] = await rowsOf(
        after,
        `SELECT prev_hash, chain FROM audit_events ORDER BY id DESC LIMIT 1`,
      );
      expect(last).toEqual({ prev_hash: prevHash, chain: 'system' });
      expect(await service.verify()).toEqual({ ok: true, events: 26, chains: 1 });
    } finally {
      await after.destroy();
    }
  });
});

describe('migrating to hashes linked in the database', () => {
  const name = `${TEST_DB_PREFIX}${process.pid}_audit_hash_version`;
  afterAll(async () => {
    await withAdminClient((client) => dropDatabase(client, name));
  });

  it('keeps per-unit chains of version 1 verifiable, signed and tamper-evident, and links version 2 after them', async () => {
    const { url, before } = await migratedUpTo(name, 'AuditHashInDatabase1796781300000', false);
    // Events as per-unit chains wrote them before: the lock yields the end, the process
    // hashes (version 1), one statement inserts and moves the chain's row.
    const unit = randomUUID();
    const ends = new Map<string, string>();
    for (let i = 0; i < 12; i++) {
      const chain = i % 3 === 0 ? 'system' : unit;
      await before.transaction(async (manager) => {
        const [{ hash: prevHash }] = await rowsOf<{ hash: string }>(
          manager,
          'SELECT hash FROM audit_chain_lock($1)',
          [chain],
        );
        const fields = {
          occurredAt: new Date(Date.UTC(2026, 5, 1, 0, i)),
          actorUserId: null,
          actorName: 'clerk',
          unitId: chain === 'system' ? null : unit,
          action: 'old.event',
          subjectType: 'test',
          subjectId: String(i),
          data: { i, ก: 'ข' },
          prevHash,
        };
        const hash = auditHash(fields);
        await manager.query(
          `WITH e AS (INSERT INTO audit_events (chain, occurred_at, actor_user_id, actor_name, unit_id, action,
                                                 subject_type, subject_id, data, prev_hash, hash)
                      VALUES ($1, $2, NULL, 'clerk', $3, 'old.event', 'test', $4, $5, $6, $7) RETURNING id, hash)
           UPDATE audit_chains SET last_event_id = e.id, hash = e.hash, events = events + 1
             FROM e WHERE chain = $1`,
          [
            chain,
            fields.occurredAt,
            fields.unitId,
            fields.subjectId,
            JSON.stringify(fields.data),
            prevHash,
            hash,
          ],
        );
        ends.set(chain, hash);
      });
    }
    await before.destroy();

    const after = await new DataSource(dataSourceOptions(url, 4)).initialize();
    try {
      await after.runMigrations();
      const config = loadConfig({ ...process.env, DATABASE_URL: url });
      const service = new AuditService(
        after,
        new AuditRepository(after),
        new AuditSigningKey(config),
        new ManualClock(),
      );
      expect(await service.verify()).toEqual({ ok: true, events: 12, chains: 2 });
      expect(await rowsOf(after, 'SELECT DISTINCT hash_version FROM audit_events')).toEqual([
        { hash_version: 1 },
      ]);
      const checkpoint = await service.createCheckpoint();

      // New appends link to the old ends, in the database, as version 2.
      for (const unitId of [unit, null]) {
        await after.transaction((manager) =>
          service.record(manager, {
            actor: { ...SYSTEM_ACTOR, unitId },
            unitId,
            action: 'after.migration',
            subjectType: 'test',
            subjectId: 'new',
          }),
        );
      }
      expect(
        await rowsOf(
          after,
          `SELECT chain, prev_hash, hash_version FROM audit_events WHERE action = 'after.migration' ORDER BY id`,
        ),
      ).toEqual([
        { chain: unit, prev_hash: ends.get(unit), hash_version: 2 },
        { chain: 'system', prev_hash: ends.get('system'), hash_version: 2 },
      ]);
      expect(await service.verify()).toEqual({ ok: true, events: 14, chains: 2 });
      expect((await service.verifyCheckpoint(checkpoint)).checkpoint).toEqual({
        ok: true,
        checkpointId: checkpoint.id,
        chains: 2,
      });

      // An old event edited in place is still named.
      const [edited] = await rowsOf<{ id: string }>(
        after,
        `SELECT id::text AS id FROM audit_events WHERE chain = $1 ORDER BY audit_events.id OFFSET 2 LIMIT 1`,
        [unit],
      );
      await after.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await after.query(`UPDATE audit_events SET data = '{"i": 99}' WHERE id = $1`, [edited.id]);
      await after.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
      expect(await service.verify()).toMatchObject({
        ok: false,
        brokenId: edited.id,
        chain: unit,
        reason: 'hash_mismatch',
      });
    } finally {
      await after.destroy();
    }
  });
});
