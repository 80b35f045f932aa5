import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import type { Redis } from 'ioredis';
import { loadConfig } from 'src/config/config.js';
import { ProgressEventsRepository } from 'src/modules/routing/progress-events.repository.js';
import { ProgressWakeups } from 'src/modules/routing/progress-wakeups.js';
import { createCommandClient } from 'src/queue/redis.js';
import { startApi } from '../../harness/api-process.js';
import { launchChromium } from '../../browser/harness.js';
import { freshBenchDatabase, openBenchDataSource } from '../bench-db.js';
import { type MainThreadWork, traceMainThread } from '../main-thread.js';
import { forwardNationalCircular } from '../day-setup.js';
import { insertNationalUnits } from '../national-units.js';
import type { BenchScenario } from '../scenario.js';
import { cpuSpent, descendants, ownCpu, readCpu } from '../cpu-split.js';

const ITERATIONS = Number(process.env.BENCH_TRACKING_ITERATIONS ?? 9);
const ACKS = Number(process.env.BENCH_TRACKING_ACKS ?? 200);
const TRACED = Number(process.env.BENCH_TRACKING_TRACED ?? 3);
const DRAWN_MARK = 'saraban:rollup-drawn';
const USER = 'admin.moi';
const PASSWORD = 'saraban-demo-2569';
const run = promisify(execFile);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)];
}

const CPU_PARTS = ['browser', 'api', 'postgres', 'bench'] as const;
type CpuPart = (typeof CPU_PARTS)[number];
type CpuAt = Map<CpuPart, Map<number, number>>;

/**
 * CPU time of each part of a page load, read from /proc: the browser's processes (the bench's
 * descendants but the API), the API process, the PostgreSQL backends of the bench's
 * database, and the bench itself (Playwright's client). Two readings around a visit give what
 * the visit cost in CPU, less dependent on what else the machine is doing than its wall time.
 * A process started between the readings counts whole; the readings also take in what the
 * browser does just before the navigation starts and just after the page is drawn.
 */
async function cpuNow(apiPid: number, backends: () => Promise<number[]>): Promise<CpuAt> {
  const api = new Set([apiPid, ...descendants(apiPid)]);
  return new Map<CpuPart, Map<number, number>>([
    ['browser', readCpu(descendants(process.pid).filter((pid) => !api.has(pid)))],
    ['api', readCpu(api)],
    ['postgres', readCpu(await backends())],
    ['bench', ownCpu()],
  ]);
}

function cpuBetween(before: CpuAt, after: CpuAt): Record<CpuPart, number> {
  const out = {} as Record<CpuPart, number>;
  for (const part of CPU_PARTS) out[part] = cpuSpent(before.get(part), after.get(part)!);
  return out;
}

/** The page's own clock when the progress summary shows at least `received` units. */
async function receivedAt(page: Page, received: number): Promise<number> {
  // A function, not a string: the console's CSP forbids eval.
  const handle = await page.waitForFunction(
    (want: number) => {
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(a: string): string | null } | null };
        }
      ).document;
      const shown = Number(doc.querySelector('[data-received]')?.getAttribute('data-received'));
      return shown >= want ? performance.timeOrigin + performance.now() : false;
    },
    received,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

const DRAWN_LOG = 'saraban-bench:drawn ';
/**
 * BENCH_TRACKING_OBSERVER=raf: time a load as before 7 December, by Playwright polling the
 * page every frame (its injected script and a predicate run on the page's main thread during
 * the very load being measured). By default an observer installed with the context, before
 * any of the page's scripts, notes the same moment (the first frame after the roll-up is in
 * the document) and reports it on the console: the page does next to nothing for it.
 */
const RAF_OBSERVER = process.env.BENCH_TRACKING_OBSERVER === 'raf';

/** In the page, before its scripts: logs the page's clock at the first frame showing the roll-up. */
function observeDrawn(prefix: string): void {
  // The bench compiles without the DOM's types; these are the page's globals it uses.
  const page = globalThis as unknown as {
    document: { querySelector(selector: string): unknown };
    MutationObserver: new (callback: () => void) => {
      observe(target: unknown, options: { childList: boolean; subtree: boolean }): void;
      disconnect(): void;
    };
    requestAnimationFrame(callback: () => void): number;
  };
  const observer = new page.MutationObserver(() => {
    if (!page.document.querySelector('[data-received]')) return;
    observer.disconnect();
    page.requestAnimationFrame(() =>
      console.debug(prefix + String(performance.timeOrigin + performance.now())),
    );
  });
  observer.observe(page.document, { childList: true, subtree: true });
}

function refreshCookieOf(response: Response): string {
  const set = response.headers.getSetCookie().find((c) => c.startsWith('saraban_refresh='));
  if (!set) throw new Error('no refresh cookie in the answer');
  return set.split(';')[0];
}

const PHASES = ['html', 'entry', 'refresh', 'progress', 'drawn'] as const;
type Phases = Record<(typeof PHASES)[number], number>;

/**
 * The milestones of one load, from navigation start: the HTML received, the entry script
 * received, the session refresh answered, the progress answered, the roll-up drawn (the
 * session start, POST /auth/start, answers the refresh and the progress at once).
 */
async function phasesOf(page: Page, drawn: number): Promise<Phases> {
  // No named functions inside: the bench's compiler would wrap them in a helper the page
  // does not have.
  const marks = await page.evaluate(() => {
    const entries = performance.getEntries() as unknown as {
      entryType: string;
      name: string;
      responseEnd?: number;
    }[];
    const out = {
      origin: performance.timeOrigin,
      html: NaN,
      entry: NaN,
      refresh: NaN,
      progress: NaN,
    };
    for (const e of entries) {
      const end = e.responseEnd ?? NaN;
      if (e.entryType === 'navigation') out.html = end;
      else if (e.entryType !== 'resource') continue;
      else if (/\/assets\/index-[^/]+\.js$/.test(e.name)) out.entry = end;
      else if (e.name.endsWith('/api/v1/auth/refresh') && Number.isNaN(out.refresh))
        out.refresh = end;
      else if (e.name.endsWith('/api/v1/auth/start') && Number.isNaN(out.refresh)) {
        // The session start answers the refresh and the progress at once.
        out.refresh = end;
        out.progress = end;
      } else if (e.name.includes('/progress?') && Number.isNaN(out.progress)) out.progress = end;
    }
    return out;
  });
  return {
    html: marks.html,
    entry: marks.entry,
    refresh: marks.refresh,
    progress: marks.progress,
    drawn: drawn - marks.origin,
  };
}

/** Where one load's time went: navigation and resource timings, relative to navigation start. */
async function timeline(page: Page, drawn: number): Promise<string> {
  const entries = await page.evaluate(() =>
    // Node's types lack the browser's entry kinds: read them as the fields used here.
    (
      performance.getEntries() as unknown as {
        entryType: string;
        name: string;
        startTime: number;
        requestStart?: number;
        responseStart?: number;
        responseEnd?: number;
        encodedBodySize?: number;
      }[]
    )
      .filter((e) => ['navigation', 'resource', 'paint'].includes(e.entryType))
      .map((e) => ({
        name: e.name.replace(/^https?:\/\/[^/]+/, ''),
        start: e.startTime,
        requestStart: e.requestStart ?? 0,
        responseStart: e.responseStart ?? 0,
        end: e.responseEnd ?? e.startTime,
        size: e.encodedBodySize ?? 0,
      })),
  );
  const origin = await page.evaluate(() => performance.timeOrigin);
  const lines = entries.map(
    (e) =>
      `    ${e.start.toFixed(0).padStart(5)} → ${e.end.toFixed(0).padStart(5)} ms (ttfb ${(e.responseStart - e.requestStart).toFixed(0)}) ${String(e.size).padStart(7)} B  ${e.name.slice(0, 90)}`,
  );
  return [...lines, `    ${(drawn - origin).toFixed(0).padStart(5)} ms roll-up drawn`].join('\n');
}

/**
 * The supervisor's tracking page of a nationwide circular (national seed, ~8,700
 * deliveries): from navigation to the roll-up drawn (median, cold browser context each
 * time) against the progress endpoint alone (median of the same number of calls); then,
 * with the page open, ACKS acknowledgments one after another, each timed from its commit
 * to the page showing it (Server-Sent Events, then the page reads the figures again).
 * Targets: page ≤ 2 × endpoint + 300 ms; SSE p95 ≤ 500 ms.
 */
export const trackingScenario: BenchScenario = {
  name: 'tracking',
  description:
    'tracking page of a nationwide circular to the roll-up drawn (Chromium) vs GET /letters/:id/progress; SSE p95 over acknowledgments',
  async run(log) {
    const url = await freshBenchDatabase('saraban_bench_tracking');
    const dataSource = await openBenchDataSource(url, 12);
    const env = { DATABASE_URL: url, QUEUE_PREFIX: 'bench_tracking', LOG_LEVEL: 'silent' };
    const units = await insertNationalUnits(dataSource);
    // The demo accounts on the national tree (the demo units are a subset of it).
    await run('node', ['dist/cli.js', 'seed', '--demo'], {
      env: { ...process.env, ...env },
      timeout: 180_000,
    });
    const ministry = units.find((u) => u.kind === 'ministry')!;
    const letterId = await forwardNationalCircular(dataSource, units, ministry, {
      subject: 'หนังสือเวียนทั่วประเทศ',
      sentAt: new Date(),
      concurrency: 8,
    });
    const pending: {
      id: string;
      root_letter_id: string;
      forward_id: string;
      sender_unit_id: string;
      recipient_unit_id: string;
    }[] = await dataSource.query(
      `SELECT id, root_letter_id, forward_id, sender_unit_id, recipient_unit_id FROM deliveries
          WHERE letter_id = $1 ORDER BY hop DESC, id`,
      [letterId],
    );
    log(`  ${pending.length} deliveries of one nationwide circular`);

    const api = await startApi(env);
    let browser: Browser | undefined;
    let wakeupRedis: Redis | undefined;
    try {
      const base = `http://localhost:${api.port}`;
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: USER, password: PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const endpoint = `${base}/api/v1/letters/${letterId}/progress?unitId=${ministry.id}&limit=50`;
      const endpointMs: number[] = [];
      for (let i = 0; i < ITERATIONS + 1; i++) {
        const started = performance.now();
        const response = await fetch(endpoint, {
          headers: { Authorization: `Bearer ${accessToken}` },
        });
        await response.json();
        if (i > 0) endpointMs.push(performance.now() - started); // the first warms the API
      }

      // The session refresh alone, as the page's first request makes it (cookie mode, the
      // rotated cookie carried from one call to the next): the round trip before any data.
      const refreshMs: number[] = [];
      const cookieLogin = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Saraban-Session': 'cookie' },
        body: JSON.stringify({ username: USER, password: PASSWORD }),
      });
      let cookie = refreshCookieOf(cookieLogin);
      for (let i = 0; i < ITERATIONS + 1; i++) {
        const started = performance.now();
        const response = await fetch(`${base}/api/v1/auth/refresh`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Saraban-Session': 'cookie',
            Cookie: cookie,
          },
          body: '{}',
        });
        await response.json();
        if (!response.ok) throw new Error(`refresh: ${response.status}`);
        cookie = refreshCookieOf(response);
        if (i > 0) refreshMs.push(performance.now() - started);
      }

      browser = await launchChromium();
      const open = async () => {
        const context = await browser!.newContext({
          baseURL: base,
          locale: 'th-TH',
          timezoneId: 'Asia/Bangkok',
          viewport: { width: 1366, height: 900 },
        });
        const signIn = await context.request.post('/api/v1/auth/login', {
          headers: { 'X-Saraban-Session': 'cookie' },
          data: { username: USER, password: PASSWORD },
        });
        if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);
        if (!RAF_OBSERVER) await context.addInitScript(observeDrawn, DRAWN_LOG);
        return context.newPage();
      };
      const pageMs: number[] = [];
      const warmMs: number[] = [];
      const phases: Phases[] = [];
      const load = async (page: Page) => {
        const logged = RAF_OBSERVER
          ? null
          : page.waitForEvent('console', {
              predicate: (message) => message.text().startsWith(DRAWN_LOG),
              timeout: 60_000,
            });
        await page.goto(`/tracking/letters/${letterId}`, { waitUntil: 'commit' });
        const drawn = logged
          ? Number((await logged).text().slice(DRAWN_LOG.length))
          : await receivedAt(page, 0);
        return { drawn, ms: drawn - (await page.evaluate(() => performance.timeOrigin)) };
      };
      const backends = async () =>
        (
          await dataSource.query<{ pid: number }[]>(
            `SELECT pid FROM pg_stat_activity WHERE datname = current_database()`,
          )
        ).map((r) => r.pid);
      const visitCpu: Record<CpuPart, number>[] = [];
      const floorCpu: Record<CpuPart, number>[] = [];
      const floorMs: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        // The browser's own floor: a new context showing the server's smallest page (the
        // liveness answer, shown as text) to its load event, none of the console's work in it.
        const bare = await open();
        const bareBefore = await cpuNow(api.child.pid!, backends);
        await bare.goto('/health/live', { waitUntil: 'load' });
        floorMs.push(
          await bare.evaluate(
            () =>
              (
                performance.getEntries() as unknown as { entryType: string; loadEventEnd: number }[]
              ).find((e) => e.entryType === 'navigation')?.loadEventEnd ?? NaN,
          ),
        );
        floorCpu.push(cpuBetween(bareBefore, await cpuNow(api.child.pid!, backends)));
        await bare.context().close();
        // A first visit: a new browser context, nothing cached.
        const page = await open();
        const cpuBefore = await cpuNow(api.child.pid!, backends);
        const cold = await load(page);
        const cpuAfter = await cpuNow(api.child.pid!, backends);
        visitCpu.push(cpuBetween(cpuBefore, cpuAfter));
        pageMs.push(cold.ms);
        phases.push(await phasesOf(page, cold.drawn));
        if (process.env.BENCH_TRACKING_TIMELINE) log(await timeline(page, cold.drawn));
        // The same supervisor coming back in a new tab: the console's hashed files from the
        // browser's cache (immutable), the session from the refresh cookie.
        const again = await page.context().newPage();
        warmMs.push((await load(again)).ms);
        await page.context().close();
      }

      // A few more first visits under a Chrome trace (not among the timed ones: tracing costs
      // time of its own): the main thread's CPU until the roll-up is drawn.
      const work: MainThreadWork[] = [];
      for (let i = 0; i < TRACED; i++) {
        const page = await open();
        work.push(
          await traceMainThread(browser, page, DRAWN_MARK, async () => {
            await page.goto(`/tracking/letters/${letterId}`, { waitUntil: 'commit' });
            await page.waitForFunction(
              (mark: string) => {
                const doc = (
                  globalThis as unknown as { document: { querySelector(s: string): unknown } }
                ).document;
                if (!doc.querySelector('[data-received]')) return false;
                performance.mark(mark);
                return true;
              },
              DRAWN_MARK,
              { polling: 'raf', timeout: 60_000 },
            );
          }),
        );
        await page.context().close();
      }

      // Live: the page open, acknowledgments committed one at a time (the routing side of a
      // registration: the delivery marked received and its progress event, one transaction).
      const page = await open();
      await page.goto(`/tracking/letters/${letterId}`);
      await receivedAt(page, 0);
      await page.getByText('อัปเดตทันที').waitFor();
      const events = new ProgressEventsRepository(dataSource);
      // As in the API: each commit that appended events wakes the readers (a Redis message).
      wakeupRedis = createCommandClient(loadConfig().redisUrl);
      new ProgressWakeups(dataSource, wakeupRedis, { queuePrefix: env.QUEUE_PREFIX });
      const latencies: number[] = [];
      for (let i = 0; i < Math.min(ACKS, pending.length); i++) {
        const d = pending[i];
        const committed = await dataSource
          .transaction(async (manager) => {
            const now = new Date();
            await manager.query(
              `UPDATE deliveries SET state = 'received', receipt_number = $2, state_changed_at = $3 WHERE id = $1`,
              [d.id, i + 1, now],
            );
            await events.append(manager, [
              {
                kind: 'delivery.received',
                rootLetterId: d.root_letter_id,
                letterId,
                deliveryId: d.id,
                forwardId: d.forward_id,
                senderUnitId: d.sender_unit_id,
                recipientUnitId: d.recipient_unit_id,
                receiptNumber: i + 1,
                occurredAt: now,
              },
            ]);
          })
          .then(() => Date.now());
        latencies.push((await receivedAt(page, i + 1)) - committed);
      }
      await page.context().close();

      const endpointMedian = median(endpointMs);
      const pageMedian = median(pageMs);
      const target = 2 * endpointMedian + 300;
      log(`  endpoint ms: ${endpointMs.map((v) => v.toFixed(0)).join(' ')}`);
      log(`  page ms:     ${pageMs.map((v) => v.toFixed(0)).join(' ')}`);
      log(
        `  where a first visit's time goes (medians, ms from navigation start): ${PHASES.map((k) => `${k} ${median(phases.map((p) => p[k])).toFixed(0)}`).join(', ')}`,
      );
      log(
        `  session refresh alone: median ${median(refreshMs).toFixed(0)} ms (${refreshMs.map((v) => v.toFixed(0)).join(' ')})`,
      );
      log(
        `  returning visitor (same browser, new tab, cached files): median ${median(warmMs).toFixed(0)} ms (${warmMs.map((v) => v.toFixed(0)).join(' ')}); first visit (new context): median ${median(pageMs).toFixed(0)} ms`,
      );
      log(
        `  page target ≤ 2 × ${endpointMedian.toFixed(0)} + 300 = ${target.toFixed(0)} ms: ${pageMedian <= target ? 'met' : 'NOT MET'}`,
      );
      const cpuLine = (visits: Record<CpuPart, number>[]) => {
        const total = median(visits.map((c) => CPU_PARTS.reduce((n, p) => n + c[p], 0)));
        return `${CPU_PARTS.map((p) => `${p} ${median(visits.map((c) => c[p])).toFixed(0)}`).join(', ')}; ${total.toFixed(0)} in all`;
      };
      log(
        `  CPU of a first visit, from navigation to the roll-up drawn (medians, ms): ${cpuLine(visitCpu)}`,
      );
      log(
        `  the browser's floor, a new context showing /health/live to its load event: median ${median(floorMs).toFixed(0)} ms; CPU ${cpuLine(floorCpu)}`,
      );
      if (work.length > 0) {
        const m = (key: keyof MainThreadWork) => median(work.map((w) => w[key])).toFixed(0);
        log(
          `  main thread until the roll-up is drawn (CPU ms from a Chrome trace, median of ${work.length} more first visits): ${m('busyMs')} busy, of which script ${m('scriptMs')}, style/layout/paint ${m('renderMs')}, HTML/CSS parsing ${m('parseMs')}, GC ${m('gcMs')}; ${m('wallMs')} ms wall`,
        );
      }
      const sse95 = p95(latencies);
      log(
        `  SSE commit → page updated over ${latencies.length} acknowledgments: median ${median(latencies).toFixed(0)} ms, p95 ${sse95.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms (target p95 ≤ 500 ms: ${sse95 <= 500 ? 'met' : 'NOT MET'})`,
      );
      return {
        measured: { value: pageMedian, unit: 'ms to roll-up drawn (median)' },
        reference: { value: endpointMedian, unit: 'ms progress endpoint (median)' },
      };
    } finally {
      await browser?.close();
      api.child.kill('SIGTERM');
      await api.exited;
      wakeupRedis?.disconnect();
      await dataSource.destroy();
    }
  },
};
