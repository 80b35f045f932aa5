import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { inspectPdfBytesInThread } from 'src/modules/files/pdf-inspection.worker.js';
import { renderStampedPdfInThread, type StampInput } from 'src/modules/receipts/stamp-renderer.js';
import { PdfThreadLimitError, PdfThreads } from 'src/pdf/pdf-threads.js';
import { heavyPdf } from '../factories/heavy-pdf.js';

/**
 * The pool behind upload checks, stamps and printouts. Threads run the compiled modules,
 * so `npm test` (or `npx nest build`) builds dist/ first.
 */
const LETTER = readFileSync(new URL('../fixtures/pdf/two-page-letter.pdf', import.meta.url));
const STAMPS: StampInput[] = [
  { unitName: 'สำนักงานจังหวัดร้อยเอ็ด', receiptNumber: '๑', date: '๑๕ ม.ค. ๒๕๖๙', time: null },
];
const ROOMY = { timeoutMs: 120_000, memoryMb: 512 };

describe('PDF threads', () => {
  let pool: PdfThreads | undefined;
  afterEach(async () => {
    await pool?.close();
  });

  it('runs at most its size of jobs at once; the rest wait, and all finish', async () => {
    pool = new PdfThreads(2);
    const jobs = Array.from({ length: 5 }, () =>
      pool!.run(renderStampedPdfInThread, [LETTER, STAMPS], ROOMY),
    );
    expect(pool.load).toEqual({ threads: 2, busy: 2, waiting: 3 });
    const results = await Promise.all(jobs);
    expect(new Set(results.map((bytes) => Buffer.from(bytes).toString('base64'))).size).toBe(1);
    expect(pool.load).toMatchObject({ busy: 0, waiting: 0 });
    expect(pool.load.threads).toBeLessThanOrEqual(2);
  });

  it('kills a job past its time limit and goes on with the next', async () => {
    pool = new PdfThreads(1);
    const heavy = pool.run(renderStampedPdfInThread, [heavyPdf(1_500_000), STAMPS], {
      ...ROOMY,
      timeoutMs: 100,
    });
    const next = pool.run(inspectPdfBytesInThread, [LETTER, 10], ROOMY);
    await expect(heavy).rejects.toEqual(new PdfThreadLimitError('time'));
    await expect(next).resolves.toEqual({ ok: true, pages: 2 });
  });

  it('kills a job past its memory limit', async () => {
    pool = new PdfThreads(1);
    const heavy = pool.run(renderStampedPdfInThread, [heavyPdf(1_500_000), STAMPS], {
      timeoutMs: 120_000,
      memoryMb: 16,
    });
    await expect(heavy).rejects.toMatchObject({ name: 'PdfThreadLimitError', limit: 'memory' });
  });

  it('passes a job’s own failure on as an error, not a limit', async () => {
    pool = new PdfThreads(1);
    const bad = pool.run(renderStampedPdfInThread, [new Uint8Array([1, 2, 3]), STAMPS], ROOMY);
    await expect(bad).rejects.toThrow(/PDF/);
    await expect(bad).rejects.not.toBeInstanceOf(PdfThreadLimitError);
  });
});
