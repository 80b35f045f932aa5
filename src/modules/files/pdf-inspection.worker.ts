import { PDFDocument } from 'pdf-lib';
import { findActiveContent, scanNames } from 'src/modules/files/pdf-active-content.js';
import type { PdfInspection } from 'src/modules/files/pdf-inspection.js';
import { threadFunction } from 'src/pdf/pdf-threads.js';

/** Runs in a PDF thread with resource limits: parsing hostile PDFs stays off the API's thread. */
export async function inspectPdfBytes(bytes: Uint8Array, maxPages: number): Promise<PdfInspection> {
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

export const inspectPdfBytesInThread = threadFunction(import.meta.url, inspectPdfBytes);
