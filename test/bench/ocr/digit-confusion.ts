/**
 * `npx tsx --tsconfig tsconfig.json test/bench/ocr/digit-confusion.ts SAMPLES.json…`: the digit
 * reader's matching (`readDigitShape`) over the scanned digits `digit-samples.ts` wrote: which
 * digit each was read as, per font, and how many of the wrong ones kept a confidence high
 * enough to pass unflagged.
 */
import { readFileSync } from 'node:fs';
import { readDigitShape } from 'src/modules/files/reading/thai-digits/reread.js';
import type { DigitSample } from './digit-samples.js';

/** A digit read at or above this confidence is not flagged (field-confidence's threshold). */
const SURE = 0.75;

const samples = process.argv
  .slice(2)
  .flatMap((file) => JSON.parse(readFileSync(file, 'utf8')) as DigitSample[]);
const DIGITS = [...'๐๑๒๓๔๕๖๗๘๙'];

interface Tally {
  total: number;
  right: number;
  wrongSure: number;
  wrongUnsure: number;
  rightUnsure: number;
  confusions: Map<string, number>;
}
const tallies = new Map<string, Tally>();
const tally = (key: string): Tally => {
  let t = tallies.get(key);
  if (!t) {
    t = { total: 0, right: 0, wrongSure: 0, wrongUnsure: 0, rightUnsure: 0, confusions: new Map() };
    tallies.set(key, t);
  }
  return t;
};

for (const sample of samples) {
  const match = readDigitShape(
    sample.width,
    sample.height,
    (x, y) => sample.ink[y * sample.width + x] === '1',
  );
  for (const key of [`${sample.font} ${sample.digit}`, `${sample.font} all`, 'all']) {
    const t = tally(key);
    t.total++;
    const sure = match.confidence >= SURE;
    if (match.digit === sample.digit) {
      t.right++;
      if (!sure) t.rightUnsure++;
    } else {
      if (sure) t.wrongSure++;
      else t.wrongUnsure++;
      const pair = `${sample.digit}→${match.digit}${sure ? '' : '?'}`;
      t.confusions.set(pair, (t.confusions.get(pair) ?? 0) + 1);
    }
  }
}

const keys = [
  ...['sarabun', 'taviraj'].flatMap((font) => [
    ...DIGITS.map((d) => `${font} ${d}`),
    `${font} all`,
  ]),
  'all',
];
for (const key of keys) {
  const t = tallies.get(key);
  if (!t) continue;
  const confusions = [...t.confusions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([pair, n]) => `${pair} ${n}`)
    .join(', ');
  console.log(
    `${key.padEnd(12)} ${String(t.total).padStart(5)}  right ${((100 * t.right) / t.total).toFixed(1).padStart(5)}%` +
      `  wrong sure ${String(t.wrongSure).padStart(3)}  wrong flagged ${String(t.wrongUnsure).padStart(3)}` +
      `  right flagged ${String(t.rightUnsure).padStart(4)}  ${confusions}`,
  );
}
