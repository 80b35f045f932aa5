import { auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import { freshBenchDatabase, openBenchPool, runConcurrently } from '../bench-db.js';
import {
  backendCpuGrowth,
  backendCpuSeconds,
  seedClerkUnit,
  seedLetters,
  startBenchApi,
} from '../register-setup.js';
import type { BenchScenario } from '../scenario.js';

const LETTERS = Number(process.env.BENCH_REGISTER_LETTERS ?? 20_000);
const CLIENTS = 64;

/**
 * Registrations per second through the whole HTTP stack (auth, access checks, counter,
 * entry, audit chain) vs the same transaction written with raw pg at the same concurrency.
 */
export const registerHttpScenario: BenchScenario = {
  name: 'register-http',
  description: `${CLIENTS} HTTP clients register ${LETTERS} letters into one register vs the same transaction through raw pg`,
  async run(log) {
    const database = 'saraban_bench_register';
    const url = await freshBenchDatabase(database);
    const pool = openBenchPool(url, CLIENTS);
    const { unit, user, registers } = await seedClerkUnit(pool);
    const letters = await seedLetters(pool, unit, user, LETTERS);
    log(`  ${letters.length} letters ready`);

    // The API's own default pool (DATABASE_POOL_SIZE: twice the processors, at least 4): the
    // 64 clients queue in the API. With 64 connections the backends queue on the register's
    // counter row instead.
    const api = await startBenchApi(
      url,
      process.env.BENCH_API_POOL ? { DATABASE_POOL_SIZE: process.env.BENCH_API_POOL } : {},
    );
    try {
      let failures = 0;
      const cpuBefore = api.cpuSeconds();
      const backendsBefore = await backendCpuSeconds(pool, database);
      const httpMs = await runConcurrently(letters.length, CLIENTS, async (i) => {
        const res = await fetch(`${api.base}/registers/${registers[0]}/entries`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${api.token}` },
          body: JSON.stringify({ letterId: letters[i] }),
        });
        if (res.status !== 201) failures += 1;
        await res.arrayBuffer();
      });
      const apiCpu = api.cpuSeconds() - cpuBefore;
      const backendCpu = backendCpuGrowth(backendsBefore, await backendCpuSeconds(pool, database));
      log(`  HTTP: ${httpMs.toFixed(0)} ms, ${failures} failures`);
      log(
        `  API process: ${apiCpu.toFixed(2)} CPU-s, ${((apiCpu * 1000) / letters.length).toFixed(2)} CPU-ms per registration`,
      );
      log(
        `  PostgreSQL backends: ${backendCpu.toFixed(2)} CPU-s, ${((backendCpu * 1000) / letters.length).toFixed(2)} CPU-ms per registration`,
      );
      // Free the API's connections before the reference takes its own.
      await api.stop();

      // Reference: counter upsert + entry insert + audit row, one transaction each, raw pg.
      const rawMs = await runConcurrently(letters.length, CLIENTS, async (i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const number = (
            await client.query<{ last_number: number }>(
              `INSERT INTO register_counters (register_id, be_year, last_number) VALUES ($1, 2569, 1)
               ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = register_counters.last_number + 1
               RETURNING last_number`,
              [registers[1]],
            )
          ).rows[0].last_number;
          const entry = (
            await client.query<{ id: string }>(
              `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at, status, created_by)
               VALUES ($1, 2569, $2, $3, now(), 'active', $4) RETURNING id`,
              [registers[1], number, letters[i], user],
            )
          ).rows[0].id;
          const fields = {
            occurredAt: new Date(),
            actorUserId: user,
            actorName: 'bench.clerk',
            unitId: unit,
            action: 'register-entry.created',
            subjectType: 'register_entry',
            subjectId: entry,
            data: { number },
            prevHash: GENESIS_HASH,
          };
          await client.query(
            `INSERT INTO audit_events (chain, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type, subject_id, data, prev_hash, hash)
             VALUES ($4::text, $1, $2, $3, $4::uuid, $5, $6, $7, $8, $9, $10)`,
            [
              fields.occurredAt,
              user,
              fields.actorName,
              unit,
              fields.action,
              fields.subjectType,
              entry,
              JSON.stringify(fields.data),
              GENESIS_HASH,
              auditHash(fields),
            ],
          );
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      });
      log(`  raw pg: ${rawMs.toFixed(0)} ms`);
      const numbers = await pool.query<{ n: number; max: number }>(
        'SELECT count(*)::int AS n, max(number) AS max FROM register_entries WHERE register_id = $1',
        [registers[0]],
      );
      log(
        `  register via HTTP holds ${numbers.rows[0].n} entries, numbers 1..${numbers.rows[0].max}`,
      );
      return {
        measured: { value: letters.length / (httpMs / 1000), unit: 'registrations/s' },
        reference: { value: letters.length / (rawMs / 1000), unit: 'registrations/s' },
      };
    } finally {
      await api.stop();
      await pool.end();
    }
  },
};
