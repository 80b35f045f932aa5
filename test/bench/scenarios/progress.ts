import { RoutingProgressRepository } from 'src/modules/routing/routing-progress.repository.js';
import { benchDataset, openBenchDataSource } from '../bench-db.js';
import { insertBenchForward, insertBenchLetter, insertNationalUnits } from '../national-units.js';
import type { BenchScenario } from '../scenario.js';

const OTHER_DELIVERIES = Number(process.env.BENCH_PROGRESS_ROWS ?? 10_000_000);
const OTHER_LETTERS = 2_000;
const RUNS = 30;
const MEASURED_SUBJECT = 'หนังสือเวียนที่วัด';
const PROVINCE_SEED_KEY = 'th:ร้อยเอ็ด';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The reference: the same per-unit figures for the nation computed the way one would
 * without root_letter_id, by walking the delivery tree down parent_delivery_id from the
 * root letter's first-level deliveries (a recursive CTE on deliveries_parent_idx).
 */
const RECURSIVE_REFERENCE = `WITH RECURSIVE tree AS (
    SELECT d.id, d.recipient_unit_id, d.state FROM deliveries d
     WHERE d.letter_id = $1 AND d.parent_delivery_id IS NULL
    UNION ALL
    SELECT c.id, c.recipient_unit_id, c.state FROM deliveries c JOIN tree t ON c.parent_delivery_id = t.id
  ), per_unit AS (
    SELECT t.recipient_unit_id, bool_or(t.state = 'received') AS received
      FROM tree t JOIN units u ON u.id = t.recipient_unit_id
     WHERE u.path LIKE $2
     GROUP BY t.recipient_unit_id
  )
  SELECT count(*) AS total, count(*) FILTER (WHERE received) AS received FROM per_unit`;

/**
 * One letter's progress (nation and one province) with 10 million deliveries of other
 * letters in the table: RoutingProgressRepository.findProgress (the statement of
 * GET /letters/:id/progress), median of 30 runs each.
 */
export const progressScenario: BenchScenario = {
  name: 'progress',
  description: `one letter's progress (nation, one province) among ${(OTHER_DELIVERIES / 1e6).toFixed(0)}M other deliveries vs a recursive CTE over parent deliveries`,
  async run(log) {
    const url = await benchDataset(
      'saraban_bench_progress',
      `${OTHER_DELIVERIES} deliveries of ${OTHER_LETTERS} letters`,
      async (target) => {
        const dataSource = await openBenchDataSource(target, 4);
        try {
          const units = await insertNationalUnits(dataSource);
          const ministry = units.find((u) => u.kind === 'ministry')!;
          log(
            `  ${units.length} units; generating ${OTHER_DELIVERIES} deliveries of other letters…`,
          );

          // Other letters, with their forwards, then the deliveries in chunks, set-based.
          await dataSource.query(
            `INSERT INTO letters (id, kind, subject, root_letter_id, created_unit_id, created_at)
         SELECT id, 'external', 'หนังสืออื่น', id, $2, now()
           FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $1)) g`,
            [OTHER_LETTERS, ministry.id],
          );
          await dataSource.query(
            `CREATE TABLE bench_letters AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM letters`,
          );
          await dataSource.query(
            `INSERT INTO forwards (id, letter_id, root_letter_id, sender_unit_id, created_at, recipients_created, recipients_skipped)
         SELECT id, id, id, $1, now(), 0, 0 FROM bench_letters`,
            [ministry.id],
          );
          await dataSource.query(
            `CREATE TABLE bench_units AS SELECT row_number() OVER (ORDER BY path) - 1 AS n, id, parent_id FROM units WHERE parent_id IS NOT NULL`,
          );
          // Indexes are rebuilt after the load (faster than maintaining them row by row).
          const indexes: { indexname: string; indexdef: string }[] = await dataSource.query(
            `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'deliveries' AND indexname NOT LIKE 'PK_%'`,
          );
          for (const index of indexes) await dataSource.query(`DROP INDEX ${index.indexname}`);
          const unitRows: { n: number }[] = await dataSource.query(
            'SELECT count(*)::int AS n FROM bench_units',
          );
          const unitCount = unitRows[0].n;
          const chunk = 1_000_000;
          const loadStarted = performance.now();
          for (let start = 0; start < OTHER_DELIVERIES; start += chunk) {
            await dataSource.query(
              `INSERT INTO deliveries (letter_id, root_letter_id, sender_unit_id, recipient_unit_id, forward_id, sent_at,
                                   due_at, state, state_changed_at, hop)
           SELECT l.id, l.id, u.parent_id, u.id, l.id, now() - interval '10 days', now() - interval '7 days',
                  CASE WHEN g % 5 = 0 THEN 'sent' ELSE 'received' END, now(), 1
             FROM generate_series($1::bigint, $2::bigint) g
             JOIN bench_letters l ON l.n = g % ${OTHER_LETTERS}
             JOIN bench_units u ON u.n = (g / ${OTHER_LETTERS}) % $3`,
              [start, Math.min(start + chunk, OTHER_DELIVERIES) - 1, unitCount],
            );
            log(
              `  ${Math.min(start + chunk, OTHER_DELIVERIES)} rows (${((performance.now() - loadStarted) / 1000).toFixed(0)} s)`,
            );
          }
          for (const index of indexes) {
            await dataSource.query(index.indexdef);
            log(`  index ${index.indexname} rebuilt`);
          }

          // The measured letter: the nation's fan-out (one delivery per unit below the
          // ministry, parent links by the tree), 60% registered.
          const letterId = await insertBenchLetter(dataSource, ministry.id, MEASURED_SUBJECT);
          const forwardId = await insertBenchForward(dataSource, letterId, ministry.id);
          await dataSource.query(
            `INSERT INTO deliveries (id, letter_id, root_letter_id, sender_unit_id, recipient_unit_id, forward_id, sent_at,
                                 due_at, state, state_changed_at, hop, parent_delivery_id)
         SELECT u.id, $1, $1, u.parent_id, u.id, $2, now(), now() + interval '3 days',
                CASE WHEN random() < 0.6 THEN 'received' ELSE 'sent' END, now(), u.depth,
                CASE WHEN u.depth > 1 THEN u.parent_id END
           FROM units u WHERE u.parent_id IS NOT NULL`,
            [letterId, forwardId],
          );
          await dataSource.query('VACUUM ANALYZE deliveries');
          await dataSource.query('ANALYZE units');
        } finally {
          await dataSource.destroy();
        }
      },
      log,
    );
    const dataSource = await openBenchDataSource(url, 4);
    const [ministry]: { path: string }[] = await dataSource.query(
      `SELECT path FROM units WHERE kind = 'ministry'`,
    );
    // One province, the same on every run and on reuse: Roi Et (subtree uses it too).
    const [province]: { path: string }[] = await dataSource.query(
      `SELECT path FROM units WHERE kind = 'province' AND seed_key = $1`,
      [PROVINCE_SEED_KEY],
    );
    const [measured]: { id: string }[] = await dataSource.query(
      'SELECT id FROM letters WHERE subject = $1',
      [MEASURED_SUBJECT],
    );
    const letterId = measured.id;

    const repository = new RoutingProgressRepository(dataSource);
    const time = async (body: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await body();
        samples.push(performance.now() - started);
      }
      return median(samples);
    };
    const progressOf = (path: string) => () => repository.findProgress(letterId, path, null, 50);
    const nationMs = await time(progressOf(ministry.path));
    const provinceMs = await time(progressOf(province.path));
    const summary = await repository.findProgress(letterId, ministry.path, null, 50);
    log(`  nation: ${JSON.stringify(summary.units)}; ${nationMs.toFixed(1)} ms`);
    log(`  one province: ${provinceMs.toFixed(1)} ms`);
    const referenceMs = await time(() =>
      dataSource.query(RECURSIVE_REFERENCE, [letterId, `${ministry.path}%`]),
    );
    const checks: { total: string; received: string }[] = await dataSource.query(
      RECURSIVE_REFERENCE,
      [letterId, `${ministry.path}%`],
    );
    const check = checks[0];
    log(
      `  recursive CTE (nation totals only): ${referenceMs.toFixed(1)} ms, ${JSON.stringify(check)}`,
    );
    await dataSource.destroy();
    return {
      measured: { value: Math.max(nationMs, provinceMs), unit: 'ms' },
      reference: { value: referenceMs, unit: 'ms' },
    };
  },
};
