import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfInspection } from 'src/modules/files/pdf-inspection.js';

export interface InspectorLimits {
  maxPages: number;
  timeoutMs: number;
  memoryMb: number;
}

/**
 * The compiled worker script. Under the test runner this module is TypeScript source,
 * and worker threads load only JavaScript, so it falls back to the build in dist/.
 */
function workerScript(): URL {
  const beside = new URL('./pdf-inspection.worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL('../../../dist/modules/files/pdf-inspection.worker.js', import.meta.url);
}

/** Parses the PDF in a worker thread that is killed when it runs out of time or memory. */
export function inspectPdf(bytes: Uint8Array, limits: InspectorLimits): Promise<PdfInspection> {
  return new Promise((resolve) => {
    const worker = new Worker(workerScript(), {
      workerData: { bytes, maxPages: limits.maxPages },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const finish = (result: PdfInspection) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    worker.once('message', (result: PdfInspection) => finish(result));
    worker.once('error', (error: Error & { code?: string }) =>
      finish({
        ok: false,
        reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'resource_limit' : 'unparseable',
      }),
    );
    worker.once('exit', () => finish({ ok: false, reason: 'unparseable' }));
  });
}
