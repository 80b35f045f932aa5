import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { startApi } from '../harness/api-process.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { rowsOf } from '../harness/sql.js';
import { factories, type Factories, TEST_PASSWORD } from '../factories/index.js';

/**
 * Invariant 3 under a crash: two API processes take numbers from one register while one of
 * them is killed with SIGKILL mid-run. The committed numbers must be exactly 1..N, and
 * every 201 a client saw must have its row.
 */
describe('registrations from two processes, one killed mid-run', () => {
  let t: TestApp;
  let f: Factories;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
  });
  afterAll(async () => {
    for (const child of processes) child.kill('SIGKILL');
    await t?.close();
  });

  it('keeps the committed numbers gap-free and every answered entry', async () => {
    const unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดทดสอบการล่ม' });
    const user = await f.newUser({
      username: 'crash.clerk',
      memberships: [{ unit, role: 'clerk' }],
    });
    const register: { id: string }[] = await t.dataSource.query(
      `INSERT INTO registers (unit_id, kind, direction, name, created_at)
       VALUES ($1, 'incoming', 'incoming', 'ทะเบียนหนังสือรับ', now()) RETURNING id`,
      [unit.id],
    );
    const letters: { id: string }[] = await t.dataSource.query(
      `INSERT INTO letters (id, kind, subject, root_letter_id, created_unit_id, created_by, created_at)
       SELECT g.id, 'external', 'หนังสือทดสอบที่ ' || g.n, g.id, $1, $2, now()
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 64) AS n) g
       RETURNING id`,
      [unit.id, user.id],
    );

    const [a, b] = await Promise.all([
      startApi({ DATABASE_POOL_SIZE: '4' }),
      startApi({ DATABASE_POOL_SIZE: '4' }),
    ]);
    processes.push(a.child, b.child);
    const login = await fetch(`${a.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'crash.clerk', password: TEST_PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;

    let killed = false;
    const answered: { id: string; receiptNumber: number }[] = [];
    const registerOn = async (api: typeof a, letterId: string) => {
      try {
        const res = await fetch(`${api.url}/api/v1/registers/${register[0].id}/entries`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify({ letterId }),
        });
        if (res.status === 201)
          answered.push((await res.json()) as { id: string; receiptNumber: number });
        if (api === b && !killed) {
          // The first answer from B means B is mid-run: kill it without warning.
          killed = true;
          b.child.kill('SIGKILL');
        }
      } catch {
        // Requests in flight on the killed process fail; the client never saw a 201.
      }
    };
    await Promise.all(letters.map((letter, i) => registerOn(i % 2 === 0 ? a : b, letter.id)));
    expect(killed).toBe(true);
    expect(await b.exited).toBe(null); // killed by a signal

    const rows: { id: string; number: number }[] = await t.dataSource.query(
      'SELECT id, number FROM register_entries WHERE register_id = $1 ORDER BY number',
      [register[0].id],
    );
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: rows.length }, (_, i) => i + 1));
    const committed = new Set(rows.map((r) => r.id));
    for (const entry of answered) expect(committed.has(entry.id)).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(32); // A answered all of its half
    expect(new Set(answered.map((e) => e.receiptNumber)).size).toBe(answered.length);
    const counter = await rowsOf<{ last_number: number }>(
      t.dataSource,
      'SELECT last_number FROM register_counters WHERE register_id = $1',
      [register[0].id],
    );
    expect(counter[0].last_number).toBe(rows.length);
    // Every committed registration audited once, on one unforked chain.
    const audited: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events
        WHERE action = 'register-entry.created' AND subject_id = ANY($1::text[])`,
      [rows.map((r) => r.id)],
    );
    expect(audited[0].n).toBe(rows.length);
    expect(await t.get(AuditService).verify()).toMatchObject({ ok: true });
  });
});
