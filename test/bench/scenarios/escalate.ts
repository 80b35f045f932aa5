import { SystemClock } from 'src/common/clock.js';
import { loadConfig } from 'src/config/config.js';
import { setLogLevel } from 'src/logging/logger.js';
import { escalationJobId, type JobRequest } from 'src/queue/jobs.js';
import { factories } from '../../factories/index.js';
import { deleteQueueKeys } from '../../harness/queue-keys.js';
import { oneRow } from '../../harness/sql.js';
import { freshBenchDatabase, openBenchDataSource, runConcurrently } from '../bench-db.js';
import { wireEscalation } from '../escalation-wiring.js';
import type { BenchScenario } from '../scenario.js';

const N = Number(process.env.BENCH_ESCALATE_JOBS ?? 2000);
const WARM_UP = 100;

/**
 * Level-1 escalations per second end to end through BullMQ (N jobs enqueued for due
 * deliveries, the application's own worker processing them, timed from the enqueue until
 * the N rows exist in PostgreSQL) against N direct calls of EscalationService.escalate,
 * the method the processor calls, with as many concurrent callers as the worker has
 * (QUEUE_CONCURRENCY), on fresh deliveries. Each rung writes the escalation row, two
 * notifications, the audit event and enqueues its level-2 wake-up (delayed: level 2 is
 * hours of working time away), in both paths.
 */
export const escalateScenario: BenchScenario = {
  name: 'escalate',
  description: `${N} level-1 escalations through BullMQ (enqueue → worker → row) vs direct EscalationService.escalate calls`,
  async run(log) {
    setLogLevel('warn');
    const prefix = `bench_escalate_${process.pid}`;
    const url = await freshBenchDatabase('saraban_bench_escalate');
    const config = loadConfig({ ...process.env, DATABASE_URL: url, QUEUE_PREFIX: prefix });
    const ds = await openBenchDataSource(url, config.databasePoolSize);
    const wiring = await wireEscalation(ds, config, new SystemClock());
    try {
      const service = wiring.escalation;
      const f = factories({ dataSource: ds });
      const province = await f.newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' });
      const district = await f.newUnit({
        nameTh: 'อำเภอเมืองร้อยเอ็ด',
        kind: 'district',
        parent: province,
      });
      await f.newUser({
        username: 'clerk1.mueang',
        memberships: [{ unit: district, role: 'clerk' }],
      });
      await f.newUser({
        username: 'clerk2.mueang',
        memberships: [{ unit: district, role: 'clerk' }],
      });
      const deliveries = (count: number) =>
        f.newDeliveries({
          sender: province,
          recipient: district,
          count,
          sentAt: new Date(Date.now() - 3 * 3_600_000),
          dueAt: new Date(Date.now() - 60_000),
          speed: 'most_urgent',
        });
      const [warm, queued, direct] = [
        await deliveries(WARM_UP),
        await deliveries(N),
        await deliveries(N),
      ];
      await ds.query('ANALYZE');
      const rungs = async () =>
        Number((await oneRow<{ n: number }>(ds, `SELECT count(*)::int AS n FROM escalations`)).n);

      await runConcurrently(WARM_UP, config.queueConcurrency, (i) => service.escalate(warm[i], 1));

      // The worker process's BullMQ workers (QUEUE_CONCURRENCY jobs at a time), idle until now.
      wiring.startWorkers();
      const queueStarted = performance.now();
      await wiring.jobs.add(
        queued.map((deliveryId): JobRequest => ({
          name: 'escalation.level',
          id: escalationJobId(deliveryId, 1),
          data: { deliveryId, level: 1 },
        })),
      );
      const enqueuedMs = performance.now() - queueStarted;
      while ((await rungs()) < WARM_UP + N) await new Promise((r) => setTimeout(r, 20));
      const queueMs = performance.now() - queueStarted;

      const directMs = await runConcurrently(N, config.queueConcurrency, (i) =>
        service.escalate(direct[i], 1),
      );
      const total = await rungs();
      if (total !== WARM_UP + 2 * N) throw new Error(`expected ${WARM_UP + 2 * N} rungs, ${total}`);
      log(
        `  through BullMQ: ${queueMs.toFixed(0)} ms (enqueue ${enqueuedMs.toFixed(0)} ms), concurrency ${config.queueConcurrency}`,
      );
      log(
        `  direct calls: ${directMs.toFixed(0)} ms, ${config.queueConcurrency} concurrent callers`,
      );
      return {
        measured: { value: N / (queueMs / 1000), unit: 'escalations/s' },
        reference: { value: N / (directMs / 1000), unit: 'escalations/s' },
      };
    } finally {
      await wiring.close();
      await ds.destroy();
      await deleteQueueKeys(config.redisUrl, prefix);
    }
  },
};
