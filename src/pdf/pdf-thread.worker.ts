import { parentPort } from 'node:worker_threads';
import type { PdfThreadReply, PdfThreadRequest } from 'src/pdf/pdf-threads.js';

/**
 * A PDF thread of the pool (pdf-threads.ts): runs one job at a time, with the limits the
 * pool gave it. Modules stay loaded between jobs, so fonts are read and parsed once per thread.
 */
const port = parentPort;
if (!port) throw new Error('pdf-thread.worker runs only as a worker thread');

port.on('message', (request: PdfThreadRequest) => {
  void run(request).then((reply) => {
    // The result's bytes move to the API thread instead of being copied.
    const result = reply.ok ? reply.result : undefined;
    const transfer = ArrayBuffer.isView(result) ? [result.buffer as ArrayBuffer] : [];
    try {
      port.postMessage(reply, transfer);
    } catch {
      // A buffer that cannot move (a pooled Buffer's slab) is copied instead.
      port.postMessage(reply);
    }
  });
});

async function run({ module, name, args }: PdfThreadRequest): Promise<PdfThreadReply> {
  try {
    const fn = ((await import(module)) as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new TypeError(`${module} exports no function ${name}`);
    return { ok: true, result: await (fn as (...a: unknown[]) => unknown)(...args) };
  } catch (error) {
    return {
      ok: false,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}
