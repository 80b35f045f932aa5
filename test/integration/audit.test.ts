import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, SYSTEM_ACTOR } from 'src/modules/audit/audit.service.js';
import { auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { rowsOf } from '../harness/sql.js';

const run = promisify(execFile);

describe('audit trail', () => {
  let t: TestApp;
  let audit: AuditService;
  beforeAll(async () => {
    t = await createTestApp();
    audit = t.get(AuditService);
  });
  afterAll(async () => {
    await t.close();
  });

  const append = (action: string, data: Record<string, unknown> = {}) =>
    t.dataSource.transaction((manager) =>
      audit.record(manager, {
        actor: SYSTEM_ACTOR,
        action,
        subjectType: 'test',
        subjectId: action,
        data,
      }),
    );

  it('refuses to record outside a transaction', async () => {
    await expect(
      audit.record(t.dataSource.manager, {
        actor: SYSTEM_ACTOR,
        action: 'x',
        subjectType: 'test',
        subjectId: 'x',
      }),
    ).rejects.toThrow(/inside a transaction/);
  });

  it('writes in the caller transaction: a rollback leaves no event', async () => {
    const before = await rowsOf<{ n: number }>(
      t.dataSource,
      'SELECT count(*)::int AS n FROM audit_events',
    );
    await expect(
      t.dataSource.transaction(async (manager) => {
        await audit.record(manager, {
          actor: SYSTEM_ACTOR,
          action: 'doomed',
          subjectType: 't',
          subjectId: '1',
        });
        throw new Error('command failed after auditing');
      }),
    ).rejects.toThrow('command failed');
    const after = await rowsOf<{ n: number }>(
      t.dataSource,
      'SELECT count(*)::int AS n FROM audit_events',
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('refuses an append that links to anything but the head, and writes nothing', async () => {
    await append('the-head');
    const before = await rowsOf(t.dataSource, 'SELECT count(*)::int AS n FROM audit_events');
    await expect(
      t.dataSource.transaction((manager) =>
        audit.recordAfterLock(manager, 'system', GENESIS_HASH, [
          {
            actor: SYSTEM_ACTOR,
            action: 'stale-link',
            subjectType: 'test',
            subjectId: 'stale',
          },
        ]),
      ),
    ).rejects.toThrow(/chain system moved/);
    expect(await rowsOf(t.dataSource, 'SELECT count(*)::int AS n FROM audit_events')).toEqual(
      before,
    );
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('never forks the chain under 40 concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        append(`concurrent-${i}`, { i, nested: { b: 1, a: [1, 'ก'] } }),
      ),
    );
    const rows: { id: string; prev_hash: string; hash: string }[] = await t.dataSource.query(
      `SELECT id, prev_hash, hash FROM audit_events WHERE chain = 'system' ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    expect(await audit.verify()).toMatchObject({ ok: true, events: rows.length });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    await append('guarded');
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('keeps its head on the newest event, and names a chain whose newest events are gone', async () => {
    await append('kept');
    const second = await append('to-be-lost-1');
    const last = await append('to-be-lost-2');
    expect(
      await t.dataSource.query(
        `SELECT last_event_id, hash FROM audit_chains WHERE chain = 'system'`,
      ),
    ).toEqual(
      await t.dataSource.query('SELECT id AS last_event_id, hash FROM audit_events WHERE id = $1', [
        last,
      ]),
    );
    await expect(t.dataSource.query('DELETE FROM audit_chains')).rejects.toThrow(/keeps its rows/);
    await expect(t.dataSource.query('TRUNCATE audit_chains')).rejects.toThrow(/keeps its rows/);

    // A superuser cuts the chain short: every remaining link still fits, the head does not.
    const lost: Record<string, unknown>[] = await t.dataSource.query(
      'SELECT * FROM audit_events WHERE id >= $1 ORDER BY id',
      [second],
    );
    const bypassing = async (sql: string, params: unknown[] = []) => {
      await t.dataSource.query(
        'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete',
      );
      try {
        await t.dataSource.query(sql, params);
      } finally {
        await t.dataSource.query(
          'ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete',
        );
      }
    };
    await bypassing('DELETE FROM audit_events WHERE id >= $1', [second]);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      brokenId: last,
      reason: 'head_mismatch',
    });

    // Put back, the chain is whole again.
    for (const row of lost) {
      await t.dataSource.query(
        `INSERT INTO audit_events (id, occurred_at, actor_user_id, actor_name, unit_id, action,
                                   subject_type, subject_id, data, prev_hash, hash, chain, hash_version)
         OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          row.id,
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
          row.chain,
          row.hash_version,
        ],
      );
    }
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('names the first event written past the head, even when the links fit', async () => {
    await append('before-the-forgery');
    const [head] = await rowsOf<{ hash: string }>(
      t.dataSource,
      `SELECT hash FROM audit_chains WHERE chain = 'system'`,
    );
    // Two rows written straight into the table, each linked to the one before.
    const forge = async (subjectId: string, prevHash: string) => {
      const fields = {
        occurredAt: new Date(),
        actorUserId: null,
        actorName: 'forger',
        unitId: null,
        action: 'forged',
        subjectType: 'test',
        subjectId,
        data: {},
        prevHash,
      };
      const hash = auditHash(fields);
      const [row] = await rowsOf<{ id: string }>(
        t.dataSource,
        `INSERT INTO audit_events (occurred_at, actor_user_id, actor_name, unit_id, action,
                                   subject_type, subject_id, data, prev_hash, hash, chain)
         VALUES ($1, NULL, $2, NULL, $3, $4, $5, '{}', $6, $7, 'system') RETURNING id`,
        [fields.occurredAt, 'forger', 'forged', 'test', subjectId, prevHash, hash],
      );
      return { id: row.id, hash };
    };
    const first = await forge('forged-1', head.hash);
    const second = await forge('forged-2', first.hash);
    expect(await audit.verify()).toMatchObject({
      ok: false,
      brokenId: first.id,
      reason: 'head_mismatch',
    });
    // Accepted by moving the head to them, the chain is whole and appends link after it.
    await t.dataSource.query(
      `UPDATE audit_chains SET last_event_id = $1, hash = $2, events = events + 2 WHERE chain = 'system'`,
      [second.id, second.hash],
    );
    await append('after-the-forgery');
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('names the first hand-edited row, in the service and through the CLI', async () => {
    await append('first');
    const victim = await append('to-be-edited', { receiptNumber: 520 });
    await append('after');
    const cli = () =>
      run('node', ['dist/cli.js', 'audit', 'verify'], {
        env: { ...process.env, LOG_LEVEL: 'silent' },
      }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    const whole = await cli();
    expect(whole.code).toBe(0);
    expect(whole.out).toMatch(/intact: \d+ events in \d+ chains/);

    // A superuser can bypass the trigger; the chain still tells.
    await t.dataSource.query(
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete',
    );
    await t.dataSource.query(
      `UPDATE audit_events SET data = '{"receiptNumber": 521}' WHERE id = $1`,
      [victim],
    );
    await t.dataSource.query(
      'ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete',
    );

    const result = await audit.verify();
    expect(result).toMatchObject({ ok: false, brokenId: victim, reason: 'hash_mismatch' });
    const broken = await cli();
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(`event id ${victim}`);
  });
});
