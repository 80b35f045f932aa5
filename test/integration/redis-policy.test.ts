import { generateKeyPairSync } from 'node:crypto';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEvictionPolicy, RedisPolicyError } from 'src/queue/redis.js';

const run = promisify(execFile);

/** A private Redis that evicts keys, so the shared one's configuration is never touched. */
describe('Redis eviction policy at start-up', () => {
  const port = 20_000 + Math.floor(Math.random() * 10_000);
  let server: ChildProcess;
  let client: Redis;

  beforeAll(async () => {
    server = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'allkeys-lru',
      ],
      {
        stdio: 'ignore',
      },
    );
    client = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    for (let attempt = 0; attempt < 100 && client.status !== 'ready'; attempt++) {
      await client.connect().catch(() => new Promise((resolve) => setTimeout(resolve, 100)));
    }
  });
  afterAll(async () => {
    client?.disconnect();
    server?.kill('SIGKILL');
  });

  it('warns outside production and refuses in production', async () => {
    await expect(checkEvictionPolicy(client, false)).resolves.toBe('allkeys-lru');
    await expect(checkEvictionPolicy(client, true)).rejects.toBeInstanceOf(RedisPolicyError);
  });

  it('stops a production worker with one line naming the policy', async () => {
    const secret = 'x'.repeat(40);
    const result = await run('node', ['dist/worker.js'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: secret,
        JWT_REFRESH_SECRET: `${secret}y`,
        AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519')
          .privateKey.export({ format: 'der', type: 'pkcs8' })
          .toString('base64'),
        REDIS_URL: `redis://127.0.0.1:${port}`,
        LOG_LEVEL: 'silent',
      },
      timeout: 30_000,
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('maxmemory-policy is "allkeys-lru"');
  });
});
