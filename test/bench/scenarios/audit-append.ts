import pg from 'pg';
import { SystemClock } from 'src/common/clock.js';
import { AuditRepository } from 'src/modules/audit/audit.repository.js';
import { AuditService, SYSTEM_ACTOR } from 'src/modules/audit/audit.service.js';
import { auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import { freshBenchDatabase, openBenchDataSource, runConcurrently } from '../bench-db.js';
import type { BenchScenario } from '../scenario.js';

const EVENTS = 4000;
const WRITERS = 32;

/** Audit events per second through the chained service vs bare INSERTs of the same rows. */
export const auditAppendScenario: BenchScenario = {
  name: 'audit-append',
  description: `${EVENTS} audit events, ${WRITERS} concurrent writers: AuditService.record vs bare pg INSERTs`,
  async run(log) {
    const url = await freshBenchDatabase('saraban_bench_audit');
    const dataSource = await openBenchDataSource(url, WRITERS + 2);
    const service = new AuditService(new AuditRepository(dataSource), new SystemClock());
    const data = (i: number) => ({ receiptNumber: i, unit: 'สำนักงานจังหวัดร้อยเอ็ด', action: 'ลงรับ' });

    const chainedMs = await runConcurrently(EVENTS, WRITERS, (i) =>
      dataSource.transaction((manager) =>
        service.record(manager, {
          actor: SYSTEM_ACTOR,
          action: 'bench.append',
          subjectType: 'bench',
          subjectId: String(i),
          data: data(i),
        }),
      ),
    );
    const verify = await service.verify();
    log(`  chain after the run: ${verify.ok ? 'intact' : 'BROKEN'}, ${verify.events} events`);
    await dataSource.destroy();

    // Reference: the same rows (hashes computed up front, no lock, no chain tip read).
    const pool = new pg.Pool({ connectionString: url, max: WRITERS });
    await pool.query('CREATE TABLE bench_audit_plain (LIKE audit_events INCLUDING DEFAULTS)');
    const now = new Date();
    const rows = Array.from({ length: EVENTS }, (_, i) => {
      const fields = {
        occurredAt: now,
        actorUserId: null,
        actorName: 'system',
        unitId: null,
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
        `INSERT INTO bench_audit_plain (id, occurred_at, actor_user_id, actor_name, unit_id, action, subject_type, subject_id, data, prev_hash, hash)
         VALUES (${i + 1}, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        rows[i],
      ),
    );
    await pool.end();
    log(`  chained: ${chainedMs.toFixed(0)} ms; bare inserts: ${plainMs.toFixed(0)} ms`);
    return {
      measured: { value: EVENTS / (chainedMs / 1000), unit: 'events/s' },
      reference: { value: EVENTS / (plainMs / 1000), unit: 'events/s' },
    };
  },
};
