import { existsSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Heavy PDF work (upload checks, receipt stamps, register printouts) runs in worker
 * threads: parsing a large or hostile PDF takes seconds of CPU and would stall every
 * request on the API's event loop. A small pool caps the threads (the machines have few
 * cores), and each job has a time and a memory limit past which its thread is killed.
 */

export interface PdfThreadLimits {
  /** Longest run of one job in its thread; waiting for a free thread is not counted. */
  timeoutMs: number;
  /** Heap limit (V8 old generation) of the thread that runs the job. */
  memoryMb: number;
}

/** A job was stopped because it went past its time or memory limit. */
export class PdfThreadLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(`the PDF job went past its ${limit} limit`);
    this.name = 'PdfThreadLimitError';
  }
}

/** A function exported by a module, which a PDF thread imports and calls. */
export interface PdfThreadFunction<A extends unknown[], R> {
  readonly module: string;
  readonly name: string;
  /** Carries the signature for type checking only. */
  readonly signature?: (...args: A) => Promise<R> | R;
}

/**
 * The compiled JavaScript of a module. Under the test runner modules are TypeScript
 * source, and worker threads load only JavaScript, so `src/…/x.ts` maps to `dist/…/x.js`.
 */
export function compiledModule(url: string | URL): URL {
  const path = fileURLToPath(url);
  if (path.endsWith('.js') && existsSync(path)) return new URL(url);
  const marker = `${sep}src${sep}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) throw new Error(`no compiled module for ${path}`);
  const relative = path.slice(at + marker.length).replace(/\.[cm]?[jt]s$/, '.js');
  return pathToFileURL(`${path.slice(0, at)}${sep}dist${sep}${relative}`);
}

/**
 * Names `fn`, exported by the module at `moduleUrl` (pass `import.meta.url`), as a job for
 * a PDF thread. Only its arguments and result cross to the thread (structured clone).
 */
export function threadFunction<A extends unknown[], R>(
  moduleUrl: string,
  fn: (...args: A) => Promise<R> | R,
): PdfThreadFunction<A, R> {
  if (!fn.name) throw new TypeError('a PDF thread function must be a named export');
  return { module: compiledModule(moduleUrl).href, name: fn.name };
}

/** What the pool asks of a thread, and what the thread answers (pdf-thread.worker.ts). */
export interface PdfThreadRequest {
  module: string;
  name: string;
  args: unknown[];
}
export type PdfThreadReply = { ok: true; result: unknown } | { ok: false; message: string };

interface Job {
  fn: PdfThreadFunction<unknown[], unknown>;
  args: unknown[];
  limits: PdfThreadLimits;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  memoryMb: number;
  job: Job | null;
  timer?: NodeJS.Timeout;
}

const WORKER_SCRIPT = compiledModule(new URL('./pdf-thread.worker.js', import.meta.url));

export class PdfThreads {
  private readonly threads = new Set<Thread>();
  private readonly waiting: Job[] = [];
  private closed = false;

  /**
   * @param size most threads at once; further jobs wait for a free one
   * @param idleMs an idle thread ends after this long, giving back its heap
   */
  constructor(
    private readonly size: number,
    private readonly idleMs = 60_000,
  ) {}

  run<A extends unknown[], R>(
    fn: PdfThreadFunction<A, R>,
    args: A,
    limits: PdfThreadLimits,
  ): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the PDF threads are closed'));
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({
        fn: fn as PdfThreadFunction<unknown[], unknown>,
        args,
        limits,
        resolve: resolve as (result: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /** Threads alive (busy or idle) and jobs waiting for one. */
  get load(): { threads: number; busy: number; waiting: number } {
    const busy = [...this.threads].filter((thread) => thread.job !== null).length;
    return { threads: this.threads.size, busy, waiting: this.waiting.length };
  }

  /** Ends every thread; jobs still waiting or running fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new Error('the PDF threads are closed'));
    await Promise.all([...this.threads].map((thread) => this.end(thread, null)));
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const job = this.waiting[0];
      const idle = [...this.threads].filter((thread) => thread.job === null);
      let thread = idle.find((t) => t.memoryMb === job.limits.memoryMb);
      if (!thread && this.threads.size >= this.size) {
        // A thread's heap limit is fixed when it starts: one with another limit makes way.
        const other = idle[0];
        if (!other) return;
        void this.stop(other, null);
      }
      thread ??= this.start(job.limits.memoryMb);
      this.waiting.shift();
      this.assign(thread, job);
    }
  }

  private start(memoryMb: number): Thread {
    const worker = new Worker(WORKER_SCRIPT, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    const thread: Thread = { worker, memoryMb, job: null };
    this.threads.add(thread);
    worker.on('message', (reply: PdfThreadReply) => this.finished(thread, reply));
    worker.on('error', (error: Error & { code?: string }) => {
      const failure =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new PdfThreadLimitError('memory')
          : new Error(`the PDF thread failed: ${error.message}`);
      void this.end(thread, failure);
    });
    worker.on('exit', () => void this.end(thread, new Error('the PDF thread stopped')));
    return thread;
  }

  private assign(thread: Thread, job: Job): void {
    thread.job = job;
    clearTimeout(thread.timer);
    thread.worker.ref();
    thread.timer = setTimeout(
      () => void this.end(thread, new PdfThreadLimitError('time')),
      job.limits.timeoutMs,
    );
    const request: PdfThreadRequest = { module: job.fn.module, name: job.fn.name, args: job.args };
    thread.worker.postMessage(request);
  }

  private finished(thread: Thread, reply: PdfThreadReply): void {
    const job = thread.job;
    if (!job) return;
    clearTimeout(thread.timer);
    thread.job = null;
    // An idle thread must not keep the process alive, and ends after a while.
    thread.worker.unref();
    thread.timer = setTimeout(() => void this.end(thread, null), this.idleMs).unref();
    if (reply.ok) job.resolve(reply.result);
    else job.reject(new Error(reply.message));
    this.dispatch();
  }

  /** Stops a thread and lets waiting jobs move up. */
  private async end(thread: Thread, error: Error | null): Promise<void> {
    const stopped = this.stop(thread, error);
    if (!this.closed) this.dispatch();
    await stopped;
  }

  /** Stops a thread; a job of its own fails with `error`. */
  private async stop(thread: Thread, error: Error | null): Promise<void> {
    if (!this.threads.delete(thread)) return;
    clearTimeout(thread.timer);
    const job = thread.job;
    thread.job = null;
    job?.reject(error ?? new Error('the PDF threads are closed'));
    await thread.worker.terminate();
  }
}
