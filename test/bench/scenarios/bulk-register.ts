import { freshBenchDatabase, openBenchPool, runConcurrently } from '../bench-db.js';
import { seedClerkUnit, seedLetters, startBenchApi } from '../register-setup.js';
import type { BenchScenario } from '../scenario.js';

const LETTERS = Number(process.env.BENCH_BULK_LETTERS ?? 20_000);
const BATCH = 100;
const CLIENTS = 8;

/**
 * Letters registered per second through `POST /registers/:id/entries/batch` (batches of
 * 100) vs one `POST /registers/:id/entries` per letter, both over HTTP at the same
 * concurrency, into the same register of the same API process.
 */
export const bulkRegisterScenario: BenchScenario = {
  name: 'bulk-register',
  description: `${LETTERS} letters into one register in batches of ${BATCH} vs one request per letter, ${CLIENTS} clients each`,
  async run(log) {
    const url = await freshBenchDatabase('saraban_bench_bulk');
    const pool = openBenchPool(url, 4);
    const { unit, user, registers } = await seedClerkUnit(pool);
    const batched = await seedLetters(pool, unit, user, LETTERS);
    const single = await seedLetters(pool, unit, user, LETTERS);
    log(`  ${batched.length + single.length} letters ready`);
    const api = await startBenchApi(url);
    try {
      const post = async (path: string, body: unknown, expected: number) => {
        const res = await fetch(`${api.base}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${api.token}` },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        if (res.status !== expected)
          throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
      };
      const batchMs = await runConcurrently(Math.ceil(LETTERS / BATCH), CLIENTS, (i) =>
        post(
          `/registers/${registers[0]}/entries/batch`,
          { items: batched.slice(i * BATCH, (i + 1) * BATCH).map((letterId) => ({ letterId })) },
          201,
        ),
      );
      log(`  batches of ${BATCH}: ${batchMs.toFixed(0)} ms`);
      const singleMs = await runConcurrently(LETTERS, CLIENTS, (i) =>
        post(`/registers/${registers[0]}/entries`, { letterId: single[i] }, 201),
      );
      log(`  one by one: ${singleMs.toFixed(0)} ms`);
      const numbers = await pool.query<{ n: number; max: number }>(
        'SELECT count(*)::int AS n, max(number)::int AS max FROM register_entries WHERE register_id = $1',
        [registers[0]],
      );
      const { n, max } = numbers.rows[0];
      if (n !== 2 * LETTERS || max !== n)
        throw new Error(`expected numbers 1..${2 * LETTERS}, got ${n} entries up to ${max}`);
      log(`  the register holds ${n} entries, numbered 1..${max} without a gap`);
      return {
        measured: { value: LETTERS / (batchMs / 1000), unit: 'letters/s' },
        reference: { value: LETTERS / (singleMs / 1000), unit: 'letters/s' },
      };
    } finally {
      await api.stop();
      await pool.end();
    }
  },
};
