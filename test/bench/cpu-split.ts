import { readFileSync, readdirSync } from 'node:fs';
import type pg from 'pg';

/** Linux's USER_HZ: /proc/PID/stat counts CPU time in these ticks on every mainstream kernel. */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process in ms, or undefined when it has gone. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU ms of each of `pids` still running, by pid. */
export function readCpu(pids: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) out.set(pid, ms);
  }
  return out;
}

/** This process's own CPU ms, by its pid (as `readCpu` gives the others'). */
export function ownCpu(): Map<number, number> {
  const self = process.cpuUsage();
  return new Map([[process.pid, (self.user + self.system) / 1000]]);
}

/**
 * CPU ms the processes of `after` spent since `before`: a process absent from `before`
 * (started between the readings) counts whole.
 */
export function cpuSpent(before: Map<number, number> | undefined, after: Map<number, number>) {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before?.get(pid) ?? 0);
  return total;
}

export interface CpuSnapshot {
  at: Map<string, Map<number, number>>;
}

export interface CpuParts {
  /** The bench process itself (the load generator). */
  bench: number;
  apis: number[];
  worker: number;
  /** Backends connected to the bench's database. */
  backends: number;
  /** The server's own processes (WAL writer, checkpointer, …), shared with other databases. */
  server: number;
}

/**
 * CPU time per process of a national-day run, read from /proc: two snapshots around a step
 * give where the machine's CPU went, independent of how loaded the machine is. A backend
 * that connects between the snapshots counts whole; one that exits between them is lost
 * (the processes' pools keep theirs open).
 */
export class CpuSplit {
  constructor(
    private readonly admin: pg.Client,
    private readonly pids: { apis: number[]; worker: number },
  ) {}

  async snapshot(): Promise<CpuSnapshot> {
    const { rows } = await this.admin.query<{ pid: number; own: boolean }>(
      `SELECT pid, datname IS NOT DISTINCT FROM current_database() AS own
         FROM pg_stat_activity
        WHERE datname = current_database() OR backend_type <> 'client backend'`,
    );
    return {
      at: new Map([
        ['bench', ownCpu()],
        ...this.pids.apis.map((pid, i): [string, Map<number, number>] => [
          `api${i}`,
          readCpu([pid]),
        ]),
        ['worker', readCpu([this.pids.worker])],
        ['backends', readCpu(rows.filter((r) => r.own).map((r) => r.pid))],
        ['server', readCpu(rows.filter((r) => !r.own).map((r) => r.pid))],
      ]),
    };
  }

  /** ms of CPU spent by each part between two snapshots. */
  static between(before: CpuSnapshot, after: CpuSnapshot): CpuParts {
    const part = (name: string) =>
      cpuSpent(before.at.get(name), after.at.get(name) ?? new Map<number, number>());
    const apis = [...after.at.keys()].filter((k) => k.startsWith('api')).map(part);
    return {
      bench: part('bench'),
      apis,
      worker: part('worker'),
      backends: part('backends'),
      server: part('server'),
    };
  }
}

/** The processes descended from `root` (not itself), read from /proc. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // Gone while listed.
    }
  }
  const out: number[] = [];
  const visit = (pid: number) => {
    for (const child of children.get(pid) ?? []) {
      out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}
