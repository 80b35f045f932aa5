import { SystemClock } from 'src/common/clock.js';
import { migrate } from 'src/database/bootstrap.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthRepository } from 'src/modules/auth/auth.repository.js';
import {
  buildNationalTree,
  loadAddressRows,
  MINISTRY_KEY,
  readLetterCodes,
} from 'src/modules/organisations/national-tree.js';
import { OrganisationsRepository } from 'src/modules/organisations/organisations.repository.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';
import { benchAuditService, openBenchDataSource, useBenchDatabase } from '../bench-db.js';
import type { BenchScenario } from '../scenario.js';

const DATABASE = 'saraban_bench';
const PROVINCE_KEY = 'th:ร้อยเอ็ด';
const PROVINCE_RUNS = 300;
const NATION_RUNS = 40;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Subtree listing on the national tree: the materialised-path range scan the API uses
 * vs a recursive CTE over parent_id, for one province and for the whole nation.
 * Reuses `saraban_bench` when it already holds the national seed (idempotent seed).
 */
export const subtreeScenario: BenchScenario = {
  name: 'subtree',
  description:
    'list a province subtree (Roi Et) and the national subtree: path prefix index vs recursive CTE (median ms per query)',
  async run(log) {
    const url = useBenchDatabase(DATABASE);
    await migrate(url);
    const dataSource = await openBenchDataSource(url, 4);
    try {
      const clock = new SystemClock();
      const organisations = new OrganisationsService(
        dataSource,
        new OrganisationsRepository(dataSource),
        new AccessService(new AuthRepository(dataSource)),
        benchAuditService(dataSource, clock),
        clock,
      );
      const units = buildNationalTree(await loadAddressRows(), readLetterCodes());
      const seeded = Date.now();
      const inserted = await dataSource.transaction(async (manager) => {
        const count = await organisations.insertSeedUnits(manager, units);
        if (count > 0) {
          await organisations.recordSeed(manager, { userId: null, name: 'bench' }, 'national', {
            unitsInserted: count,
          });
        }
        return count;
      });
      log(
        `  national seed: ${inserted} of ${units.length} units inserted in ${Date.now() - seeded} ms`,
      );
      await dataSource.query('ANALYZE units');

      const roots: { key: string; id: string; path: string }[] = await dataSource.query(
        `SELECT seed_key AS key, id, path FROM units WHERE seed_key = ANY($1)`,
        [[PROVINCE_KEY, MINISTRY_KEY]],
      );
      const province = roots.find((r) => r.key === PROVINCE_KEY)!;
      const nation = roots.find((r) => r.key === MINISTRY_KEY)!;

      const byPath = (path: string) =>
        dataSource.query('SELECT id, name_th FROM units WHERE path LIKE $1', [`${path}%`]);
      const byCte = (id: string) =>
        dataSource.query(
          `WITH RECURSIVE sub AS (
             SELECT id, name_th FROM units WHERE id = $1
             UNION ALL
             SELECT u.id, u.name_th FROM units u JOIN sub ON u.parent_id = sub.id)
           SELECT id, name_th FROM sub`,
          [id],
        );
      const time = async (runs: number, query: () => Promise<unknown[]>) => {
        const samples: number[] = [];
        let rows = 0;
        for (let i = 0; i < runs; i++) {
          const started = performance.now();
          rows = (await query()).length;
          samples.push(performance.now() - started);
        }
        return { ms: median(samples), rows };
      };

      const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
        `EXPLAIN SELECT id, name_th FROM units WHERE path LIKE '${province.path}%'`,
      );
      log(
        `  plan: ${plan
          .map((row) => row['QUERY PLAN'].trim())
          .slice(0, 2)
          .join(' / ')}`,
      );

      // Warm both paths once, then alternate so neither profits from the other's cache.
      await byPath(province.path);
      await byCte(province.id);
      const provincePath = await time(PROVINCE_RUNS, () => byPath(province.path));
      const provinceCte = await time(PROVINCE_RUNS, () => byCte(province.id));
      const nationPath = await time(NATION_RUNS, () => byPath(nation.path));
      const nationCte = await time(NATION_RUNS, () => byCte(nation.id));
      if (provincePath.rows !== provinceCte.rows || nationPath.rows !== nationCte.rows) {
        throw new Error('path index and recursive CTE disagree on the subtree');
      }
      log(
        `  province (${provincePath.rows} units): path ${provincePath.ms.toFixed(2)} ms, recursive CTE ${provinceCte.ms.toFixed(2)} ms`,
      );
      log(
        `  nation (${nationPath.rows} units): path ${nationPath.ms.toFixed(2)} ms, recursive CTE ${nationCte.ms.toFixed(2)} ms`,
      );
      return {
        measured: { value: provincePath.ms, unit: 'ms' },
        reference: { value: provinceCte.ms, unit: 'ms' },
      };
    } finally {
      await dataSource.destroy();
    }
  },
};
