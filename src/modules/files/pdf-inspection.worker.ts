import { parentPort, workerData } from 'node:worker_threads';
import { PDFDict, PDFDocument, PDFName, PDFStream } from 'pdf-lib';
import type { PdfInspection } from 'src/modules/files/pdf-inspection.js';

/** Runs in a worker thread with resource limits: parsing hostile PDFs stays off the API's thread. */
const { bytes, maxPages } = workerData as { bytes: Uint8Array; maxPages: number };

const JS = PDFName.of('JS');
const JAVASCRIPT = PDFName.of('JavaScript');
const S = PDFName.of('S');

function hasJavaScript(doc: PDFDocument): boolean {
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict =
      object instanceof PDFDict ? object : object instanceof PDFStream ? object.dict : undefined;
    if (!dict) continue;
    if (dict.has(JS) || dict.get(S) === JAVASCRIPT || dict.has(JAVASCRIPT)) return true;
  }
  return false;
}

async function inspect(): Promise<PdfInspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return { ok: false, reason: 'unparseable' };
  }
  if (doc.isEncrypted) return { ok: false, reason: 'encrypted' };
  const pages = doc.getPageCount();
  if (pages === 0) return { ok: false, reason: 'unparseable' };
  if (pages > maxPages) return { ok: false, reason: 'too_many_pages', pages };
  if (hasJavaScript(doc)) return { ok: false, reason: 'javascript', pages };
  return { ok: true, pages };
}

inspect().then(
  (result) => parentPort?.postMessage(result),
  () => parentPort?.postMessage({ ok: false, reason: 'unparseable' } satisfies PdfInspection),
);
