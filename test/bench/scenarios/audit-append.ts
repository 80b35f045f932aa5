import { randomUUID } from 'node:crypto';
import { SystemClock } from 'src/common/clock.js';
import { SYSTEM_ACTOR } from 'src/modules/audit/audit.service.js';
import { auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import {
  benchAuditService,
  freshBenchDatabase,
  openBenchDataSource,
  openBenchPool,
  runConcurrently,
} from '../bench-db.js';
import type { BenchScenario } from '../scenario.js';

const EVENTS = 4000;
const WRITERS = 32;

/**
 * Audit events per second through the chained service, 32 writers each acting for its own
 * unit (so each appends to its own chain), vs bare INSERTs of the same rows. Also prints,
 * for information, the same writers all in one unit (one chain: they queue on its row).
 */
export const auditAppendScenario: BenchScenario = {
  name: 'audit-append',
  description: `${EVENTS} audit events, ${WRITERS} concurrent writers in ${WRITERS} units: AuditService.record vs bare pg INSERTs`,
  async run(log) {
    const url = await freshBenchDatabase('saraban_bench_audit');
    const dataSource = await openBenchDataSource(url, WRITERS + 2);
    const service = benchAuditService(dataSource, new SystemClock());
    const data = (i: number) => ({ receiptNumber: i, unit: 'สำนักงานจังหวัดร้อยเอ็ด', action: 'ลงรับ' });
    const units = Array.from({ length: WRITERS }, () => randomUUID());
    const append = (unitId: string, i: number) =>
      dataSource.transaction((manager) =>
        service.record(manager, {
          actor: { ...SYSTEM_ACTOR, unitId },
          unitId,
          action: 'bench.append',
          subjectType: 'bench',
          subjectId: String(i),
          data: data(i),
        }),
      );
    /** Each writer appends as its own unit, EVENTS / WRITERS events each. */
    const perUnit = async (unitOf: (writer: number) => string): Promise<number> => {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITERS }, async (_, w) => {
          for (let i = w; i < EVENTS; i += WRITERS) await append(unitOf(w), i);
        }),
      );
      return performance.now() - started;
    };

    // Warm-up: every chain's row exists and the statements are prepared on each connection.
    await perUnit((w) => units[w]);
    const chainedMs = await perUnit((w) => units[w]);
    const oneChainMs = await perUnit(() => units[0]);
    const verify = await service.verify();
    log(
      `  chains after the run: ${verify.ok ? 'intact' : 'BROKEN'}, ${verify.events} events in ${verify.ok ? verify.chains : '?'} chains`,
    );
    await dataSource.destroy();

    // Reference: the same rows (hashes computed up front, no lock, no chain end read).
    const pool = openBenchPool(url, WRITERS);
    await pool.query('CREATE TABLE bench_audit_plain (LIKE audit_events INCLUDING DEFAULTS)');
    const now = new Date();
    const rows = Array.from({ length: EVENTS }, (_, i) => {
      const fields = {
        occurredAt: now,
        actorUserId: null,
        actorName: 'system',
        unitId: units[i % WRITERS],
        action: 'bench.append',
        subjectType: 'bench',
        subjectId: String(i),
        data: data(i),
        prevHash: GENESIS_HASH,
      };
      return [
        ...Object.values(fields).slice(0, 7),
        JSON.stringify(fields.data),
        GENESIS_HASH,
        auditHash(fields),
      ];
    });
    const plainMs = await runConcurrently(EVENTS, WRITERS, (i) =>
      pool.query(
        `INSERT INTO bench_audit_plain (id, chain, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type, subject_id, data, prev_hash, hash)
         VALUES (${i + 1}, $4::text, $1, $2, $3, $4::uuid, $5, $6, $7, $8, $9, $10)`,
        rows[i],
      ),
    );
    await pool.end();
    log(
      `  chained, ${WRITERS} units: ${chainedMs.toFixed(0)} ms; bare inserts: ${plainMs.toFixed(0)} ms; ` +
        `for information, all ${WRITERS} writers in one unit: ${chainedMs > 0 ? (EVENTS / (oneChainMs / 1000)).toFixed(0) : '?'} events/s`,
    );
    return {
      measured: { value: EVENTS / (chainedMs / 1000), unit: 'events/s' },
      reference: { value: EVENTS / (plainMs / 1000), unit: 'events/s' },
    };
  },
};
