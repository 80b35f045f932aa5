import http from 'node:http';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from 'src/config/config.js';
import { freshBenchDatabase, openBenchDataSource } from '../bench-db.js';
import {
  clearQueuePrefix,
  type DayUnit,
  DISTRICT_SENDS,
  PROVINCE_SENDS,
  SEARCH_WORDS,
  SUBJECTS,
  seedDay,
  signIn,
  startDayProcesses,
} from '../day-setup.js';
import { CpuSplit } from '../cpu-split.js';
import type { BenchScenario } from '../scenario.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const START_RATE = env('BENCH_DAY_START_RATE', 20);
const RATE_FACTOR = env('BENCH_DAY_RATE_FACTOR', 1.5);
const STEP_SECONDS = env('BENCH_DAY_STEP_SECONDS', 25);
const MAX_STEPS = env('BENCH_DAY_MAX_STEPS', 20);
const WARMUP_SECONDS = env('BENCH_DAY_WARMUP_SECONDS', 10);
const P99_LIMIT_MS = env('BENCH_DAY_P99_MS', 300);
const TIMEOUT_MS = env('BENCH_DAY_TIMEOUT_MS', 5_000);
/** New national circulars the ministry issues per step; provinces issue the other letters. */
const CASCADES_PER_STEP = env('BENCH_DAY_CASCADES', 3);
const STAFFED_DISTRICTS = env('BENCH_DAY_DISTRICTS', 300);
const STAFFED_LOCALS = env('BENCH_DAY_LOCALS', 300);
/** A step whose requests pile up beyond this many in flight has failed (overload). */
const MAX_IN_FLIGHT = env('BENCH_DAY_MAX_IN_FLIGHT', 2_000);
/**
 * BENCH_DAY_SPLIT_RATE: instead of stepping the rate up, run the mix for BENCH_DAY_SPLIT_MIX_STEPS
 * steps at START_RATE (the circulars cascade, inboxes fill), then each kind of request alone
 * at this low rate for one step, and print the CPU time per request of each kind.
 */
const SPLIT_RATE = env('BENCH_DAY_SPLIT_RATE', 0);
const SPLIT_MIX_STEPS = env('BENCH_DAY_SPLIT_MIX_STEPS', 2);
/** BENCH_DAY_SPLIT_KINDS: the kinds to run alone, comma-separated (all when unset). */
const SPLIT_KINDS = process.env.BENCH_DAY_SPLIT_KINDS?.split(',').filter(Boolean);

/** Assumptions of the national peak (the reference figure). */
const LETTERS_PER_UNIT_PER_DAY = env('BENCH_DAY_LETTERS_PER_UNIT', 30);
const WORKING_SECONDS = 7 * 3600;
const PEAK_FACTOR = env('BENCH_DAY_PEAK_FACTOR', 3);

type Op = 'inbox' | 'register' | 'search' | 'progress' | 'annotate' | 'forward' | 'issue';

/**
 * The compressed working day, as shares of all requests: clerks read their inboxes and
 * register (ลงรับ) what came in, paper letters too; staff search; supervisors follow
 * circulars' progress; heads write minutes (เกษียน); registered circulars are forwarded
 * down; and letters are issued (created, then numbered in the circular register).
 * Registrations are a quarter, so a registered letter brings 4 requests in all.
 */
const MIX: [Op, number][] = [
  ['inbox', 0.25],
  ['register', 0.25],
  ['search', 0.15],
  ['progress', 0.1],
  ['annotate', 0.1],
  ['forward', 0.1],
  ['issue', 0.05],
];
const REQUESTS_PER_LETTER = 1 / MIX.find(([op]) => op === 'register')![1];

interface Request {
  endpoint: string;
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
  /** Runs with the answer of a 2xx reply: what it makes possible next. */
  then?: (answer: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Runs when the request has settled, whatever its answer. */
  settled?: () => void;
}

interface EndpointStats {
  latencies: number[];
  rejected: number;
  failed: number;
}

interface StepStats {
  rate: number;
  issued: number;
  seconds: number;
  byEndpoint: Map<string, EndpointStats>;
  failures: string[];
  overloaded: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

function pick<T>(items: T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}

/** What the day has made possible so far: deliveries seen in inboxes, entries to forward… */
class DayState {
  readonly byId: Map<string, DayUnit>;
  readonly provinces: DayUnit[];
  /** Units a forward just reached: their clerks look at the inbox first. */
  readonly expecting: string[] = [];
  /** Deliveries seen in an inbox and not yet taken for registration, per unit. */
  readonly pending = new Map<string, string[]>();
  readonly pendingUnits: string[] = [];
  readonly claimed = new Set<string>();
  /**
   * Units whose clerk has a registration in flight. A clerk registers one letter at a time
   * (the stamp carries its number), so a unit's next registration waits for the answer.
   */
  readonly registering = new Set<string>();
  readonly toForward: { unit: DayUnit; entryId: string; body: object }[] = [];
  readonly toNumber: { unit: DayUnit; letterId: string; national: boolean }[] = [];
  /** Letters issued during the run: national circulars and provincial ones. */
  readonly issued = new Map<string, 'national' | 'provincial'>();
  /** Roots whose progress supervisors follow, and the provinces that registered each. */
  readonly roots: { letterId: string; provinces: string[] }[] = [];
  cascadesThisStep = 0;

  constructor(
    readonly units: DayUnit[],
    readonly ministry: DayUnit,
    readonly tokens: Map<string, string>,
    preloaded: string,
  ) {
    this.byId = new Map(units.map((u) => [u.id, u]));
    this.provinces = units.filter((u) => u.kind === 'province');
    this.roots.push({ letterId: preloaded, provinces: this.provinces.map((p) => p.id) });
  }

  clerk(unit: DayUnit): string {
    return this.tokens.get(unit.clerk)!;
  }

  signer(unit: DayUnit): string {
    return this.tokens.get(unit.head ?? unit.clerk)!;
  }

  /** The staffed units a forward of these kinds from `sender` reaches. */
  reached(sender: DayUnit, body: { childKinds?: string[]; subtreeKinds?: string[] }): string[] {
    return this.units
      .filter(
        (u) =>
          (body.childKinds?.includes(u.kind) && u.parentId === sender.id) ||
          (body.subtreeKinds?.includes(u.kind) &&
            u.id !== sender.id &&
            u.path.startsWith(sender.path)),
      )
      .map((u) => u.id);
  }

  next(op: Op): Request {
    switch (op) {
      case 'inbox':
        return this.inbox();
      case 'register':
        return this.register();
      case 'search':
        return this.search();
      case 'progress':
        return this.progress();
      case 'annotate':
        return this.annotate();
      case 'forward':
        return this.toForward.length > 0 ? this.forward() : this.issue();
      case 'issue':
        return this.issue();
    }
  }

  private inbox(): Request {
    const fromForward = this.expecting.length > 0 && Math.random() < 0.7;
    const unit = fromForward ? this.byId.get(this.expecting.shift()!)! : pick(this.units);
    return {
      endpoint: 'GET /units/:id/inbox',
      method: 'GET',
      path: `/units/${unit.id}/inbox?limit=20`,
      token: this.clerk(unit),
      then: (answer: { items: { deliveryId: string }[] }) => {
        const fresh = answer.items.filter((i) => !this.claimed.has(i.deliveryId));
        if (fresh.length === 0) return;
        for (const item of fresh) this.claimed.add(item.deliveryId);
        const list = this.pending.get(unit.id) ?? [];
        if (list.length === 0) this.pendingUnits.push(unit.id);
        list.push(...fresh.map((i) => i.deliveryId));
        this.pending.set(unit.id, list);
      },
    };
  }

  /**
   * The next registration: a delivery seen in the inbox of a unit whose clerk is free, the
   * units taken in turn (each registers its first pending delivery, then waits its turn
   * again), else a paper letter in a free unit.
   */
  private register(): Request {
    const turn = this.pendingUnits.findIndex((id) => !this.registering.has(id));
    if (turn >= 0) {
      const [unitId] = this.pendingUnits.splice(turn, 1);
      const unit = this.byId.get(unitId)!;
      const list = this.pending.get(unitId)!;
      const deliveryId = list.shift()!;
      if (list.length > 0) this.pendingUnits.push(unitId);
      return this.registration(unit, { deliveryId }, (entry: { id: string; letterId: string }) =>
        this.registered(unit, entry),
      );
    }
    let unit = pick(this.units);
    for (let i = 0; (unit.fresh.length === 0 || this.registering.has(unit.id)) && i < 20; i++)
      unit = pick(this.units);
    // Every paper letter is registered, or every clerk tried is busy.
    if (unit.fresh.length === 0 || this.registering.has(unit.id)) return this.inbox();
    return this.registration(unit, { letterId: unit.fresh.pop() }, (entry: { id: string }) =>
      unit.entries.push(entry.id),
    );
  }

  private registration(
    unit: DayUnit,
    letter: { deliveryId: string } | { letterId: string | undefined },
    then: Request['then'],
  ): Request {
    this.registering.add(unit.id);
    return {
      endpoint: 'POST /registers/:id/entries',
      method: 'POST',
      path: `/registers/${unit.incoming}/entries`,
      token: this.clerk(unit),
      body: { ...letter, action: 'เสนอหัวหน้าส่วนราชการ' },
      then,
      settled: () => this.registering.delete(unit.id),
    };
  }

  /** A registered delivery: the circular goes on down from provinces and districts. */
  private registered(unit: DayUnit, entry: { id: string; letterId: string }): void {
    unit.entries.push(entry.id);
    const issued = this.issued.get(entry.letterId);
    if (!issued) return;
    if (unit.kind === 'province') {
      this.roots.find((r) => r.letterId === entry.letterId)?.provinces.push(unit.id);
      if (issued === 'national') {
        this.toForward.push({
          unit,
          entryId: entry.id,
          body: {
            subtreeKinds: PROVINCE_SENDS,
            annotation: { text: 'เห็นควรแจ้งอำเภอและ อปท. ทราบ', decision: 'proceed' },
          },
        });
      }
    } else if (unit.kind === 'district' && unit.hasLocals) {
      this.toForward.push({ unit, entryId: entry.id, body: { childKinds: DISTRICT_SENDS } });
    }
  }

  private search(): Request {
    const unit = pick(this.units);
    return {
      endpoint: 'GET /letters?q=',
      method: 'GET',
      path: `/letters?q=${encodeURIComponent(pick(SEARCH_WORDS))}&limit=20`,
      token: this.clerk(unit),
    };
  }

  private progress(): Request {
    const root = pick(this.roots);
    if (Math.random() < 0.3 || root.provinces.length === 0) {
      return {
        endpoint: 'GET /letters/:id/progress',
        method: 'GET',
        path: `/letters/${root.letterId}/progress?limit=20`,
        token: this.signer(this.ministry),
      };
    }
    const province = this.byId.get(pick(root.provinces))!;
    return {
      endpoint: 'GET /letters/:id/progress',
      method: 'GET',
      path: `/letters/${root.letterId}/progress?unitId=${province.id}&limit=20`,
      token: this.signer(province),
    };
  }

  private annotate(): Request {
    let unit = pick(this.units);
    // Heads write most minutes: half of them go to the ministry and the provinces.
    if (Math.random() < 0.5) unit = Math.random() < 0.05 ? this.ministry : pick(this.provinces);
    if (unit.entries.length === 0) unit = pick(this.provinces);
    const recent = unit.entries.slice(-20);
    return {
      endpoint: 'POST /register-entries/:id/annotations',
      method: 'POST',
      path: `/register-entries/${pick(recent)}/annotations`,
      token: this.signer(unit),
      body: { text: 'ทราบ มอบกลุ่มงานที่เกี่ยวข้องดำเนินการ', decision: 'noted' },
    };
  }

  private forward(): Request {
    const { unit, entryId, body } = this.toForward.shift()!;
    return {
      endpoint: 'POST /register-entries/:id/forwards',
      method: 'POST',
      path: `/register-entries/${entryId}/forwards`,
      token: this.signer(unit),
      body,
      then: () => this.expecting.push(...this.reached(unit, body)),
    };
  }

  private issue(): Request {
    const numbered = this.toNumber.shift();
    if (numbered) {
      const { unit, letterId, national } = numbered;
      return {
        endpoint: 'POST /registers/:id/numbers',
        method: 'POST',
        path: `/registers/${unit.circular}/numbers`,
        token: this.clerk(unit),
        body: { letterId },
        then: (entry: { id: string }) =>
          // Issued letters are forwarded before the backlog: the head signs them out first.
          this.toForward.unshift({
            unit,
            entryId: entry.id,
            body: national
              ? {
                  childKinds: ['province'],
                  annotation: { text: 'เห็นควรแจ้งจังหวัดทุกจังหวัดทราบ', decision: 'proceed' },
                }
              : { subtreeKinds: ['district'] },
          }),
      };
    }
    const national = this.cascadesThisStep < CASCADES_PER_STEP;
    if (national) this.cascadesThisStep += 1;
    const unit = national ? this.ministry : pick(this.provinces);
    return {
      endpoint: 'POST /letters',
      method: 'POST',
      path: '/letters',
      token: this.clerk(unit),
      body: {
        kind: 'external',
        speed: national ? 'most_urgent' : 'urgent',
        subject: `${pick(SUBJECTS)} (${national ? 'หนังสือเวียนทั่วประเทศ' : 'หนังสือเวียนจังหวัด'})`,
        addressee: national ? 'ผู้ว่าราชการจังหวัดทุกจังหวัด' : 'นายอำเภอทุกอำเภอ',
      },
      then: (letter: { id: string }) => {
        this.issued.set(letter.id, national ? 'national' : 'provincial');
        if (national) this.roots.push({ letterId: letter.id, provinces: [] });
        this.toNumber.push({ unit, letterId: letter.id, national });
      },
    };
  }
}

/**
 * The generator's HTTP client: node:http on kept-alive connections. It costs the machine
 * about a third of the CPU per request of the built-in fetch (0.17 against 0.58 ms measured
 * for a 2 KB JSON answer on Node 20), CPU that the system under test shares on two cores.
 * Fails after TIMEOUT_MS from the start, as AbortSignal.timeout did.
 *
 * An idle connection is closed by the generator after FREE_SOCKET_MS, before the API's
 * server closes it (Node's keepAliveTimeout, 5 s): a request sent on a connection the
 * server is closing at that moment fails with ECONNRESET, a failed step that says nothing
 * about the system under test.
 */
const FREE_SOCKET_MS = 4_000;
const agent = new http.Agent({ keepAlive: true, timeout: FREE_SOCKET_MS });
function call(url: string, request: Request): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const req = http.request(
      url,
      {
        method: request.method,
        agent,
        headers: {
          Authorization: `Bearer ${request.token}`,
          ...(body === undefined
            ? {}
            : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    const timer = setTimeout(() => {
      const error = new Error('The operation was aborted due to timeout');
      error.name = 'TimeoutError';
      req.destroy(error);
    }, TIMEOUT_MS);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}

/**
 * Open loop: arrivals follow a Poisson process at `rate` for `seconds`, whatever the
 * replies do; each request's latency counts from its scheduled start, so a generator that
 * falls behind shows as latency instead of hiding it. The step ends when its last request
 * has settled (each at most TIMEOUT_MS).
 */
async function runStep(
  state: DayState,
  bases: string[],
  rate: number,
  seconds: number,
  only?: Op,
): Promise<StepStats> {
  const stats: StepStats = {
    rate,
    issued: 0,
    seconds,
    byEndpoint: new Map(),
    failures: [],
    overloaded: false,
  };
  const cumulative = MIX.reduce<[Op, number][]>((acc, [op, share]) => {
    acc.push([op, (acc.at(-1)?.[1] ?? 0) + share]);
    return acc;
  }, []);
  const chooseOp = (): Op => {
    if (only) return only;
    const r = Math.random() * cumulative.at(-1)![1];
    return cumulative.find(([, upTo]) => r < upTo)![0];
  };
  let inFlight = 0;
  const send = (request: Request, scheduledAt: number) => {
    const base = bases[stats.issued % bases.length];
    stats.issued += 1;
    inFlight += 1;
    const entry = stats.byEndpoint.get(request.endpoint) ?? {
      latencies: [],
      rejected: 0,
      failed: 0,
    };
    stats.byEndpoint.set(request.endpoint, entry);
    const fail = (why: string) => {
      entry.failed += 1;
      if (stats.failures.length < 10) stats.failures.push(`${request.endpoint}: ${why}`);
    };
    call(`${base}${request.path}`, request)
      .then((res) => {
        const text = res.text;
        entry.latencies.push(performance.now() - scheduledAt);
        if (res.status >= 200 && res.status < 300) request.then?.(JSON.parse(text));
        else if (res.status >= 500) fail(`${res.status} ${text.slice(0, 200)}`);
        else {
          // A 4xx is an answer (a race two clerks can run into), counted and shown, not a failure.
          entry.rejected += 1;
          if (stats.failures.length < 10 && entry.rejected <= 3)
            stats.failures.push(`(4xx) ${request.endpoint}: ${res.status} ${text.slice(0, 200)}`);
        }
      })
      .catch((error: unknown) =>
        fail(error instanceof Error ? error.name + ' ' + error.message : String(error)),
      )
      .finally(() => {
        inFlight -= 1;
        request.settled?.();
      });
  };
  const started = performance.now();
  const end = started + seconds * 1000;
  let next = started;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next <= now && next < end) {
        send(state.next(chooseOp()), next);
        next += (-Math.log(1 - Math.random()) * 1000) / rate;
      }
      if (inFlight > MAX_IN_FLIGHT) stats.overloaded = true;
      if (next >= end || stats.overloaded) return resolve();
      setTimeout(tick, Math.max(0, Math.min(next - now, 20)));
    };
    tick();
  });
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
  return stats;
}

function stepVerdict(stats: StepStats): {
  p99: number;
  failed: number;
  rejected: number;
  ok: boolean;
} {
  const all = [...stats.byEndpoint.values()];
  const { p99 } = summary(all.flatMap((e) => e.latencies));
  const failed = all.reduce((n, e) => n + e.failed, 0);
  const rejected = all.reduce((n, e) => n + e.rejected, 0);
  return { p99, failed, rejected, ok: failed === 0 && !stats.overloaded && p99 <= P99_LIMIT_MS };
}

function logEndpoints(log: (line: string) => void, stats: StepStats): void {
  for (const [endpoint, e] of [...stats.byEndpoint.entries()].sort()) {
    const s = summary(e.latencies);
    log(
      `    ${endpoint.padEnd(38)} ${String(e.latencies.length).padStart(6)} requests, ` +
        `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms` +
        (e.rejected > 0 ? `, ${e.rejected} 4xx` : '') +
        (e.failed > 0 ? `, ${e.failed} failed` : ''),
    );
  }
}

/**
 * Where the CPU goes per kind of request: the mix runs first so that circulars cascade and
 * inboxes fill, then each kind runs alone at a low fixed rate (so that nothing queues) and
 * the processes' CPU over its step is divided by its requests. Returns the mix's CPU ms per
 * request, weighted by the shares of MIX.
 */
async function splitByKind(
  state: DayState,
  bases: string[],
  cpu: CpuSplit,
  log: (line: string) => void,
): Promise<number> {
  for (let step = 1; step <= SPLIT_MIX_STEPS; step++) {
    state.cascadesThisStep = 0;
    const stats = await runStep(state, bases, START_RATE, STEP_SECONDS);
    const verdict = stepVerdict(stats);
    log(
      `  mix step ${step}: ${stats.issued} requests at ${START_RATE} req/s, ` +
        `p99 ${verdict.p99.toFixed(0)} ms, ${verdict.failed} failed, ${verdict.rejected} 4xx`,
    );
    for (const line of stats.failures) log(`    ${line}`);
  }
  log(
    `  each kind alone at ${SPLIT_RATE} req/s for ${STEP_SECONDS} s, CPU ms per request ` +
      `(load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores):`,
  );
  let weighted = 0;
  for (const [op, share] of MIX) {
    if (SPLIT_KINDS && !SPLIT_KINDS.includes(op)) continue;
    state.cascadesThisStep = 0;
    const before = await cpu.snapshot();
    const stats = await runStep(state, bases, SPLIT_RATE, STEP_SECONDS, op);
    const spent = CpuSplit.between(before, await cpu.snapshot());
    const per = (ms: number) => ms / stats.issued;
    const apis = spent.apis.reduce((a, b) => a + b, 0);
    const all = per(apis + spent.worker + spent.backends + spent.server);
    weighted += share * all;
    const endpoints = [...stats.byEndpoint.entries()]
      .map(([endpoint, e]) => {
        const { p50 } = summary(e.latencies);
        return `${endpoint} ×${e.latencies.length} p50 ${p50.toFixed(1)} ms${e.failed + e.rejected > 0 ? ` (${e.failed} failed, ${e.rejected} 4xx)` : ''}`;
      })
      .join('; ');
    log(
      `    ${op.padEnd(9)} APIs ${per(apis).toFixed(2)}, PostgreSQL ${per(spent.backends).toFixed(2)} ` +
        `+ server ${per(spent.server).toFixed(2)}, worker ${per(spent.worker).toFixed(2)}; ` +
        `all but the bench ${all.toFixed(2)}  [${endpoints}]`,
    );
    for (const line of stats.failures.slice(0, 3)) log(`      ${line}`);
  }
  // With only some kinds run, the weighted figure covers only their shares of the mix.
  log(`  the mix, weighted by its shares: ${weighted.toFixed(2)} CPU ms per request`);
  return weighted;
}

/**
 * A compressed national working day, open loop, against two API processes and a worker on
 * one database: the rate steps up until p99 passes P99_LIMIT_MS or a request fails; the
 * highest step that passed is the sustained rate, compared with the national peak.
 */
export const nationalDayScenario: BenchScenario = {
  name: 'national-day',
  description:
    'highest sustained req/s (open loop, p99 ≤ 300 ms, no failures) of a working-day mix on 2 APIs + worker, national seed vs the estimated national peak',
  async run(log) {
    // BENCH_DAY_DATABASE: another name, so that two runs on one server do not drop each other's.
    const url = await freshBenchDatabase(process.env.BENCH_DAY_DATABASE ?? 'saraban_bench_day');
    const dataSource = await openBenchDataSource(url, 8);
    const seeded = performance.now();
    const world = await seedDay(dataSource, {
      districts: STAFFED_DISTRICTS,
      locals: STAFFED_LOCALS,
      preload: 20,
      fresh: 40,
    });
    await dataSource.query('ANALYZE');
    await dataSource.destroy();
    const heads = world.units.filter((u) => u.head).length;
    log(
      `  ${world.total} units, ${world.units.length} staffed (${world.units.length} clerks, ${heads} heads), ` +
        `seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    const peak =
      ((world.total * LETTERS_PER_UNIT_PER_DAY * REQUESTS_PER_LETTER) / WORKING_SECONDS) *
      PEAK_FACTOR;
    log(
      `  national peak: ${world.total} units × ${LETTERS_PER_UNIT_PER_DAY} letters/unit/day × ` +
        `${REQUESTS_PER_LETTER} requests/letter / ${WORKING_SECONDS} s (7 h) × peak factor ${PEAK_FACTOR} = ` +
        `${peak.toFixed(1)} req/s`,
    );
    log(`  mix: ${MIX.map(([op, share]) => `${op} ${(share * 100).toFixed(0)}%`).join(', ')}`);

    const prefix = `bench_day_${process.pid}`;
    const processes = await startDayProcesses(url, prefix);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const cpu = new CpuSplit(admin, processes.pids);
    try {
      const signedIn = performance.now();
      const usernames = world.units.flatMap((u) => (u.head ? [u.clerk, u.head] : [u.clerk]));
      const tokens = await signIn(processes.bases, usernames);
      log(
        `  ${tokens.size} accounts signed in through both APIs in ` +
          `${((performance.now() - signedIn) / 1000).toFixed(1)} s`,
      );
      const state = new DayState(world.units, world.ministry, tokens, world.preloadedLetterId);
      // Not judged: the first seconds compile code paths and open pooled connections.
      await runStep(state, processes.bases, START_RATE, WARMUP_SECONDS);
      if (SPLIT_RATE > 0) {
        const mixed = await splitByKind(state, processes.bases, cpu, log);
        return {
          measured: { value: mixed, unit: 'CPU ms/request' },
          // The budget of two cores at 5× the national peak, with nothing else running.
          reference: { value: (cpus().length * 1000) / (5 * peak), unit: 'CPU ms/request' },
        };
      }
      let best: StepStats | undefined;
      let rate = START_RATE;
      for (let step = 1; step <= MAX_STEPS; step++) {
        state.cascadesThisStep = 0;
        // The machine may be shared: its load says how much of it the step had.
        const load = loadavg()[0];
        const before = await cpu.snapshot();
        const stats = await runStep(state, processes.bases, rate, STEP_SECONDS);
        const spent = CpuSplit.between(before, await cpu.snapshot());
        const verdict = stepVerdict(stats);
        log(
          `  step ${step}: ${rate.toFixed(1)} req/s target, ${(stats.issued / stats.seconds).toFixed(1)} issued/s, ` +
            `p99 ${verdict.p99.toFixed(0)} ms, ${verdict.failed} failed, ${verdict.rejected} 4xx` +
            `${stats.overloaded ? ', overloaded' : ''}, load average ${load.toFixed(1)} on ${cpus().length} cores` +
            ` → ${verdict.ok ? 'pass' : 'fail'}`,
        );
        // Where the machine's CPU went, per request of the step (load-independent).
        const perRequest = (ms: number) => (ms / stats.issued).toFixed(2);
        log(
          `    CPU ms per request: bench ${perRequest(spent.bench)}, ` +
            `APIs ${spent.apis.map(perRequest).join(' + ')}, worker ${perRequest(spent.worker)}, ` +
            `PostgreSQL backends ${perRequest(spent.backends)} + server ${perRequest(spent.server)}; ` +
            `all ${perRequest(spent.bench + spent.apis.reduce((a, b) => a + b, 0) + spent.worker + spent.backends + spent.server)}`,
        );
        for (const line of stats.failures) log(`    ${line}`);
        if (!verdict.ok) {
          logEndpoints(log, stats);
          break;
        }
        best = stats;
        rate *= RATE_FACTOR;
      }
      if (best) {
        log(`  highest passing step, ${best.rate.toFixed(1)} req/s, per endpoint:`);
        logEndpoints(log, best);
      } else log(`  no step passed, not even ${START_RATE} req/s`);
      log(
        `  circulars issued: ${[...state.issued.values()].filter((k) => k === 'national').length} national, ` +
          `${[...state.issued.values()].filter((k) => k === 'provincial').length} provincial; ` +
          `${state.toForward.length} forwards and ${state.pendingUnits.length} inboxes still waiting`,
      );
      return {
        measured: { value: best?.rate ?? 0, unit: 'req/s' },
        reference: { value: peak, unit: 'req/s' },
      };
    } finally {
      await admin.end();
      await processes.stop();
      const removed = await clearQueuePrefix(loadConfig().redisUrl, prefix);
      log(`  removed ${removed} Redis keys of ${prefix}`);
    }
  },
};
