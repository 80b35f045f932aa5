import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';

// Taken before pdf.js is loaded: nothing this file imports statically loads it (the PDF
// factories do, hence pdf-lib here). core-js makes its replacements print as native code,
// so only identity tells them apart.
const engine = {
  push: Array.prototype.push,
  stringify: JSON.stringify,
  parse: JSON.parse,
};

function current() {
  return { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
}

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  doc.addPage();
  return doc.save();
}

describe('pdf.js and the engine built-ins', () => {
  it('leaves Array.prototype.push, JSON.stringify and JSON.parse the engine’s once loaded', async () => {
    await import('src/modules/files/reading/pdf-reader.js');
    expect(current()).toEqual(engine);
  });

  it('puts them back after a document has loaded pdf.js’s worker, and reads the next one', async () => {
    const { countPdfPages } = await import('src/modules/files/reading/pdf-reader.js');
    expect(await countPdfPages(await twoPagePdf())).toBe(2);
    expect(current()).toEqual(engine);
    expect(await countPdfPages(await twoPagePdf())).toBe(2);
  });

  it('keeps what the polyfills add (pdf.js uses it on Node 20)', async () => {
    await import('src/modules/files/reading/pdf-reader.js');
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
