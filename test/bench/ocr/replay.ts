/**
 * `npx tsx --tsconfig tsconfig.json test/bench/ocr/replay.ts DUMP_DIR [held-out]`: reads the
 * test set (or the held-out set) with `readPdf` as `npm run bench -- ocr` does, with the
 * engine's output kept on disk by the hash of the image it was given
 * (BENCH_OCR_ENGINE_CACHE, default `$TMPDIR/saraban-ocr-engine`). The first run costs a full
 * run; after it, a change to the reader's later steps (the digit reader, the reference line)
 * replays in a minute, and an image the change crops anew is recognised and kept. Writes each
 * document's text to DUMP_DIR for `reparse.ts` and prints the reference numbers and letter
 * dates exact, and the CPU seconds per page outside the engine (a cached engine costs none).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OcrPool, type OcrLine } from 'src/modules/files/reading/ocr-pool.js';
import { readPdf } from 'src/modules/files/reading/pdf-reader.js';
import { parseLetter } from 'src/thai/index.js';
import { scoreLetter } from './score.js';
import { buildTestSet, lettersFromEnvironment } from './test-set.js';

const cache = process.env.BENCH_OCR_ENGINE_CACHE ?? join(tmpdir(), 'saraban-ocr-engine');
const [dump, letters] = process.argv.slice(2);
if (!dump) throw new Error('usage: replay.ts DUMP_DIR [held-out]');
mkdirSync(cache, { recursive: true });
mkdirSync(dump, { recursive: true });

const pool = new OcrPool({ size: 2 });
let recognised = 0;
async function cached(
  kind: 'page' | 'line',
  image: Buffer,
  read: () => Promise<OcrLine[]>,
): Promise<OcrLine[]> {
  const file = join(cache, `${kind}.${createHash('sha256').update(image).digest('hex')}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as OcrLine[];
  recognised++;
  const lines = await read();
  writeFileSync(file, JSON.stringify(lines));
  return lines;
}
// readPdf uses these two methods of the pool alone.
const engine = {
  recognize: (image: Buffer) => cached('page', image, () => pool.recognize(image)),
  recognizeLine: (image: Buffer) => cached('line', image, () => pool.recognizeLine(image)),
} as unknown as OcrPool;

const docs = await buildTestSet({ letters: lettersFromEnvironment(letters) });
const refs: boolean[] = [];
const dates: boolean[] = [];
const cpuBefore = process.cpuUsage();
let next = 0;
try {
  await Promise.all(
    [0, 1].map(async () => {
      while (next < docs.length) {
        const doc = docs[next++];
        const reading = await readPdf(doc.pdf, { ocr: engine });
        const text = reading.pages.map((p) => p.text).join('\n');
        writeFileSync(join(dump, `${doc.id.replace('#', '.')}.reader.txt`), text);
        const score = scoreLetter(parseLetter(text), doc.expected, doc.text, text);
        if (score.referenceExact !== null) refs.push(score.referenceExact);
        if (score.dateExact !== null) dates.push(score.dateExact);
      }
    }),
  );
} finally {
  await pool.close();
}
const cpu = process.cpuUsage(cpuBefore);
const pages = docs.reduce((n, d) => n + d.pages, 0);
const right = (values: boolean[]): string => `${values.filter(Boolean).length}/${values.length}`;
console.log(
  `${docs.length} documents: reference numbers ${right(refs)}, letter dates ${right(dates)}; ` +
    `${recognised} images recognised, ${((cpu.user + cpu.system) / 1e6 / pages).toFixed(2)} CPU s per page`,
);
