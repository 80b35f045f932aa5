import { spawn } from 'node:child_process';
import pg from 'pg';
import { auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import { hashPassword } from 'src/modules/users/password.js';
import { freshBenchDatabase, runConcurrently } from '../bench-db.js';
import type { BenchScenario } from '../scenario.js';

const LETTERS = Number(process.env.BENCH_REGISTER_LETTERS ?? 20_000);
const CLIENTS = 64;
const PASSWORD = 'bench-password-2569';

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the API did not become ready');
}

/**
 * Registrations per second through the whole HTTP stack (auth, access checks, counter,
 * entry, audit chain) vs the same transaction written with raw pg at the same concurrency.
 */
export const registerHttpScenario: BenchScenario = {
  name: 'register-http',
  description: `${CLIENTS} HTTP clients register ${LETTERS} letters into one register vs the same transaction through raw pg`,
  async run(log) {
    const url = await freshBenchDatabase('saraban_bench_register');
    const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
    const unit = (
      await pool.query(
        `INSERT INTO units (kind, name_th, path, depth, active, reference_digits, created_at, updated_at)
         VALUES ('provincial_office', 'สำนักงานจังหวัดร้อยเอ็ด', '/', 0, true, 'thai', now(), now()) RETURNING id`,
      )
    ).rows[0].id as string;
    await pool.query(`UPDATE units SET path = '/' || id || '/' WHERE id = $1`, [unit]);
    const user = (
      await pool.query(
        `INSERT INTO users (username, display_name, password_hash, clearance, active, created_at, updated_at)
         VALUES ('bench.clerk', 'bench', $1, 'none', true, now(), now()) RETURNING id`,
        [await hashPassword(PASSWORD)],
      )
    ).rows[0].id as string;
    await pool.query(
      `INSERT INTO memberships (user_id, unit_id, role, acting, starts_at, created_at)
       VALUES ($1, $2, 'clerk', false, now() - interval '1 day', now())`,
      [user, unit],
    );
    const registers = (
      await pool.query(
        `INSERT INTO registers (unit_id, kind, direction, name, created_at)
         VALUES ($1, 'incoming', 'incoming', 'ทะเบียนหนังสือรับ', now()), ($1, 'custom', 'incoming', 'ทะเบียนอ้างอิง', now())
         RETURNING id`,
        [unit],
      )
    ).rows.map((r: { id: string }) => r.id);
    const letters = (
      await pool.query(
        `INSERT INTO letters (id, kind, subject, root_letter_id, created_unit_id, created_by, created_at)
         SELECT g.id, 'external', 'ขอเชิญประชุมคณะกรรมการ ครั้งที่ ' || g.n, g.id, $1, $2, now()
           FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $3::int) AS n) g
         RETURNING id`,
        [unit, user, LETTERS],
      )
    ).rows.map((r: { id: string }) => r.id);
    log(`  ${letters.length} letters ready`);

    const port = 40_000 + Math.floor(Math.random() * 10_000);
    const api = spawn('node', ['dist/main.js'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        LOG_LEVEL: 'silent',
        // The API's own default pool (DATABASE_POOL_SIZE, 20): the 64 clients queue in the
        // API. With 64 connections the backends queue on the register's counter row instead,
        // and throughput fell from about 146 to 93 registrations/s here.
        ...(process.env.BENCH_API_POOL ? { DATABASE_POOL_SIZE: process.env.BENCH_API_POOL } : {}),
      },
      stdio: 'ignore',
    });
    try {
      await waitReady(port);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'bench.clerk', password: PASSWORD }),
      });
      const token = ((await login.json()) as { accessToken: string }).accessToken;
      let failures = 0;
      const httpMs = await runConcurrently(letters.length, CLIENTS, async (i) => {
        const res = await fetch(
          `http://127.0.0.1:${port}/api/v1/registers/${registers[0]}/entries`,
          {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ letterId: letters[i] }),
          },
        );
        if (res.status !== 201) failures += 1;
        await res.arrayBuffer();
      });
      log(`  HTTP: ${httpMs.toFixed(0)} ms, ${failures} failures`);
      // Free the API's connections before the reference takes its own.
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;

      // Reference: counter upsert + entry insert + audit row, one transaction each, raw pg.
      const rawMs = await runConcurrently(letters.length, CLIENTS, async (i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const number = (
            await client.query(
              `INSERT INTO register_counters (register_id, be_year, last_number) VALUES ($1, 2569, 1)
               ON CONFLICT (register_id, be_year) DO UPDATE SET last_number = register_counters.last_number + 1
               RETURNING last_number`,
              [registers[1]],
            )
          ).rows[0].last_number as number;
          const entry = (
            await client.query(
              `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at, status, created_by)
               VALUES ($1, 2569, $2, $3, now(), 'active', $4) RETURNING id`,
              [registers[1], number, letters[i], user],
            )
          ).rows[0].id as string;
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
      const numbers = await pool.query(
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
      api.kill('SIGTERM');
      await pool.end();
    }
  },
};
