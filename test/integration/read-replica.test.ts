import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from 'src/database/bootstrap.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { pageOf } from '../harness/api-body.js';
import { type ReplicaPair, serverBinaries, startReplicaPair } from '../harness/replica.js';
import { factories, type Factories } from '../factories/index.js';

const bin = serverBinaries();
if (!bin) {
  console.warn(
    'read-replica test skipped: no PostgreSQL server binaries under /usr/lib/postgresql',
  );
}

/**
 * Lag-tolerant reads (search, inbox, progress, printouts) go to DATABASE_READ_URL, a real
 * streaming replica started here; a user's own writes are read back from the primary
 * until the replica has replayed them; a replica that is gone is read around.
 */
describe.skipIf(!bin)('reads from a streaming replica', () => {
  let pair: ReplicaPair;
  let t: TestApp;
  let f: Factories;
  let writer: string;
  let reader: string;
  let unitId: string;

  beforeAll(async () => {
    pair = await startReplicaPair(bin!);
    const primary = pair.primaryUrl('saraban');
    await migrate(primary);
    // The standby has the database once it has replayed the migrations.
    for (let waited = 0; ; waited += 200) {
      const ready = await pair
        .onReplica('SELECT 1 FROM schema_migrations LIMIT 1', 'saraban')
        .then((rows) => rows.length === 1)
        .catch(() => false);
      if (ready) break;
      if (waited > 60_000) throw new Error('the replica never replayed the migrations');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    t = await createTestApp({
      env: { DATABASE_URL: primary, DATABASE_READ_URL: pair.replicaUrl('saraban') },
    });
    f = factories(t);
    const ministry = await f.newMinistry();
    const province = await f.newUnit({
      parent: ministry,
      kind: 'province',
      nameTh: 'จังหวัดสำเนา',
      letterCode: 'สน',
    });
    unitId = province.id;
    await f.newUser({
      username: 'replica.writer',
      memberships: [{ unit: province, role: 'clerk' }],
    });
    await f.newUser({
      username: 'replica.reader',
      memberships: [{ unit: province, role: 'clerk' }],
    });
    writer = (await f.signIn('replica.writer')).headers.Authorization;
    reader = (await f.signIn('replica.reader')).headers.Authorization;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    pair?.stop();
  });

  const search = async (authorization: string, q: string) => {
    const res = await t.http
      .get('/api/v1/letters')
      .query({ q })
      .set('Authorization', authorization)
      .expect(200);
    return pageOf(res, 'LetterSummaryResponse').items.map((l) => l.subject);
  };

  it('sends other users to the replica, and the writer to the primary until the replica has the write', async () => {
    // Let the replica catch up with the fixtures, then hold its replay still.
    await expect.poll(() => search(reader, 'สำเนา'), { timeout: 30_000 }).toEqual([]);
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const subject = 'หนังสือทดสอบการอ่านสำเนา';
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', writer)
        .send({ kind: 'external', subject, unitId })
        .expect(201);
      // The writer reads their own write (the primary answers: the replica is behind it)…
      expect(await search(writer, 'ทดสอบการอ่านสำเนา')).toEqual([subject]);
      // …while a colleague who wrote nothing is answered by the paused replica.
      expect(await search(reader, 'ทดสอบการอ่านสำเนา')).toEqual([]);
      await t.http.get(`/api/v1/units/${unitId}/inbox`).set('Authorization', reader).expect(200);
      await pair.onReplica('SELECT pg_wal_replay_resume()');
      await expect
        .poll(() => search(reader, 'ทดสอบการอ่านสำเนา'), { timeout: 30_000 })
        .toEqual([subject]);
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
  });

  it('reads the writer’s own write from the primary while its commit is not yet written out', async () => {
    // The primary commits asynchronously (synchronous_commit = off, as a busy office may run
    // it): a commit answers once its record is in the WAL buffers, before the WAL writer
    // writes it out. The replica first replays everything inserted so far and is held
    // still; then the WAL writer is held still too, so that the new letter's commit stays
    // in the buffers. The replica then has all the WAL the primary has written, yet not the
    // letter: the writer must still be answered by the primary.
    const [{ lsn }] = await pair.onPrimary<{ lsn: string }>(
      'SELECT pg_current_wal_insert_lsn()::text AS lsn',
      'saraban',
    );
    await expect
      .poll(
        async () =>
          (
            await pair.onReplica(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS caught_up`)
          )[0],
        { timeout: 30_000 },
      )
      .toEqual({ caught_up: true });
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    const [{ pid }] = await pair.onPrimary<{ pid: number }>(
      "SELECT pid FROM pg_stat_activity WHERE backend_type = 'walwriter'",
    );
    process.kill(pid, 'SIGSTOP');
    try {
      const subject = 'หนังสือที่บันทึกไว้ในหน่วยความจำ';
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', writer)
        .send({ kind: 'external', subject, unitId })
        .expect(201);
      expect(await search(writer, 'บันทึกไว้ในหน่วยความจำ')).toEqual([subject]);
    } finally {
      process.kill(pid, 'SIGCONT');
      await pair.onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it('reads from the primary when the replica is gone', async () => {
    pair.stopReplica();
    expect(await search(reader, 'ทดสอบการอ่านสำเนา')).toEqual(['หนังสือทดสอบการอ่านสำเนา']);
    await t.http.get(`/api/v1/units/${unitId}/inbox`).set('Authorization', reader).expect(200);
  });
});
