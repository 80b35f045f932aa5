/**
 * `npx tsx --tsconfig tsconfig.json test/bench/ocr/diff.ts DIR [FIELD…]`: for the readings an
 * `npm run bench -- ocr` run saved with BENCH_OCR_DUMP=DIR, every document whose parsed field
 * differs from the letter's expected JSON, expected and parsed side by side (all fields, or the
 * ones named): where the parser goes wrong, one document at a time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parseLetter } from 'src/thai/index.js';
import { LETTER_FIELDS, matchesExpected, type LetterField } from './score.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/letters/', import.meta.url));
const [dir, ...named] = process.argv.slice(2);
if (!dir) throw new Error('usage: diff.ts DUMP_DIR [FIELD…]');
const fields = (named.length > 0 ? named : LETTER_FIELDS) as LetterField[];

const show = (value: unknown): string => JSON.stringify(value);
for (const file of readdirSync(dir).sort()) {
  if (!/^(.+)\.(\d+)\.([a-z]+)\.txt$/.test(file)) continue;
  const letter = file.replace(/\.\d+\.[a-z]+\.txt$/, '');
  const expected = JSON.parse(readFileSync(`${FIXTURES}${letter}.expected.json`, 'utf8')) as Record<
    string,
    unknown
  >;
  const parsed = JSON.parse(
    JSON.stringify(parseLetter(readFileSync(join(dir, file), 'utf8'))),
  ) as Record<string, unknown>;
  for (const field of fields) {
    if (matchesExpected(parsed[field], expected[field])) continue;
    console.log(`${file} ${field}`);
    console.log(`  expected ${show(expected[field])}`);
    console.log(`  parsed   ${show(parsed[field])}`);
  }
}
