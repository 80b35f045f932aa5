// First: it takes the engine's built-ins before pdf.js replaces some of them.
import { restoreEngineBuiltins } from 'src/modules/files/reading/engine-builtins.js';
import { getDocument as pdfjsGetDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/*
 * pdf.js's legacy build (the one that runs on Node 20) carries core-js polyfills, and they
 * replace engine built-ins for the whole process, when pdf.js is loaded and again when its
 * worker is: on Node 20 among others `Array.prototype.push` (2 million pushes: 545 ms
 * instead of 33), `JSON.stringify` (a JavaScript callback on every value: 3.6 times the
 * engine's time) and `JSON.parse`. The API imports pdf.js at start-up, so every request
 * paid them. pdf.js needs only what the polyfills add, not what they replace: the
 * replaced built-ins are put back, the added methods stay.
 */
restoreEngineBuiltins();

/** pdf.js's `getDocument`; once the document is open (its worker loaded), the built-ins are put back. */
export function getDocument(
  ...args: Parameters<typeof pdfjsGetDocument>
): ReturnType<typeof pdfjsGetDocument> {
  const task = pdfjsGetDocument(...args);
  void task.promise.then(restoreEngineBuiltins, () => undefined);
  return task;
}
