/**
 * `npx tsx --tsconfig tsconfig.json test/bench/ocr/reparse.ts DIR`: parses again the readings
 * an `npm run bench -- ocr` run saved with BENCH_OCR_DUMP=DIR and scores them with the
 * current parser, without OCR: how a parser change moves the figures on the same readings,
 * and per field how many documents it is wrong in. `--diff` also prints, per document, each
 * wrong field as expected and as parsed; `--diff=subject,signatory` only those fields.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseLetter } from 'src/thai/index.js';
import { LETTER_FIELDS, scoreLetter } from './score.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/letters/', import.meta.url));
const dir = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!dir) throw new Error('usage: reparse.ts DUMP_DIR [--diff[=field,…]]');
const diffArg = process.argv.find((a) => a.startsWith('--diff'));
const diffFields =
  diffArg === undefined
    ? null
    : diffArg.includes('=')
      ? new Set(diffArg.split('=')[1]?.split(','))
      : 'all';

const byEngine = new Map<
  string,
  { fields: number; total: number; refs: boolean[]; dates: boolean[]; wrong: Map<string, number> }
>();
for (const file of readdirSync(dir).sort()) {
  const m = /^(.+)\.(\d+)\.([a-z]+)\.txt$/.exec(file);
  if (!m) continue;
  const [, letter, , engine] = m;
  const text = readFileSync(`${FIXTURES}${letter}.txt`, 'utf8');
  const expected: unknown = JSON.parse(readFileSync(`${FIXTURES}${letter}.expected.json`, 'utf8'));
  const read = readFileSync(join(dir, file), 'utf8');
  const parsed = parseLetter(read);
  const score = scoreLetter(parsed, expected, text, read);
  if (diffFields !== null) {
    for (const field of score.fieldsWrong) {
      if (diffFields !== 'all' && !diffFields.has(field)) continue;
      const want = JSON.stringify((expected as Record<string, unknown>)[field]);
      const got = JSON.stringify((parsed as unknown as Record<string, unknown>)[field]);
      console.log(`${file} ${field}\n  expected ${want}\n  parsed   ${got}`);
    }
  }
  const sums = byEngine.get(engine) ?? {
    fields: 0,
    total: 0,
    refs: [],
    dates: [],
    wrong: new Map<string, number>(),
  };
  sums.fields += score.fieldsRight.length;
  for (const field of score.fieldsWrong) sums.wrong.set(field, (sums.wrong.get(field) ?? 0) + 1);
  sums.total += LETTER_FIELDS.length;
  if (score.referenceExact !== null) sums.refs.push(score.referenceExact);
  if (score.dateExact !== null) sums.dates.push(score.dateExact);
  byEngine.set(engine, sums);
}
const pct = (right: number, all: number): string => `${((right / all) * 100).toFixed(1)}%`;
for (const [engine, s] of byEngine) {
  console.log(
    `${engine}: fields ${pct(s.fields, s.total)}, reference numbers ${pct(s.refs.filter(Boolean).length, s.refs.length)}, letter dates ${pct(s.dates.filter(Boolean).length, s.dates.length)} (${s.total / LETTER_FIELDS.length} documents)`,
  );
  // Which fields the figure loses, most first: where a parser change is worth making.
  const wrong = [...s.wrong].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`);
  console.log(`  documents with the field wrong: ${wrong.join(', ') || 'none'}`);
}
