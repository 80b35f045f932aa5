import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { hashPassword } from 'src/modules/users/password.js';

const PASSWORD = 'bench-password-2569';

/** One unit with a clerk, an incoming register and a custom one, as the register benches need. */
export async function seedClerkUnit(
  pool: pg.Pool,
): Promise<{ unit: string; user: string; registers: [string, string] }> {
  const unit = (
    await pool.query<{ id: string }>(
      `INSERT INTO units (kind, name_th, path, depth, active, reference_digits, created_at, updated_at)
       VALUES ('provincial_office', 'สำนักงานจังหวัดร้อยเอ็ด', '/', 0, true, 'thai', now(), now()) RETURNING id`,
    )
  ).rows[0].id;
  await pool.query(`UPDATE units SET path = '/' || id || '/' WHERE id = $1`, [unit]);
  const user = (
    await pool.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, clearance, active, created_at, updated_at)
       VALUES ('bench.clerk', 'bench', $1, 'none', true, now(), now()) RETURNING id`,
      [await hashPassword(PASSWORD)],
    )
  ).rows[0].id;
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
  return { unit, user, registers: [registers[0], registers[1]] };
}

/** `count` external letters of the unit, created by the clerk, ready to be registered. */
export async function seedLetters(
  pool: pg.Pool,
  unit: string,
  user: string,
  count: number,
): Promise<string[]> {
  return (
    await pool.query(
      `INSERT INTO letters (id, kind, subject, root_letter_id, created_unit_id, created_by, created_at)
       SELECT g.id, 'external', 'ขอเชิญประชุมคณะกรรมการ ครั้งที่ ' || g.n, g.id, $1, $2, now()
         FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $3::int) AS n) g
       RETURNING id`,
      [unit, user, count],
    )
  ).rows.map((r: { id: string }) => r.id);
}

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
 * CPU-seconds (user + system) a process has used so far, from /proc/PID/stat (utime and
 * stime, in clock ticks of 1/100 s on Linux): unlike a wall-clock rate, it does not
 * depend on what else the machine runs.
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU-seconds used so far by the PostgreSQL backends serving `database` (other than the
 * asking connection), by backend pid: read from /proc, so only when the server runs on
 * this machine (an empty map otherwise). Sum the growth of each pid over a run.
 */
export async function backendCpuSeconds(
  pool: pg.Pool,
  database: string,
): Promise<Map<number, number>> {
  const { rows } = await pool.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [database],
  );
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      cpu.set(pid, cpuSeconds(pid));
    } catch {
      // Not on this machine, or the backend ended meanwhile.
    }
  }
  return cpu;
}

/** CPU-seconds the backends in `after` used since `before` (new backends from zero). */
export function backendCpuGrowth(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The built API on the bench database, signed in as the bench clerk. */
export async function startBenchApi(
  url: string,
  env: Record<string, string> = {},
): Promise<{ base: string; token: string; cpuSeconds(): number; stop(): Promise<void> }> {
  const port = 40_000 + Math.floor(Math.random() * 10_000);
  // BENCH_API_NODE_ARGS: flags for the API's node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const api = spawn('node', [...nodeArgs, 'dist/main.js'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'silent', ...env },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => api.once('exit', resolve));
  const stop = async () => {
    if (api.exitCode === null && api.signalCode === null) api.kill('SIGTERM');
    await exited;
  };
  try {
    await waitReady(port);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'bench.clerk', password: PASSWORD }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    return {
      base: `http://127.0.0.1:${port}/api/v1`,
      token,
      cpuSeconds: () => cpuSeconds(api.pid!),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
