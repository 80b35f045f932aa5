import { inspectPdfBytesInThread } from 'src/modules/files/pdf-inspection.worker.js';
import type { PdfInspection } from 'src/modules/files/pdf-inspection.js';
import { PdfThreadLimitError, type PdfThreads } from 'src/pdf/pdf-threads.js';

export interface InspectorLimits {
  maxPages: number;
  timeoutMs: number;
  memoryMb: number;
}

/** Parses the PDF in a PDF thread that is killed when it runs out of time or memory. */
export async function inspectPdf(
  threads: PdfThreads,
  bytes: Uint8Array,
  limits: InspectorLimits,
): Promise<PdfInspection> {
  try {
    return await threads.run(inspectPdfBytesInThread, [bytes, limits.maxPages], limits);
  } catch (error) {
    if (error instanceof PdfThreadLimitError)
      return { ok: false, reason: error.limit === 'time' ? 'timeout' : 'resource_limit' };
    return { ok: false, reason: 'unparseable' };
  }
}
