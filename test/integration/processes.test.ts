import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startApi } from '../harness/api-process.js';

const run = promisify(execFile);

function runNode(args: string[], env: Record<string, string>) {
  return run('node', args, {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    timeout: 30_000,
  }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({
      code: e.code,
      stdout: e.stdout,
      stderr: e.stderr,
    }),
  );
}

describe('process start-up and shutdown', () => {
  it('stops on a bad configuration value with one line naming the variable', async () => {
    const result = await runNode(['dist/main.js'], { PORT: 'eighty', REDIS_URL: 'nope' });
    expect(result.code).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.includes('PORT'))).toBe(true);
    expect(lines.some((l) => l.includes('REDIS_URL'))).toBe(true);
  });

  it('refuses the development token secrets in production', async () => {
    const result = await runNode(['dist/worker.js'], { NODE_ENV: 'production' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('JWT_ACCESS_SECRET');
  });

  it('ends with one clear line when PostgreSQL cannot be reached', async () => {
    const result = await runNode(['dist/main.js'], {
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/saraban',
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^saraban: cannot reach PostgreSQL at 127\.0\.0\.1:1/);
  });

  it('lists every command with --help', async () => {
    const result = await runNode(['dist/cli.js', '--help'], {});
    expect(result.code).toBe(0);
    for (const command of ['migrate', 'audit verify']) expect(result.stdout).toContain(command);
  });

  it('serves, then exits 0 on SIGTERM within the grace period', async () => {
    const api = await startApi({ SHUTDOWN_GRACE_MS: '8000' }, ['--with-worker']);
    const started = Date.now();
    api.child.kill('SIGTERM');
    expect(await api.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
