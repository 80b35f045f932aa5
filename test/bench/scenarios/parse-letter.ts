import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeDocumentText, parseLetter } from 'src/thai/index.js';
import type { BenchScenario } from '../scenario.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/letters/', import.meta.url));
/** Passes over every fixture letter; the same budget for the figure and its reference. */
const ROUNDS = 100;
/** Enough passes for the JIT to settle before anything is timed. */
const WARM_UP_ROUNDS = 40;

function letterFiles(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `${FIXTURES}${f}`);
}

/** Runs `rounds` passes of `work` over every file; returns letters per second. */
function lettersPerSecond(
  files: string[],
  rounds: number,
  work: (path: string) => unknown,
): number {
  let sink = 0;
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const file of files) if (work(file) !== null) sink++;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sink !== rounds * files.length) throw new Error('a letter produced nothing');
  return (rounds * files.length) / seconds;
}

/**
 * parseLetter over the OCR texts of every fixture letter (read from disk, as the CLI does)
 * vs the floor of just reading and normalising the same texts. One core, no workers.
 */
export const parseLetterScenario: BenchScenario = {
  name: 'parse-letter',
  description: `parseLetter over every fixture letter × ${ROUNDS} (read + parse) vs read + normalise`,
  async run(log) {
    const files = letterFiles();
    const bytes = files.reduce((n, f) => n + Buffer.byteLength(readFileSync(f, 'utf8')), 0);
    log(`  ${files.length} letters, ${(bytes / files.length / 1024).toFixed(1)} KiB on average`);

    const read = (f: string): string => readFileSync(f, 'utf8');
    lettersPerSecond(files, WARM_UP_ROUNDS, (f) => parseLetter(read(f)));
    lettersPerSecond(files, WARM_UP_ROUNDS, (f) => normalizeDocumentText(read(f)));

    const parsed = lettersPerSecond(files, ROUNDS, (f) => parseLetter(read(f)));
    const normalised = lettersPerSecond(files, ROUNDS, (f) => normalizeDocumentText(read(f)));

    // Texts are read anew each time: V8 caches work on a string it has seen (split results),
    // so parsing the same string objects again would flatter the figure.
    log(`  ${(1000 / parsed).toFixed(3)} ms per letter read and parsed`);

    return {
      measured: { value: parsed, unit: 'letters/s' },
      reference: { value: normalised, unit: 'letters/s' },
    };
  },
};
