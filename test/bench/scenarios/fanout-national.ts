import { randomUUID } from 'node:crypto';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { freshBenchDatabase, openBenchDataSource, runConcurrently } from '../bench-db.js';
import { insertBenchLetter, insertNationalUnits } from '../national-units.js';
import type { BenchScenario } from '../scenario.js';
import { oneRow } from '../../harness/sql.js';

const PROVINCE_SENDS = [
  'provincial_division',
  'district',
  'provincial_administration',
  'city_municipality',
  'town_municipality',
];
const DISTRICT_SENDS = ['subdistrict_municipality', 'subdistrict_administration'];
/** Units forward independently of each other: the forwards of one level run side by side. */
const WRITERS = 8;

/**
 * The whole national fan-out of one circular (ministry → 77 provinces → divisions,
 * districts, อบจ., city/town municipalities → each district's other local
 * administrations), each forward one statement and its own transaction (8 side by side,
 * as units forward independently): the forward row, the set-based delivery INSERT (targets
 * resolved in SQL, live duplicates skipped) and the counts, against a server-side COPY of
 * exactly the same delivery rows into the same indexed table. Each of the ~1,000 forwards
 * is a durable commit; the COPY is one.
 */
export const fanoutNationalScenario: BenchScenario = {
  name: 'fanout-national',
  description:
    'all deliveries of a nationwide circular through RoutingRepository.insertForward vs COPY of the same rows',
  async run(log) {
    const url = await freshBenchDatabase('saraban_bench_fanout');
    const dataSource = await openBenchDataSource(url, WRITERS + 2);
    const units = await insertNationalUnits(dataSource);
    log(`  ${units.length} units`);
    const ministry = units.find((u) => u.kind === 'ministry')!;
    const letterId = await insertBenchLetter(dataSource, ministry.id, 'หนังสือเวียนทั่วประเทศ');
    const repository = new RoutingRepository();
    const sentAt = new Date();
    const dueAt = new Date(sentAt.getTime() + 72 * 3_600_000);
    let forwards = 0;

    const forward = async (
      sender: { id: string; path: string },
      parentDeliveryId: string | null,
      hop: number,
      kinds: { childKinds: string[]; subtreeKinds: string[] },
    ) => {
      // One statement: the forward row, its deliveries and its counts, its own transaction.
      await repository.insertForward(
        dataSource.manager,
        {
          id: randomUUID(),
          letterId,
          rootLetterId: letterId,
          senderUnitId: sender.id,
          registerEntryId: null,
          parentDeliveryId,
          annotationId: null,
          forwardedBy: ministry.id,
          createdAt: sentAt,
          responseDueAt: null,
        },
        {
          scope: { unitId: sender.id, path: sender.path },
          hop,
          dueAt,
          explicitUnitIds: [],
          ...kinds,
        },
      );
      forwards += 1;
    };
    const deliveriesAt = async (hop: number) => {
      const rows: { unit: string; id: string }[] = await dataSource.query(
        'SELECT recipient_unit_id AS unit, id FROM deliveries WHERE letter_id = $1 AND hop = $2',
        [letterId, hop],
      );
      return new Map(rows.map((r) => [r.unit, r.id]));
    };

    const walAt = async (): Promise<string> =>
      (await oneRow<{ lsn: string }>(dataSource, 'SELECT pg_current_wal_insert_lsn()::text AS lsn'))
        .lsn;
    const walSince = async (from: string): Promise<number> =>
      Number(
        (
          await oneRow<{ b: string }>(
            dataSource,
            'SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), $1) AS b',
            [from],
          )
        ).b,
      );
    const walBefore = await walAt();
    const started = performance.now();
    await forward(ministry, null, 1, { childKinds: ['province'], subtreeKinds: [] });
    const toProvinces = await deliveriesAt(1);
    const provinces = units.filter((u) => u.kind === 'province');
    await runConcurrently(provinces.length, WRITERS, (i) =>
      forward(provinces[i], toProvinces.get(provinces[i].id)!, 2, {
        childKinds: [],
        subtreeKinds: PROVINCE_SENDS,
      }),
    );
    const level2 = await deliveriesAt(2);
    const districts = units.filter((u) => u.kind === 'district');
    await runConcurrently(districts.length, WRITERS, (i) =>
      forward(districts[i], level2.get(districts[i].id)!, 3, {
        childKinds: DISTRICT_SENDS,
        subtreeKinds: [],
      }),
    );
    const forwardMs = performance.now() - started;
    const counted: { count: number }[] = await dataSource.query(
      'SELECT count(*)::int AS count FROM deliveries WHERE letter_id = $1',
      [letterId],
    );
    const count = counted[0].count;
    log(
      `  ${count} deliveries in ${forwards} forwards: ${forwardMs.toFixed(0)} ms, ` +
        `${((await walSince(walBefore)) / 1024).toFixed(0)} kB of WAL`,
    );

    // Reference: the same rows, exported, deleted, then COPY'd back into the same table.
    const file = `/tmp/saraban-bench-fanout-${process.pid}.csv`;
    await dataSource.query(
      `COPY (SELECT * FROM deliveries WHERE letter_id = '${letterId}') TO '${file}' WITH (FORMAT csv)`,
    );
    await dataSource.query('DELETE FROM deliveries WHERE letter_id = $1', [letterId]);
    await dataSource.query('VACUUM deliveries');
    const copyWal = await walAt();
    const copyStarted = performance.now();
    await dataSource.query(`COPY deliveries FROM '${file}' WITH (FORMAT csv)`);
    const copyMs = performance.now() - copyStarted;
    log(
      `  COPY of the same ${count} rows: ${copyMs.toFixed(0)} ms, ` +
        `${((await walSince(copyWal)) / 1024).toFixed(0)} kB of WAL`,
    );
    await dataSource.destroy();
    return {
      measured: { value: forwardMs, unit: 'ms' },
      reference: { value: copyMs, unit: 'ms' },
    };
  },
};
