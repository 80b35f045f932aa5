import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService, SYSTEM_ACTOR } from 'src/modules/audit/audit.service.js';
import { GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import { createTestApp, type TestApp } from '../harness/app.js';

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
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events');
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
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events');
    expect(after[0].n).toBe(before[0].n);
  });

  it('never forks the chain under 40 concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        append(`concurrent-${i}`, { i, nested: { b: 1, a: [1, 'ก'] } }),
      ),
    );
    const rows: { id: string; prev_hash: string; hash: string }[] = await t.dataSource.query(
      'SELECT id, prev_hash, hash FROM audit_events ORDER BY id',
    );
    expect(rows.length).toBeGreaterThanOrEqual(40);
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    expect(await audit.verify()).toEqual({ ok: true, events: rows.length });
  });

  it('is refused UPDATE, DELETE and TRUNCATE by the database', async () => {
    await append('guarded');
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
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
    expect(whole.out).toMatch(/intact/);

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
