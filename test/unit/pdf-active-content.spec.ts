import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { findActiveContent, scanNames } from 'src/modules/files/pdf-active-content.js';
import { buildPdf, escapeNames, HARMLESS, HOSTILE } from '../factories/hostile-pdfs.js';

async function inspect(bytes: Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  return [...findActiveContent(doc, bytes)];
}

describe('active content in PDFs, wherever it is written', () => {
  for (const [name, { kind, build }] of Object.entries(HOSTILE)) {
    for (const objectStreams of [false, true]) {
      it(`${name}${objectStreams ? ', in object streams' : ''} → ${kind}`, async () => {
        const bytes = await buildPdf(build, objectStreams);
        expect(await inspect(bytes)).toContain(kind);
      });
    }
    it(`${name}, names written with #xx escapes → ${kind}`, async () => {
      const bytes = escapeNames(await buildPdf(build, false));
      expect(await inspect(bytes)).toContain(kind);
    });
  }

  for (const [name, build] of Object.entries(HARMLESS)) {
    for (const objectStreams of [false, true]) {
      it(`accepts ${name}${objectStreams ? ', in object streams' : ''}`, async () => {
        expect(await inspect(await buildPdf(build, objectStreams))).toEqual([]);
      });
    }
  }

  it('finds action names in the object syntax of a file pdf-lib cannot read', () => {
    const broken = Buffer.from(
      '%PDF-1.7\n1 0 obj << /OpenAction << /S /Java#53cript /J#53 (x) >> >>\nendobj\ngarbage',
      'latin1',
    );
    expect([...scanNames(broken, true)]).toContain('JavaScript');
  });

  it('does not read names inside stream data', () => {
    const bytes = Buffer.from(
      '%PDF-1.7\n1 0 obj << /Length 9 >>\nstream\n/JS /Launch\nendstream\nendobj\n',
    );
    expect([...scanNames(bytes, true)]).toEqual([]);
  });
});
