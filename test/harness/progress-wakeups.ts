import { Redis } from 'ioredis';
import type { AppConfig } from 'src/config/config.js';
import { progressWakeupChannel } from 'src/modules/routing/progress-wakeups.js';

export interface WakeupWatch {
  /** Wake-ups received since the watch began. */
  count(): number;
  /** Resolves on the next wake-up; rejects if none comes within `ms`. */
  next(ms?: number): Promise<void>;
  close(): void;
}

/** Subscribes to the progress wake-ups that the app's processes publish (ProgressWakeups). */
export async function watchWakeups(
  config: Pick<AppConfig, 'redisUrl' | 'queuePrefix'>,
): Promise<WakeupWatch> {
  const subscriber = new Redis(config.redisUrl, { lazyConnect: true });
  let count = 0;
  let waiting: (() => void)[] = [];
  subscriber.on('message', () => {
    count += 1;
    const woken = waiting;
    waiting = [];
    for (const resolve of woken) resolve();
  });
  await subscriber.connect();
  await subscriber.subscribe(progressWakeupChannel(config.queuePrefix));
  return {
    count: () => count,
    next: (ms = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no wake-up within ${ms} ms`)), ms);
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    close: () => subscriber.disconnect(),
  };
}
