import { Redis, type RedisOptions } from 'ioredis';
import { logger } from 'src/logging/logger.js';

/** Connection options for BullMQ workers (blocking commands need no retry limit). */
export function redisOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
    // Keep retrying in the background; callers decide how long to wait.
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2000),
  };
}

/**
 * A client for quick commands (health, checks) that fails fast while Redis is away
 * instead of queueing commands, and reconnects by itself when it returns.
 */
export function createCommandClient(redisUrl: string): Redis {
  const client = new Redis({
    ...redisOptions(redisUrl),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: true,
  });
  client.on('error', (error: Error) => logger.debug({ err: error.message }, 'redis client error'));
  return client;
}

export class RedisPolicyError extends Error {}

/**
 * BullMQ keeps jobs as Redis keys; an evicting policy could silently drop a wake-up.
 * Postgres stays the truth (the sweep would restore it), but the operator must know.
 */
export async function checkEvictionPolicy(client: Redis, production: boolean): Promise<string> {
  const reply = (await client.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
  const policy = reply?.[1] ?? 'unknown';
  if (policy !== 'noeviction') {
    const message = `Redis maxmemory-policy is "${policy}"; queues need "noeviction"`;
    if (production) throw new RedisPolicyError(message);
    logger.warn(message);
  }
  return policy;
}
