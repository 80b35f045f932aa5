import type { Browser, Page } from 'playwright-core';

/**
 * The page's main thread in a Chrome performance trace: the CPU time of its top-level tasks
 * between navigation start and a mark the page sets, and on what. Unlike wall time, this
 * moves little with the machine's load: it is the work the browser had to do on the one
 * thread that runs the console's scripts, lays out and paints, before the page showed what
 * was asked for.
 */
export interface MainThreadWork {
  /** CPU time of the main thread's top-level tasks between navigation start and the mark. */
  busyMs: number;
  /** Script compilation (parse and compile of classic scripts and modules). */
  compileMs: number;
  /** Script evaluation: module evaluation, callbacks (fetch answers, timers, React's work). */
  scriptMs: number;
  /** Style recalculation, layout, paint. */
  renderMs: number;
  /** HTML and style sheet parsing. */
  parseMs: number;
  /** Garbage collection. */
  gcMs: number;
  /** Wall time from navigation start to the mark. */
  wallMs: number;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'loading',
].join(',');

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, where the trace has it. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { frame?: string } };
}

const COMPILE = new Set(['v8.compile', 'v8.compileModule', 'V8.CompileCode', 'CompileScript']);
const SCRIPT = new Set(['v8.evaluateModule', 'EvaluateScript', 'FunctionCall', 'TimerFire']);
const RENDER = new Set(['UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'Commit']);
const PARSE = new Set(['ParseHTML', 'ParseAuthorStyleSheet']);
const GC = new Set(['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'V8.GC_MARK_COMPACTOR']);

/**
 * Runs `visit` (which navigates `page` and resolves once it has called
 * `performance.mark(mark)`) under a trace, and sums the main thread's work up to the mark.
 */
export async function traceMainThread(
  browser: Browser,
  page: Page,
  mark: string,
  visit: () => Promise<void>,
): Promise<MainThreadWork> {
  await browser.startTracing(page, { categories: CATEGORIES.split(',') });
  await visit();
  // The mark's time on the page's clock is its distance from navigation start: the trace's
  // own navigation start event is not always on the process that ran the page.
  const sinceNavigation = await page.evaluate(
    (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? NaN,
    mark,
  );
  const events = (
    JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    }
  ).traceEvents;
  return mainThreadWork(events, mark, sinceNavigation);
}

/** The sums of `MainThreadWork` from a trace, navigation start `sinceNavigation` ms before the mark. */
export function mainThreadWork(
  events: TraceEvent[],
  mark: string,
  sinceNavigation: number,
): MainThreadWork {
  const end = events.find((e) => e.name === mark && e.cat.includes('blink.user_timing'));
  if (!end) throw new Error(`the trace has no mark ${mark}`);
  if (!Number.isFinite(sinceNavigation)) throw new Error(`the page has no mark ${mark}`);
  // The renderer that ran the page is the one that set the mark.
  const start = { ts: end.ts - sinceNavigation * 1000 };
  const main = events.find(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.pid === end.pid &&
      e.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? end.tid;
  const within = (e: TraceEvent) =>
    e.pid === end.pid &&
    e.tid === tid &&
    e.ph === 'X' &&
    e.ts < end.ts &&
    e.ts + (e.dur ?? 0) > start.ts;
  // CPU time (the thread's own clock) where the trace has it, so that time the thread
  // waited for a core on a loaded machine is not counted; an event that straddles the
  // window counts for the share of it inside.
  const clipped = (e: TraceEvent) => {
    const dur = e.dur ?? 0;
    const inside = Math.min(e.ts + dur, end.ts) - Math.max(e.ts, start.ts);
    const cpu = e.tdur ?? dur;
    return (dur > 0 ? (cpu * inside) / dur : 0) / 1000;
  };

  // Top-level tasks do not nest; the kinds below may (a callback inside an evaluation), so
  // each is summed only where no event of a kind already counted encloses it.
  const tasks = events.filter(
    (e) => within(e) && e.cat.includes('toplevel') && e.name.endsWith('RunTask'),
  );
  const kinds = events
    .filter(
      (e) =>
        within(e) &&
        (COMPILE.has(e.name) ||
          SCRIPT.has(e.name) ||
          RENDER.has(e.name) ||
          PARSE.has(e.name) ||
          GC.has(e.name)),
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const sums = { compileMs: 0, scriptMs: 0, renderMs: 0, parseMs: 0, gcMs: 0 };
  let coveredUntil = -Infinity;
  for (const e of kinds) {
    if (e.ts < coveredUntil) continue;
    coveredUntil = e.ts + (e.dur ?? 0);
    const ms = clipped(e);
    if (COMPILE.has(e.name)) sums.compileMs += ms;
    else if (SCRIPT.has(e.name)) sums.scriptMs += ms;
    else if (RENDER.has(e.name)) sums.renderMs += ms;
    else if (PARSE.has(e.name)) sums.parseMs += ms;
    else sums.gcMs += ms;
  }
  return {
    busyMs: tasks.reduce((sum, e) => sum + clipped(e), 0),
    ...sums,
    wallMs: (end.ts - start.ts) / 1000,
  };
}
