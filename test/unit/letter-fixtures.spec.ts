/**
 * Every letter in test/fixtures/letters must parse to its hand-written expected JSON.
 * Spec files may read files; the Thai core itself never does.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLetter } from 'src/thai/letter-parser.js';

const dir = fileURLToPath(new URL('../fixtures/letters/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort();

describe('letter fixtures', () => {
  it('has at least 30 letters, the seed among them, each with its expected JSON', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    expect(names).toContain('seed-moi-sms-links');
    const expected = readdirSync(dir).filter((f) => f.endsWith('.expected.json'));
    expect(expected.map((f) => f.slice(0, -'.expected.json'.length)).sort()).toEqual(names);
  });

  it.each(names)('%s', (name) => {
    const text = readFileSync(`${dir}${name}.txt`, 'utf8');
    const expected: unknown = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8'));
    // Through JSON, as the CLI prints it: the output must be plain data.
    expect(JSON.parse(JSON.stringify(parseLetter(text)))).toEqual(expected);
  });

  it('covers every kind, both urgency and secrecy marks, slips and stamps', () => {
    const parsed = names.map((n) => parseLetter(readFileSync(`${dir}${n}.txt`, 'utf8')));
    expect(new Set(parsed.map((p) => p.kind))).toEqual(new Set(['external', 'memo', 'stamped']));
    expect(parsed.filter((p) => p.urgency !== null).length).toBeGreaterThanOrEqual(5);
    expect(parsed.filter((p) => p.secrecy !== null).length).toBeGreaterThanOrEqual(3);
    const slips = parsed.filter((p) => p.warnings.some((w) => w.code === 'year_slip'));
    expect(slips.length).toBeGreaterThanOrEqual(3);
    const stampCounts = new Set(parsed.map((p) => p.receiptStamps.length));
    for (const n of [0, 1, 2, 3]) expect(stampCounts).toContain(n);
  });
});

describe('letter fixtures under OCR noise that must not matter', () => {
  const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\uFEFF', '\u2060'];

  it.each(names)('%s: zero-width characters, split ำ and CRLF change nothing', (name) => {
    const text = readFileSync(`${dir}${name}.txt`, 'utf8');
    const expected: unknown = JSON.parse(JSON.stringify(parseLetter(text)));
    const noisy = fc.record({
      inserts: fc.array(fc.tuple(fc.nat({ max: text.length }), fc.constantFrom(...ZERO_WIDTH)), {
        maxLength: 40,
      }),
      splitAm: fc.boolean(),
      crlf: fc.boolean(),
    });
    fc.assert(
      fc.property(noisy, ({ inserts, splitAm, crlf }) => {
        let t = splitAm ? text.replace(/\u0E33/g, '\u0E4D\u0E32') : text;
        for (const [at, ch] of [...inserts].sort((a, b) => b[0] - a[0])) {
          t = t.slice(0, at) + ch + t.slice(at);
        }
        if (crlf) t = t.replace(/\r?\n/g, '\r\n');
        expect(JSON.parse(JSON.stringify(parseLetter(t)))).toEqual(expected);
      }),
      { numRuns: 15, seed: 42 },
    );
  });
});

describe('letter fixtures read by OCR that dropped tone marks over upper vowels', () => {
  // What Thai OCR engines do to ที่, เรื่อง, วันที่, สิ่งที่ส่งมาด้วย, ลงวันที่ (measured by
  // `npm run bench -- ocr`): the labels must still be found, so every labelled field is.
  const dropMarks = (s: string): string =>
    s.replace(/ที่/g, 'ที').replace(/เรื่อง/g, 'เรือง').replace(/สิ่ง/g, 'สิง');

  it.each(names)('%s', (name) => {
    const text = readFileSync(`${dir}${name}.txt`, 'utf8');
    const expected = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8')) as ReturnType<
      typeof parseLetter
    >;
    const parsed = parseLetter(dropMarks(text));
    const meaning = (r: ReturnType<typeof parseLetter>['referenceNumber']) =>
      r && {
        prefix: r.agencyPrefix,
        number: r.agencyNumber,
        circular: r.circular,
        serial: r.serial,
      };
    expect(meaning(parsed.referenceNumber)).toEqual(meaning(expected.referenceNumber));
    expect(parsed.letterDate?.date).toEqual(expected.letterDate?.date);
    // Compounds with ที่ (พื้นที่, สถานที่, หน้าที่, แผนที่, ที่ดิน, ท่องเที่ยว …) get it back
    // from their other syllables (src/thai/tone-marks.ts), and so does an ordinal's ที่ glued
    // to its noun before the number (ภาคเรียนที่ ๒); a ที่ alone stays as read.
    const compoundsBack = (s: string): string =>
      s
        .replace(/(?<=พื้น|สถาน|หน้า|ท้อง|แผน)ที(?![\u0E31-\u0E3A\u0E47-\u0E4E])/g, 'ที่')
        .replace(/ที(?=ดิน|อยู่|ตั้ง|พัก|ประชุม)/g, 'ที่')
        .replace(/ท่องเทียว/g, 'ท่องเที่ยว')
        .replace(/(?<=[\u0E01-\u0E4E])(?<!นา|ทัน)ที(?=\s?[0-9\u0E50-\u0E59])/g, 'ที่');
    expect(parsed.subject).toEqual(expected.subject && compoundsBack(dropMarks(expected.subject)));
    expect(parsed.references.map((r) => [r.serial, r.date])).toEqual(
      expected.references.map((r) => [r.serial, r.date]),
    );
    // An enclosure item gets back the words naming an enclosed letter (ที่ before its number,
    // ลงวันที่, ด่วนที่สุด, เรื่อง between two words); every other word stays as read.
    const namingWordsBack = (s: string): string =>
      s
        .replace(/ด่วนทีสุด/g, 'ด่วนที่สุด')
        .replace(/(^|\s)ที(?= [\u0E01-\u0E2E]{2,4} [\u0E50-\u0E590-9])/g, '$1ที่')
        .replace(/วันที(?= [\u0E50-\u0E590-9])/g, 'วันที่')
        .replace(/(?<=\S )เรือง(?= \S)/g, 'เรื่อง');
    expect(parsed.enclosures).toEqual(
      expected.enclosures.map((e) => compoundsBack(namingWordsBack(dropMarks(e)))),
    );
    expect(parsed.receiptStamps.map((s) => [s.receiptNumber, s.date])).toEqual(
      expected.receiptStamps.map((s) => [s.receiptNumber, s.date]),
    );
  });
});
