import { type ChildProcess, spawn } from 'node:child_process';
import { hostname } from 'node:os';

export interface WorkerProcess {
  child: ChildProcess;
  /** `hostname:pid`, as the reconcile sweep records it in escalation_sweep_runs. */
  name: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/**
 * `node dist/worker.js` on this test file's database and queue prefix (process.env, set by
 * the setup file). Locks are short so that jobs of a killed worker come back in seconds,
 * and the sweep runs every second. `npm test` builds dist first.
 */
export function startWorker(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ['dist/worker.js'], {
    env: {
      ...process.env,
      LOG_LEVEL: 'silent',
      QUEUE_LOCK_DURATION_MS: '2000',
      ESCALATION_SWEEP_INTERVAL_SECONDS: '1',
      ...env,
    },
    stdio: 'ignore',
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, name: `${hostname()}:${child.pid}`, exited };
}

/** Polls until `check` holds; throws with the last value after `ms`. */
export async function until<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
  ms = 30_000,
  intervalMs = 100,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() - start > ms) throw new Error(`timed out; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
