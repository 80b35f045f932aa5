/**
 * What the upload checks found in a PDF. The inspection itself runs in a worker thread
 * (pdf-inspection.worker.ts) with a memory and time limit, off the request thread.
 */
export type PdfInspection =
  | { ok: true; pages: number }
  | {
      ok: false;
      reason:
        | 'unparseable'
        | 'encrypted'
        | 'too_many_pages'
        | 'active_content'
        | 'timeout'
        | 'resource_limit';
      pages?: number;
      /** What active content was found (pdf-active-content.ts), for the problem's detail. */
      found?: string[];
    };

export const PDF_MAGIC = '%PDF-';

/** `%PDF-` must open the file (a few bytes of junk before it are common; allow 1 KiB, as readers do). */
export function hasPdfMagic(bytes: Uint8Array): boolean {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.byteLength, 1024),
  ).toString('latin1');
  return head.includes(PDF_MAGIC);
}
