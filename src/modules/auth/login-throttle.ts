import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from 'src/common/core.module.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';

/**
 * Sign-in throttling: failed attempts are counted per account and per client IP in fixed
 * Redis windows. Policy (README): 5 failures per account or 30 per IP within 15 minutes
 * block further attempts (429 with Retry-After) until the window ends; a successful
 * sign-in clears the account's counter.
 *
 * Fail-open: when Redis is unreachable, sign-in still works (argon2id keeps guessing
 * slow) and a warning is logged. Redis holds nothing that must survive (invariant 1).
 */
export const LOGIN_WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

const REDIS_TIMEOUT_MS = 500;

@Injectable()
export class LoginThrottle {
  private lastWarning = 0;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seconds to wait, or null when the attempt may go ahead. */
  async retryAfter(username: string, ip: string): Promise<number | null> {
    return this.failOpen(null, async () => {
      const [accountKey, ipKey] = this.keys(username, ip);
      const [account, perIp] = await this.redis.mget(accountKey, ipKey);
      const blocked: string[] = [];
      if (Number(account ?? 0) >= MAX_FAILURES_PER_ACCOUNT) blocked.push(accountKey);
      if (Number(perIp ?? 0) >= MAX_FAILURES_PER_IP) blocked.push(ipKey);
      if (blocked.length === 0) return null;
      const ttls = await Promise.all(blocked.map((key) => this.redis.ttl(key)));
      return Math.max(1, ...ttls);
    });
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    await this.failOpen(undefined, async () => {
      const pipeline = this.redis.multi();
      for (const key of this.keys(username, ip)) {
        pipeline.set(key, 0, 'EX', LOGIN_WINDOW_SECONDS, 'NX').incr(key);
      }
      await pipeline.exec();
    });
  }

  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.failOpen(undefined, async () => {
      await this.redis.del(this.keys(username, ip)[0]);
    });
  }

  private keys(username: string, ip: string): [string, string] {
    // Hashed so that raw usernames (and typos of passwords in the username box) are not
    // left lying in Redis.
    const account = createHash('sha256').update(username.toLowerCase()).digest('hex');
    const prefix = `${this.config.queuePrefix}:login`;
    return [`${prefix}:account:${account}`, `${prefix}:ip:${ip}`];
  }

  private async failOpen<T>(fallback: T, body: () => Promise<T>): Promise<T> {
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') {
        await withTimeout(this.redis.connect(), REDIS_TIMEOUT_MS);
      }
      return await withTimeout(body(), REDIS_TIMEOUT_MS);
    } catch (error) {
      const now = Date.now();
      if (now - this.lastWarning > 60_000) {
        this.lastWarning = now;
        logger.warn(
          { err: (error as Error).message },
          'sign-in throttling unavailable (Redis unreachable); failing open',
        );
      }
      return fallback;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis did not answer in ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
