import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { OcrPool } from 'src/modules/files/reading/ocr-pool.js';
import { readPdf } from 'src/modules/files/reading/pdf-reader.js';
import { parseLetter } from 'src/thai/index.js';
import { LETTER_FIELDS, scoreLetter, type LetterScore } from '../ocr/score.js';
import { ensureTesseractCli, readWithTesseractCli } from '../ocr/tesseract-cli.js';
import { buildTestSet, lettersFromEnvironment, type TestDocument } from '../ocr/test-set.js';
import type { BenchScenario } from '../scenario.js';

/**
 * Thai OCR accuracy on the scanned test set (test/bench/ocr/): the project's reader
 * (`readPdf` with its OCR pool) and the letter parser against each letter's expected JSON,
 * vs Debian's tesseract command feeding the same parser. BENCH_OCR_PAGES=N reads a subset;
 * BENCH_OCR_LETTERS=held-out reads the fixture letters outside the test set instead.
 */
const TARGETS = { fields: 0.9, references: 0.95, dates: 0.95, secondsPerPage: 4 };

interface EngineRun {
  name: string;
  scores: { doc: TestDocument; score: LetterScore; seconds: number }[];
  wallSeconds: number;
  /**
   * This process's user + system CPU seconds over the run: the reader's engines run in its
   * threads; the command's do not (NaN for it).
   */
  cpuSeconds: number;
  pages: number;
}

interface Summary {
  fields: number;
  nonEmptyFields: number;
  references: number;
  dates: number;
  cer: number;
  secondsPerPage: number;
  cpuSecondsPerPage: number;
}

/** Runs `work` over the documents, `parallel` at a time; returns the wall time. */
async function inParallel(
  docs: TestDocument[],
  parallel: number,
  work: (doc: TestDocument) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < docs.length) await work(docs[next++]);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function runEngine(
  name: string,
  docs: TestDocument[],
  parallel: number,
  read: (doc: TestDocument) => Promise<string>,
): Promise<EngineRun> {
  const scores: EngineRun['scores'] = [];
  const cpuBefore = process.cpuUsage();
  const wallSeconds = await inParallel(docs, parallel, async (doc) => {
    const started = performance.now();
    const text = await read(doc);
    const seconds = (performance.now() - started) / 1000;
    const dump = process.env.BENCH_OCR_DUMP;
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(join(dump, `${doc.id.replace('#', '.')}.${name}.txt`), text);
    }
    scores.push({
      doc,
      score: scoreLetter(parseLetter(text), doc.expected, doc.text, text),
      seconds,
    });
  });
  const order = new Map(docs.map((d, i) => [d.id, i]));
  scores.sort((a, b) => order.get(a.doc.id)! - order.get(b.doc.id)!);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    name,
    scores,
    wallSeconds,
    cpuSeconds: name === 'reader' ? (cpu.user + cpu.system) / 1e6 : Number.NaN,
    pages: docs.reduce((n, d) => n + d.pages, 0),
  };
}

function share(values: (boolean | null)[]): number {
  const known = values.filter((v): v is boolean => v !== null);
  return known.length === 0 ? Number.NaN : known.filter(Boolean).length / known.length;
}

function summarise(run: EngineRun): Summary {
  const right = run.scores.reduce((n, s) => n + s.score.fieldsRight.length, 0);
  // Fields the letter actually has (not null, not an empty list): the harder share.
  let nonEmpty = 0;
  let nonEmptyRight = 0;
  for (const { doc, score } of run.scores) {
    const expected = doc.expected as Record<string, unknown>;
    for (const field of LETTER_FIELDS) {
      const value = expected[field];
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      nonEmpty++;
      if (score.fieldsRight.includes(field)) nonEmptyRight++;
    }
  }
  const edits = run.scores.reduce((n, s) => n + s.score.edits, 0);
  const chars = run.scores.reduce((n, s) => n + s.score.sourceChars, 0);
  return {
    fields: right / (run.scores.length * LETTER_FIELDS.length),
    nonEmptyFields: nonEmptyRight / nonEmpty,
    references: share(run.scores.map((s) => s.score.referenceExact)),
    dates: share(run.scores.map((s) => s.score.dateExact)),
    cer: edits / chars,
    secondsPerPage: run.wallSeconds / run.pages,
    cpuSecondsPerPage: run.cpuSeconds / run.pages,
  };
}

const mark = (v: boolean | null): string => (v === null ? '-' : v ? 'ok' : 'WRONG');
const pct = (v: number): string => (Number.isNaN(v) ? '  n/a' : `${(v * 100).toFixed(1)}%`);

function logRun(run: EngineRun, log: (line: string) => void): void {
  log(
    `  ${run.name}: document                                   pages  s/page   CER  fields  ref    date   wrong fields`,
  );
  for (const { doc, score, seconds } of run.scores) {
    const cer = score.edits / score.sourceChars;
    log(
      `  ${run.name}: ${doc.id.padEnd(44)} ${String(doc.pages).padStart(3)} ${(seconds / doc.pages).toFixed(1).padStart(7)} ${pct(cer).padStart(6)} ${String(score.fieldsRight.length).padStart(3)}/${LETTER_FIELDS.length}  ${mark(score.referenceExact).padEnd(6)} ${mark(score.dateExact).padEnd(6)} ${score.fieldsWrong.join(',')}`,
    );
  }
}

export const ocrScenario: BenchScenario = {
  name: 'ocr',
  description:
    'Thai OCR on scanned letters: readPdf + parseLetter field accuracy vs the tesseract command (tha+eng)',
  async run(log) {
    const maxPages = process.env.BENCH_OCR_PAGES ? Number(process.env.BENCH_OCR_PAGES) : undefined;
    const parallel = Number(process.env.BENCH_OCR_WORKERS ?? Math.min(2, availableParallelism()));
    const docs = await buildTestSet({ maxPages, letters: lettersFromEnvironment(), log });
    const pages = docs.reduce((n, d) => n + d.pages, 0);
    log(
      `  ${docs.length} documents, ${pages} pages, ${new Set(docs.map((d) => d.letter)).size} letters; ${parallel} engines at once`,
    );

    const pool = new OcrPool({ size: parallel });
    let project: EngineRun;
    // A page the engine gave up on (its time limit, reached on an overloaded machine) is read
    // as empty and scored so: the run must say it, or its figures pass for the reader's.
    const timedOut: string[] = [];
    try {
      project = await runEngine('reader', docs, parallel, async (doc) => {
        const reading = await readPdf(doc.pdf, { ocr: pool });
        reading.pages.forEach((p, i) => {
          if (p.warnings.includes('ocr_timeout')) timedOut.push(`${doc.id} page ${i + 1}`);
        });
        return reading.pages.map((p) => p.text).join('\n');
      });
    } finally {
      await pool.close();
    }
    logRun(project, log);
    if (timedOut.length > 0) {
      log(
        `  WARNING: ${timedOut.length} page(s) timed out in the engine and count as empty, so the reader's figures below are too low; run again on a quieter machine: ${timedOut.join(', ')}`,
      );
    }

    const skipped =
      process.env.BENCH_OCR_REFERENCE === '0'
        ? 'BENCH_OCR_REFERENCE=0'
        : await ensureTesseractCli(log);
    let reference: EngineRun | null = null;
    if (skipped) log(`  reference skipped: ${skipped}`);
    else {
      reference = await runEngine('cli', docs, parallel, async (doc) =>
        (await readWithTesseractCli(doc.pdf)).join('\n'),
      );
      logRun(reference, log);
    }

    const ours = summarise(project);
    const theirs = reference ? summarise(reference) : null;
    const row = (
      label: string,
      key: keyof Summary,
      format: (v: number) => string,
      target: string,
    ) => {
      const a = ours[key];
      const b = theirs?.[key] ?? Number.NaN;
      log(
        `  | ${label.padEnd(34)} | ${format(a).padStart(8)} | ${format(b).padStart(8)} | ${(a / b).toFixed(2).padStart(5)} | ${target.padEnd(7)} |`,
      );
    };
    const seconds = (v: number): string => `${v.toFixed(2)} s`;
    log(`  | ${'figure'.padEnd(34)} |   reader |  tesseract cli | ratio | target  |`);
    row('fields exactly right', 'fields', pct, `≥ ${pct(TARGETS.fields)}`);
    row('fields right (non-empty expected)', 'nonEmptyFields', pct, '');
    row('reference numbers exact', 'references', pct, `≥ ${pct(TARGETS.references)}`);
    row('letter dates exact', 'dates', pct, `≥ ${pct(TARGETS.dates)}`);
    row('character error rate', 'cer', pct, '');
    row(
      `seconds per page (${parallel} at once)`,
      'secondsPerPage',
      seconds,
      `≤ ${TARGETS.secondsPerPage} s`,
    );
    // Wall time follows the machine's load; CPU time per page does much less.
    row('CPU seconds per page', 'cpuSecondsPerPage', seconds, '');

    return {
      measured: { value: ours.fields * 100, unit: '% fields right' },
      reference: { value: (theirs?.fields ?? Number.NaN) * 100, unit: '% fields right' },
    };
  },
};
