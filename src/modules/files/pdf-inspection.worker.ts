import { parentPort, workerData } from 'node:worker_threads';
import { PDFDocument } from 'pdf-lib';
import { findActiveContent, scanNames } from 'src/modules/files/pdf-active-content.js';
import type { PdfInspection } from 'src/modules/files/pdf-inspection.js';

/** Runs in a worker thread with resource limits: parsing hostile PDFs stays off the API's thread. */
const { bytes, maxPages } = workerData as { bytes: Uint8Array; maxPages: number };

async function inspect(): Promise<PdfInspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    // Even a file pdf-lib cannot read is scanned: active content named in it is the reason
    // given, so a broken file with a script is never reported as merely broken.
    const active = scanNames(bytes, true);
    if (active.size > 0) return { ok: false, reason: 'active_content', found: [...active].sort() };
    return { ok: false, reason: 'unparseable' };
  }
  if (doc.isEncrypted) return { ok: false, reason: 'encrypted' };
  const pages = doc.getPageCount();
  if (pages === 0) return { ok: false, reason: 'unparseable' };
  if (pages > maxPages) return { ok: false, reason: 'too_many_pages', pages };
  const active = findActiveContent(doc, bytes);
  if (active.size > 0)
    return { ok: false, reason: 'active_content', pages, found: [...active].sort() };
  return { ok: true, pages };
}

inspect().then(
  (result) => parentPort?.postMessage(result),
  () => parentPort?.postMessage({ ok: false, reason: 'unparseable' } satisfies PdfInspection),
);
