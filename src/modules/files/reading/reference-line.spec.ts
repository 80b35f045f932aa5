import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from 'src/modules/files/reading/ocr-pool.js';
import { referenceReread, referenceSegment, withReferenceReread } from './reference-line.js';

/**
 * Lines as the engine gives them: words spaced as in the text, each word's box 20 pixels a
 * character from `x`, its symbols one per character with the word's confidence.
 */
function engineLine(text: string, confidence = 0.9, x = 100, y = 200): OcrLine {
  const words: OcrWord[] = [];
  let at = 0;
  for (const piece of text.split(/(\s+)/)) {
    if (piece.trim() !== '') {
      const x0 = x + at * 20;
      words.push({
        text: piece,
        confidence,
        box: { x0, y0: y, x1: x0 + piece.length * 20, y1: y + 40 },
        symbols: [...piece].map((ch, i) => ({
          text: ch,
          confidence,
          box: { x0: x0 + i * 20, y0: y, x1: x0 + (i + 1) * 20, y1: y + 40 },
        })),
      });
    }
    at += piece.length;
  }
  return {
    text,
    confidence,
    box: {
      x0: Math.min(...words.map((w) => w.box.x0)),
      y0: y,
      x1: Math.max(...words.map((w) => w.box.x1)),
      y1: y + 40,
    },
    symbols: words.flatMap((w) => w.symbols),
    words,
  };
}

/**
 * A line as the engine mostly gives Thai: every character a word of its own (their boxes
 * spaced apart, which no test here depends on).
 */
function characterLine(text: string): OcrLine {
  const spread = engineLine([...text].map((ch) => (ch.trim() === '' ? ch : ` ${ch}`)).join(''));
  return { ...spread, text };
}

describe('referenceSegment', () => {
  it('finds the piece up to the serial of a reference line whose head is not Thai', () => {
    const line = engineLine('# NA ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง');
    const segment = referenceSegment(line);
    expect(segment).not.toBeNull();
    // #, NA, ๐๔๐๖.๒/ว, ๑๕๘: not the ministry's name across the gap.
    expect(segment!.words).toBe(4);
    expect(line.text.slice(0, segment!.length)).toBe('# NA ๐๔๐๖.๒/ว ๑๕๘');
    const serial = line.words[3].box;
    expect(segment!.box.x0).toBeLessThan(line.words[0].box.x0);
    expect(segment!.box.x1).toBeGreaterThan(serial.x1);
    expect(segment!.box.x1).toBeLessThan(line.words[4].box.x0);
    expect(segment!.box.y0).toBeLessThan(serial.y0);
    expect(segment!.box.y1).toBeGreaterThan(serial.y1);
  });

  it.each([
    // The code glued to the owner number and read as letters: ที่ ชม ๗๓๕๐๑/๔๔๗.
    ['9 YU ญณ๓๕๐๑/๔๔๗          องค์การบริหารส่วนตำบลหนองหาร', '9 YU ญณ๓๕๐๑/๔๔๗'],
    // ว read as a digit: the serial after it is the segment's too, so the crop holds it.
    ['# ni 0903/2 3156          กรมส่งเสริมการเกษตร', '# ni 0903/2 3156'],
    ['ที กษ 0903/2 3156          กรมส่งเสริมการเกษตร', 'ที กษ 0903/2 3156'],
  ])('finds the segment of %j', (text, piece) => {
    const line = engineLine(text);
    const segment = referenceSegment(line);
    expect(segment).not.toBeNull();
    expect(line.text.slice(0, segment!.length)).toBe(piece);
    expect(segment!.box.x1).toBeLessThan(line.words.at(-1)!.box.x0);
  });

  it.each([
    'ที่ มท ๐๒๑๐.๕/ว ๑๐๕          กระทรวงมหาดไทย',
    'ทึ กษ 0903/ว 3156          กรมส่งเสริมการเกษตร',
    'ที กษ 0903/ว 3156          กรมส่งเสริมการเกษตร',
    'ที่ ชม ๗๓๕๐๑/๔๔๗ ๒๕๖๙',
    'เรื่อง ขอเชิญประชุม ๑๒/๒๕๖๙',
  ])('reads no segment again in %j', (text) => {
    expect(referenceSegment(engineLine(text))).toBeNull();
  });

  it('starts after specks read before the label, and crops from the label', () => {
    // A lone tone mark and a colon far left of the line (dust, an emblem's edge).
    const line = engineLine('๊ :            ท NA ๐๑๒๓.๔/ว ๕๖          กระทรวงการคลัง');
    const segment = referenceSegment(line);
    expect(segment).not.toBeNull();
    // The specks go with the segment; the crop starts at the label's word.
    expect(segment!.words).toBe(6);
    expect(line.text.slice(0, segment!.length)).toBe('๊ :            ท NA ๐๑๒๓.๔/ว ๕๖');
    expect(segment!.box.x0).toBeGreaterThan(line.words[1].box.x1);
    expect(segment!.box.x0).toBeLessThan(line.words[2].box.x0);
    const merged = withReferenceReread(
      line,
      segment!,
      [engineLine('ที่ กค ๐๑๒๓.๔/ว ๕๖', 0.93, 10, 5)],
      { x: 0, y: 0 },
    );
    expect(merged.text).toBe('ที่ กค ๐๑๒๓.๔/ว ๕๖          กระทรวงการคลัง');
    expect(merged.words.map((w) => w.text).at(-1)).toBe('กระทรวงการคลัง');
  });

  it('gives a second crop as tall as the segment’s words, not the line', () => {
    // The unit across the gap sits lower (another column, a skewed page): the line's box
    // reaches far below the reference number's words.
    const line = engineLine('# Aa 04002/1234          สำนักงานคณะกรรมการการศึกษา');
    const unit = line.words[3];
    unit.box = { ...unit.box, y0: 230, y1: 290 };
    line.box = { ...line.box, y1: 290 };
    const segment = referenceSegment(line)!;
    expect(segment.box.y1).toBeGreaterThan(290);
    // 200–240 for the words, a quarter of their height above and below.
    expect(segment.tight).toEqual({ ...segment.box, y0: 190, y1: 250 });
  });

  it.each([
    ['#1 ชร 0033.004/4519      สำนักงานสาธารณสุขจังหวัดเชียงราย'],
    ['เทีกค ๐๔๐๖.๒/ว ๑๕๘'],
    ["ที มท ๐๘๐'๕9.๕๒/ว ๓๒๑"],
  ])('reads again %s', (text) => {
    expect(referenceSegment(engineLine(text))).not.toBeNull();
  });

  it.each([
    ['ที่ มท ๐๒๑๐.๕/๒๖๓          กระทรวงมหาดไทย'],
    ['ที่ ศธ 04002/1234'],
    ['ที สพ ๐๐๐๘/๘๙๔          วันที่ ๓ มีนาคม ๒๕๖๘'],
    ['๊  ที ลย ๐๐๒๓.๔/ว ๑๒'],
    ['อ้างถึง หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๐๘.๒/ว ๑๒ ลงวันที่ ๙ มกราคม ๒๕๖๙'],
    ['เรียน ผู้ว่าราชการจังหวัดสงขลา'],
    ['๑๔ มกราคม ๒๕๖๙'],
  ])('leaves %s alone', (text) => {
    expect(referenceSegment(engineLine(text))).toBeNull();
  });
});

describe('withReferenceReread', () => {
  const line = engineLine('# NA ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง');
  const segment = referenceSegment(line)!;
  const origin = { x: 80, y: 190 };

  it('takes the Thai reading of the segment, placed on the page, and keeps the rest', () => {
    const reread = engineLine('ที่ กค ๐๔๐๖.๒/ว ๑๕๘', 0.93, 10, 5);
    const merged = withReferenceReread(line, segment, [reread], origin);
    expect(merged.text).toBe('ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง');
    expect(merged.words.map((w) => w.text)).toEqual([
      'ที่',
      'กค',
      '๐๔๐๖.๒/ว',
      '๑๕๘',
      'กระทรวงการคลัง',
    ]);
    // Page pixels: the crop's box moved by where the crop was taken.
    expect(merged.words[0].box).toEqual({ x0: 90, y0: 195, x1: 150, y1: 235 });
    expect(merged.words[0].symbols[0].box).toEqual({ x0: 90, y0: 195, x1: 110, y1: 235 });
    // The engine's own confidences: the re-read's for the segment, the page's for the rest.
    expect(merged.symbols.map((s) => s.text).join('')).toBe('ที่กค๐๔๐๖.๒/ว๑๕๘กระทรวงการคลัง');
    expect(merged.words[0].confidence).toBe(0.93);
    expect(merged.words[4].confidence).toBe(0.9);
    expect(merged.confidence).toBe(line.confidence);
    expect(merged.box).toEqual(line.box);
  });

  it('leaves out specks read before the label and after the serial', () => {
    const reread = engineLine('๊:   ที่ กค ๐๔๐๖.๒/ว ๑๕๘ า', 0.93, 0, 5);
    const merged = withReferenceReread(line, segment, [reread], origin);
    expect(merged.text).toBe('ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง');
    expect(merged.words.map((w) => w.text).slice(0, 4)).toEqual(['ที่', 'กค', '๐๔๐๖.๒/ว', '๑๕๘']);
  });

  it('leaves out a stray letter read at the crop’s edge before the label', () => {
    const reread = engineLine('ทที่ กค ๐๔๐๖.๒/ว ๑๕๘', 0.93, 10, 5);
    expect(withReferenceReread(line, segment, [reread], origin).text).toBe(
      'ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง',
    );
  });

  it('passes the reading through the digit reader before checking it', () => {
    const reread = engineLine('ที่ กค ๐๔๐๖.๒/ว ฒ๐', 0.93, 10, 5);
    // As the digit reader gives it: the word, its symbols and the text all changed.
    const digits = (l: OcrLine): OcrLine => {
      const words = l.words.map((w) =>
        w.text === 'ฒ๐'
          ? { ...w, text: '๗๐', symbols: w.symbols.map((s, i) => ({ ...s, text: '๗๐'[i] })) }
          : w,
      );
      return {
        ...l,
        text: l.text.replace('ฒ๐', '๗๐'),
        words,
        symbols: words.flatMap((w) => w.symbols),
      };
    };
    // Without the digit reader the serial is not digits: only the label and code are taken.
    expect(withReferenceReread(line, segment, [reread], origin).text).toBe(
      'ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง',
    );
    expect(withReferenceReread(line, segment, [reread], origin, digits).text).toBe(
      'ที่ กค ๐๔๐๖.๒/ว ๗๐          กระทรวงการคลัง',
    );
  });

  it.each([
    ['ที่ " 04002/1234', 'no letter code'],
    ['ทสอ0๒ยป', 'no label and no slash'],
    ['# NA ๐๔๐๖.๒/ว ๑๕๘', 'no Thai head'],
    ['ที่ ศอฮี ๐๒๑๐.๓/ว ๒๒', 'a letter code with a vowel'],
    ['หนังสือที่ กค ๐๔๐๖.๒/ว ๑๕๘', 'more than a speck before the label'],
  ])('keeps the line as read when the reading is %s (%s)', (text) => {
    expect(withReferenceReread(line, segment, [engineLine(text, 0.93, 10, 5)], origin)).toBe(line);
  });

  it('takes only the label and code when the reading lost the number or the slash', () => {
    for (const text of ['ที่ กค 0 ๓๐', 'ที่กค ๑๕๐๒๒๓๐. ป', 'ที กค ๐๔๐๖.๒ ว']) {
      const merged = withReferenceReread(line, segment, [engineLine(text, 0.93, 10, 5)], origin);
      expect(merged.text.startsWith('ที'), text).toBe(true);
      expect(merged.text.replace(/^ที่? /, ''), text).toBe('กค ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง');
      // The page's own words from the number on, with their confidences.
      expect(merged.words.slice(-3)).toEqual(line.words.slice(-3));
      expect(merged.words[0].confidence).toBe(0.93);
    }
  });

  it('takes a reading whose ที่ came as ทึ, as the parser reads it', () => {
    const page = engineLine('# ni 0903/2 3156          กรมส่งเสริมการเกษตร');
    const own = referenceSegment(page)!;
    const merged = withReferenceReread(
      page,
      own,
      [engineLine('ทึ กษ 0903/ว 3156', 0.93, 10, 5)],
      origin,
    );
    expect(merged.text).toBe('ทึ กษ 0903/ว 3156          กรมส่งเสริมการเกษตร');
    // A label that is no ที่ at all is not taken.
    const other = withReferenceReread(
      page,
      own,
      [engineLine('ทา กษ 0903/ว 3156', 0.93, 10, 5)],
      origin,
    );
    expect(other).toBe(page);
  });

  it('takes the code when the page read the label as a digit', () => {
    const page = engineLine('1 NA ๐๑๒๓.๔/ว mo          กรมบัญชีกลาง');
    const own = referenceSegment(page)!;
    expect(own.words).toBe(4);
    const merged = withReferenceReread(page, own, [engineLine('ที่ กค 0 ๓๐', 0.93, 10, 5)], origin);
    expect(merged.text).toBe('ที่ กค ๐๑๒๓.๔/ว mo          กรมบัญชีกลาง');
    expect(merged.words.map((w) => w.text)).toEqual(['ที่', 'กค', '๐๑๒๓.๔/ว', 'mo', 'กรมบัญชีกลาง']);
  });

  it.each([
    ['ที่ สฮิ ๐๒๑๑.๐๕/วิ ๓๓๓๑๓', 'สฮ'],
    ['ที่ มุท ๐๒๐๕', 'มท'],
    ['ที่ ก่ค์ ๐๔๐๖ ว', 'กค'],
  ])('takes the code of %s without the marks read on it', (text, code) => {
    const merged = withReferenceReread(line, segment, [engineLine(text, 0.93, 10, 5)], origin);
    expect(merged.text).toBe(`ที่ ${code} ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง`);
    // Words and symbols stay in step with the text: no mark is left in the code's word.
    expect(merged.words.map((w) => w.text).slice(0, 2)).toEqual(['ที่', code]);
    expect(merged.words[1].symbols.map((s) => s.text).join('')).toBe(code);
    expect(merged.symbols.map((s) => s.text).join('')).toBe(merged.text.replace(/\s+/g, ''));
  });

  it.each([
    ['ที่ กค๐๔๐๖.๒ ว', 'nothing'],
    ['ที่ กคะ๐๔๐๖.๒ ว', 'a vowel'],
    ['ที่ กค.๐๔๐๖.๒ ว', 'a dot'],
  ])('takes the code run into the digits with %s between them', (text) => {
    const merged = withReferenceReread(line, segment, [engineLine(text, 0.93, 10, 5)], origin);
    expect(merged.text).toBe('ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กระทรวงการคลัง');
    // The code's own symbols as a word; the page's words from the number on.
    expect(merged.words.map((w) => w.text).slice(0, 3)).toEqual(['ที่', 'กค', '๐๔๐๖.๒/ว']);
    expect(merged.words[1].symbols.map((s) => s.text).join('')).toBe('กค');
    // Its box is its symbols', not the whole word's it was cut from.
    expect(merged.words[1].box.x1).toBe(merged.words[1].symbols[1].box!.x1);
    expect(merged.symbols.map((s) => s.text).join('')).toBe(merged.text.replace(/\s+/g, ''));
  });

  it.each([
    ['ที่ กคอ๔๐๖.๒ ว', 'three letters run into the digits: ๐ may be read as อ'],
    ['ที่กค๐๔๐๖.๒ ว', 'the label run into the code and the digits'],
    ['ที่ กคา๐๔๐๖ ว', 'a vowel after the code that no gap is read as'],
    ['ที่ ศอฮี ๐๒๑๐ ว', 'a code of three letters with a vowel'],
    ['ที่ ศึกษา ๐๒๑๐ ว', 'a word with vowels'],
    ['ที่ กค', 'no number after the code'],
    ['# กค ๐๔๐๖ ว', 'no label'],
  ])('takes no code from %s (%s)', (text) => {
    expect(withReferenceReread(line, segment, [engineLine(text, 0.93, 10, 5)], origin)).toBe(line);
  });

  it.each([
    ['ที มุท๐๒๐๕/๑๒          กองคลัง', 'ที่ มท ๐๒๐๕/๑๒          กองคลัง'],
    ['ที สฮิ๐๒๑๑.๐๔/ว ๓๓๓          กรมควบคุมโรค', 'ที่ สธ ๐๒๑๑.๐๔/ว ๓๓๓          กรมควบคุมโรค'],
    ['ที NA๐๔๐๖.๒/ว ๑๕๘          กรมบัญชีกลาง', 'ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กรมบัญชีกลาง'],
  ])('starts the number at the digits the page read glued to its code: %s', (text, want) => {
    // The engine reads Thai a character a word: the number's first digits come right after
    // the code's letters, not after the six characters the segment's head may hold.
    const page = characterLine(text);
    const own = referenceSegment(page)!;
    expect(own).not.toBeNull();
    const code = want.split(' ')[1];
    const reread = engineLine(`ที่ ${code}ุ ${want.split(' ')[2]}`, 0.93, 10, 5);
    const merged = withReferenceReread(page, own, [reread], origin);
    expect(merged.text).toBe(want);
    expect(merged.symbols.map((s) => s.text).join('')).toBe(merged.text.replace(/\s+/g, ''));
  });

  it.each([
    // One letter before the digit: a misread letter of the code (ธ as 1), not the number's.
    ['ที ศ1 ๐๒๑๐.๓/๑๒          โรงเรียนบ้านหนองบัว', 'ที่ ศธ ๐๒๑๐.๓/๑๒          โรงเรียนบ้านหนองบัว'],
    // A digit glued to the label, not to the code: the number is the next word's.
    ['ที1 NA ๐๔๐๖.๒/ว ๑๕๘          กรมบัญชีกลาง', 'ที่ กค ๐๔๐๖.๒/ว ๑๕๘          กรมบัญชีกลาง'],
  ])('keeps the number where it was when the page read %s', (text, want) => {
    const page = characterLine(text);
    const own = referenceSegment(page)!;
    const code = want.split(' ')[1];
    const merged = withReferenceReread(page, own, [engineLine(`ที่ ${code}ุ ๐`, 0.93, 10, 5)], origin);
    expect(merged.text).toBe(want);
  });

  it('never replaces a Thai code the page read', () => {
    const thai = engineLine('ที่ ศธ ๐๒๓๑๐.๓/ว bln          กระทรวงศึกษาธิการ');
    const own = referenceSegment(thai)!;
    expect(own).not.toBeNull();
    expect(
      withReferenceReread(thai, own, [engineLine('ที่ ศอ ๐๒๑๐.สหว ๒๒', 0.93, 10, 5)], origin),
    ).toBe(thai);
  });

  it('keeps the line when the engine read nothing', () => {
    expect(withReferenceReread(line, segment, [], origin)).toBe(line);
  });

  it.each([
    ['ที่ กค ๐๔๐๖.๒/ว ๑๕๘', 'number'],
    ['ที่ กค 0 ๓๐', 'code'],
    ['ที่ " 04002/1234', null],
  ])('tells what it took from %s: %s', (text, taken) => {
    const result = referenceReread(line, segment, [engineLine(text, 0.93, 10, 5)], origin);
    expect(result.taken).toBe(taken);
    expect(result.line === line).toBe(taken === null);
  });
});
