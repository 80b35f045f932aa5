// Per-second health of one API process, for the national-day bench:
//   BENCH_API_MONITOR_DIR=DIR BENCH_API_NODE_ARGS="--import ./test/bench/api-monitor.mjs"
// Each API process appends one JSON line a second to DIR/api-PID.jsonl: its event loop's
// delay (max and p99, ms, sampled every 10 ms), the CPU it spent (ms), and of its
// connection pools the most connections busy, the most requests waiting for one, and the
// connections opened in that second. A delay far above the CPU spent says the process was
// waiting for a processor, not working; connections opened say a burst found the pool short.
// Without BENCH_API_MONITOR_DIR it does nothing.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import process from 'node:process';
import { setInterval } from 'node:timers';

const dir = process.env.BENCH_API_MONITOR_DIR;
if (dir) {
  const pg = createRequire(join(process.cwd(), 'package.json'))('pg');
  const pools = new Set();
  let opened = 0;
  let busy = 0;
  let waiting = 0;
  const connect = pg.Pool.prototype.connect;
  pg.Pool.prototype.connect = function (...args) {
    if (!pools.has(this)) {
      pools.add(this);
      this.on('connect', () => (opened += 1));
    }
    return connect.apply(this, args);
  };
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  setInterval(() => {
    for (const pool of pools) {
      busy = Math.max(busy, pool.totalCount - pool.idleCount);
      waiting = Math.max(waiting, pool.waitingCount);
    }
  }, 10).unref();
  const file = join(dir, `api-${process.pid}.jsonl`);
  let cpu = process.cpuUsage();
  setInterval(() => {
    const spent = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const line = {
      at: new Date().toISOString().slice(11, 19),
      loopMaxMs: Math.round(delay.max / 1e6),
      loopP99Ms: Math.round(delay.percentile(99) / 1e6),
      cpuMs: Math.round((spent.user + spent.system) / 1000),
      poolBusy: busy,
      poolWaiting: waiting,
      opened,
    };
    appendFileSync(file, JSON.stringify(line) + '\n');
    delay.reset();
    busy = 0;
    waiting = 0;
    opened = 0;
  }, 1000).unref();
}
