import { describe, expect, it } from 'vitest';
import {
  cellsOf,
  contactStart,
  damagedMarkOnly,
  dateOnlyCell,
  isMarkOnly,
  labelOf,
  leadingMarks,
  looseDateCell,
  maskLine,
  maskSpecks,
  parenthesisedName,
  refLabelEnd,
  startsBodyParagraph,
  startsCell,
  startsWithPersonTitle,
  nameTitleRepaired,
  unitStartRepaired,
  unitWordsToneSpeckDropped,
  startsWithUnitWord,
  toLines,
  type Line,
} from 'src/thai/letter-text.js';
import { toMatchForm } from 'src/thai/normalize.js';

const line = (text: string): Line => ({ text, match: toMatchForm(text) });

describe('line model', () => {
  it('splits a document into lines with their match form', () => {
    expect(toLines('ที่ มท ๐๒๑๐/๑\no๑')).toEqual([
      { text: 'ที่ มท ๐๒๑๐/๑', match: 'ที่ มท 0210/1' },
      { text: 'o๑', match: '01' },
    ]);
  });

  it('masks keep offsets', () => {
    const l = line('ที่ มท ๑/๒   เลขรับ ๙');
    maskLine(l, 12);
    expect(l.text).toBe('ที่ มท ๑/๒' + ' '.repeat(l.text.length - 'ที่ มท ๑/๒'.length));
    expect(l.match.length).toBe(l.text.length);
  });

  it('splits cells at column gaps only', () => {
    expect(cellsOf('ที่ มท ๑/๒      กระทรวงมหาดไทย').map((c) => c.text)).toEqual([
      'ที่ มท ๑/๒',
      'กระทรวงมหาดไทย',
    ]);
    expect(startsCell('ก ข    ค', 7)).toBe(true);
    expect(startsCell('ก ข ค', 4)).toBe(false);
  });
});

describe('labels', () => {
  it.each([
    ['เรื่อง  ขอเชิญประชุม', 'subject', 'ขอเชิญประชุม'],
    ['เรื่อง: ขอเชิญประชุม', 'subject', 'ขอเชิญประชุม'],
    ['เรียน ผู้ว่าราชการจังหวัด', 'salutation', 'ผู้ว่าราชการจังหวัด'],
    ['ถึง  นายอำเภอ ทุกอำเภอ', 'to', 'นายอำเภอ ทุกอำเภอ'],
    ['อ้างถึง  หนังสือ', 'cited', 'หนังสือ'],
    ['สิ่งที่ส่งมาด้วย  แบบรายงาน', 'enclosure', 'แบบรายงาน'],
    ['สิ่งที่แนบมาด้วย  แบบรายงาน', 'enclosure', 'แบบรายงาน'],
    ['ส่วนราชการ  กองคลัง', 'unit', 'กองคลัง'],
    ['บันทึกข้อความ', 'memoHead', ''],
    ['วันที่ ๑๕ มกราคม ๒๕๖๙', 'date', '๑๕ มกราคม ๒๕๖๙'],
    ['สำเนาส่ง  นายอำเภอ', 'copies', 'นายอำเภอ'],
    ['    ขอแสดงความนับถือ', 'closing', ''],
  ])('%j → %s', (text, label, content) => {
    expect(labelOf(line(text))).toMatchObject({ label, content });
  });

  it.each(['เรียนรู้การทำงาน', 'ถึงแม้ว่า', 'วันที่ประชุม', 'ส่วนราชการที่เกี่ยวข้อง', 'ด้วยกระทรวง'])(
    '%j is not a label',
    (text) => {
      expect(labelOf(line(text))).toBeNull();
    },
  );

  it('knows a ที่ line from ที่ประชุม', () => {
    expect(refLabelEnd('ที่ มท 0210/1')).toBe(4);
    expect(refLabelEnd('ที่มท0210/1')).toBe(3);
    expect(refLabelEnd('ที่ประชุม 1/2569')).toBeNull();
  });
});

describe('marks', () => {
  it.each([
    ['ด่วนที่สุด', 'ด่วนที่สุด', null],
    ['ด่วน ที่สุด', 'ด่วนที่สุด', null],
    ['ด่วนมาก  ลับมาก', 'ด่วนมาก', 'ลับมาก'],
    ['  ลับ  ', null, 'ลับ'],
    ['(ลับ)', null, 'ลับ'],
    ['| ด่วน |', 'ด่วน', null],
    ['- ลับที่สุด -', null, 'ลับที่สุด'],
  ])('%j is a mark line', (text, speed, secrecy) => {
    expect(isMarkOnly(line(text))).toMatchObject({ speed, secrecy });
  });

  it.each(['สายด่วน ๑๕๕๖', 'ด่วนที่สุด ที่ ศค ๐๒๑๓/ว ๒', 'ลับเฉพาะ', 'ความลับ', ''])(
    '%j is not a mark line',
    (text) => {
      expect(isMarkOnly(line(text))).toBeNull();
    },
  );

  it('reads marks before other text and says where they end', () => {
    const l = line('ด่วนที่สุด ที่ มท ๐๒๑๐/๑');
    const marks = leadingMarks(l);
    expect(marks.speed).toBe('ด่วนที่สุด');
    expect(l.text.slice(marks.end)).toBe('ที่ มท ๐๒๑๐/๑');
  });
});

describe('people, units and contacts', () => {
  it('reads a name in parentheses', () => {
    expect(parenthesisedName(line('   ( นายสมชาย  ใจดี )  '))).toBe('นายสมชาย ใจดี');
    expect(parenthesisedName(line('(123)'))).toBeNull();
    expect(parenthesisedName(line('(นาย ก) และ (นาย ข)'))).toBeNull();
  });

  it('leaves out the specks a scan puts beside and inside a name in parentheses', () => {
    expect(parenthesisedName(line("' (นายประยูร แก้วมณี)"))).toBe('นายประยูร แก้วมณี');
    expect(parenthesisedName(line('(นางสาวจิราพร ศรีสุข) 7'))).toBe('นางสาวจิราพร ศรีสุข');
    expect(parenthesisedName(line('( . นายธนพล บุญมา 0)'))).toBe('นายธนพล บุญมา');
    expect(parenthesisedName(line('(“นางวิไล ทองสุข ่)'))).toBe('นางวิไล ทองสุข');
    // A lone Thai letter is part of the name; text beside the parentheses is not a speck.
    expect(parenthesisedName(line('(นายกิตติ ณ ระนอง)'))).toBe('นายกิตติ ณ ระนอง');
    expect(parenthesisedName(line('ลงชื่อ (นายกิตติ ณ ระนอง)'))).toBeNull();
    expect(parenthesisedName(line('(๑) แบบรายงาน'))).toBeNull();
    expect(parenthesisedName(line('( 7 )'))).toBeNull();
  });

  it('knows titles, unit words, contact lines and body openings', () => {
    expect(startsWithPersonTitle('นางสาวสุดา')).toBe(true);
    expect(startsWithPersonTitle('สมชาย')).toBe(false);
    expect(startsWithUnitWord('กลุ่มงานยุทธศาสตร์')).toBe(true);
    expect(startsWithUnitWord('ผู้ว่าราชการจังหวัด')).toBe(false);
    // A listed abbreviation before a name, also one opening with a leading vowel.
    expect(startsWithUnitWord('อบต.แม่กาษา')).toBe(true);
    expect(startsWithUnitWord('ทต.โคกสี')).toBe(true);
    expect(startsWithUnitWord('ทต. เมืองใหม่')).toBe(true);
    // Not an abbreviation with its dot: a word.
    expect(startsWithUnitWord('ทตโคกสี')).toBe(false);
    expect(startsWithUnitWord('ทต.1')).toBe(false);
    expect(contactStart('กองคลัง โทร. ๐ ๒๒๒๒ ๑๑๑๑')).toBe(8);
    expect(contactStart('หมายเลขโทรศัพท์')).toBeNull();
    // โทร. read as Latin look-alikes before a number.
    expect(contactStart('กลุ่มงานทรัพยากรบุคคล TNs. ๐ ฒ๓๒๔ ๔๗๑๑')).toBe(22);
    expect(contactStart('กลุ่มงานทรัพยากรบุคคล ns. 0 7324 4711')).toBe(22);
    expect(contactStart('กลุ่มงานทรัพยากรบุคคล TNs. ศูนย์')).toBeNull();
    expect(startsBodyParagraph('ตามที่กระทรวง')).toBe(true);
    expect(startsBodyParagraph('แบบรายงาน')).toBe(false);
  });
});

describe('dateOnlyCell', () => {
  it.each([
    ['๑๒ มกราคม ๒๕๖๙', '2026-01-12'],
    ['          ๑๒  มกราคม  ๒๕๖๙', '2026-01-12'],
    ['วันที่ ๑๒ มกราคม ๒๕๖๙', '2026-01-12'],
    ['๑๒ มกราคม ๒๕๖๙          (ครุฑ)', '2026-01-12'],
    ['กรมการปกครอง        ๑๒ มกราคม ๒๕๖๙', '2026-01-12'],
  ])('%j → %s', (text, date) => {
    expect(dateOnlyCell(line(text))?.date).toBe(date);
  });

  it.each(['ศูนย์ราชการเฉลิมพระเกียรติ ๘๐ พรรษา ๕ ธันวาคม ๒๕๕๐', 'ภายในวันที่ ๓๐ มกราคม ๒๕๖๙ นั้น'])(
    '%j has no date of its own',
    (text) => {
      expect(dateOnlyCell(line(text))).toBeNull();
    },
  );
});

describe('scanner specks', () => {
  const masked = (...texts: string[]): string[] => {
    const lines = texts.map(line);
    maskSpecks(lines);
    return lines.map((l) => l.text.trimEnd());
  };

  it('blanks a speck cell at either end of a line, after a column gap', () => {
    expect(masked('&      (นางสาวอรุณี ศักดิ์สิทธิ์)         ร')).toEqual(['       (นางสาวอรุณี ศักดิ์สิทธิ์)']);
    expect(masked('(นายแพทย์วรวุฒิ ชัยมงคล)        0 0')).toEqual(['(นายแพทย์วรวุฒิ ชัยมงคล)']);
    expect(masked('Co      เรื่อง การประชุม')[0]?.trimStart()).toBe('เรื่อง การประชุม');
    expect(masked('กองการเงินการคลังภาครัฐ          Ei')).toEqual(['กองการเงินการคลังภาครัฐ']);
    expect(masked('กลุ่มงานการเจ้าหน้าที่       7')).toEqual(['กลุ่มงานการเจ้าหน้าที่']);
  });

  it('blanks signs read before a date or a stamp keyword at the start of a line', () => {
    expect(masked('- | วันที 24 ส.ค. 2570')).toEqual(['    วันที 24 ส.ค. 2570']);
    expect(masked('.วันที่ ๑๕ มิ.ย. ๒๕๖๙')).toEqual([' วันที่ ๑๕ มิ.ย. ๒๕๖๙']);
    expect(masked(': เลขรับ ๘๘๑')).toEqual(['  เลขรับ ๘๘๑']);
    expect(masked('_เวลา ๑๐.๔๐ น.')).toEqual([' เวลา ๑๐.๔๐ น.']);
    // Before any other word, or before a header's label (read, and flagged, by the header's
    // own reading), the signs stay; so does a page's marker.
    expect(masked('- สำนักงานจังหวัดน่าน')).toEqual(['- สำนักงานจังหวัดน่าน']);
    expect(masked('.เรียน ผู้ว่าราชการจังหวัดน่าน')).toEqual(['.เรียน ผู้ว่าราชการจังหวัดน่าน']);
    expect(masked('- ๒ -')).toEqual(['- ๒ -']);
    expect(masked('- วันที่ดี')).toEqual(['- วันที่ดี']);
  });

  it('blanks a line of nothing but specks', () => {
    expect(masked('a     vw        cw a      a', '2', '.  “')).toEqual(['', '', '']);
    // Scattered over the line, a lone Thai letter with a mark is dust too.
    expect(
      masked('ฆ/                        =      ร่                             ow ณี่          a'),
    ).toEqual(['']);
    // Latin letters with a bracket are dust too; a bracket round a digit or a Thai letter
    // is an item number.
    expect(masked('v          Iv)              iy         -            a')).toEqual(['']);
    expect(masked('(1)      (2)      (3)', '(ก)      (ข)      (ค)')).toEqual([
      '(1)      (2)      (3)',
      '(ก)      (ข)      (ค)',
    ]);
    // Two short cells are not enough to call a line dust: ที่  ๑ / ลับ  ก.
    expect(masked('ร่      a')[0]?.trim()).toBe('ร่');
  });

  it('keeps what carries meaning: labels, Thai digits, item numbers, numbers, words', () => {
    const kept = [
      'ที่  รอ ๐๐๑๗.๑/๔๕๖          วันที่  ๙  เมษายน  ๒๕๖๙',
      '๑.  หลักเกณฑ์การเบิกจ่าย',
      '1.  หลักเกณฑ์การเบิกจ่าย',
      'รับที่   12',
      'ลับ',
      '(๒)',
      'เวลา ๑๐.๓๐   น.',
      'จำนวน  1  ฉบับ',
      'เลขรับ   5',
      'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาขอนแก่น เขต   2',
    ];
    expect(masked(...kept)).toEqual(kept);
  });
});

describe('contact lines as OCR reads them', () => {
  it('finds โทร. run into the unit name, and its Latin look-alike ns.', () => {
    const unit = 'กลุ่มส่งเสริมและพัฒนาการผลิต';
    expect(contactStart(`${unit}โทร. o ๓๕๕๓ ๕๐๖๑`)).toBe(unit.length);
    expect(contactStart(`${unit}โทรศัพท์ ๐ ๓๕๕๓ ๕๐๖๑`)).toBe(unit.length);
    expect(contactStart('ns. ๑ ๔๓๕๐๑๑ ๑๓๒')).toBe(0);
    expect(contactStart(`${unit} ns. 0 2222 1141`)).toBe(unit.length + 1);
  });

  it('needs a number after it: a unit named for television, a word with ns, stay', () => {
    expect(contactStart('สถานีวิทยุโทรทัศน์แห่งประเทศไทย')).toBeNull();
    expect(contactStart('กลุ่มงานโทรคมนาคม')).toBeNull();
    expect(contactStart('ns. of the unit')).toBeNull();
  });
});

describe('speed and secrecy marks as OCR reads them', () => {
  it('reads a mark alone on its line without its marks', () => {
    expect(damagedMarkOnly(line('ดวนมาก'))).toEqual({ speed: 'ด่วนมาก', secrecy: null });
    expect(damagedMarkOnly(line('  ดวนทสุด'))).toEqual({ speed: 'ด่วนที่สุด', secrecy: null });
    expect(damagedMarkOnly(line('ดวน ทีสด'))).toEqual({ speed: 'ด่วนที่สุด', secrecy: null });
    expect(damagedMarkOnly(line('ลบ'))).toEqual({ speed: null, secrecy: 'ลับ' });
    expect(damagedMarkOnly(line('(ลบมาก)'))).toEqual({ speed: null, secrecy: 'ลับมาก' });
  });

  it('needs the whole line: a word that starts like a mark is not one', () => {
    for (const text of ['ลบข้อมูล', 'ดวนมากขึ้น', 'ลบ ๕', 'ดวงดาว', 'ล', 'ดวนมาก ลบ']) {
      expect(damagedMarkOnly(line(text))).toBeNull();
    }
  });
});

describe('letter dates as OCR reads them', () => {
  const dateOf = (text: string) => looseDateCell(line(text))?.date ?? null;

  it('takes a date after a garbled วันที่ at the end of a memo head line', () => {
    expect(dateOf('ท สข ๐๐๑๘.๔/๐ค่         ;      eh        WN ๑๑ พฤศจิกายน ๒๕๖๙')).toBe(
      '2026-11-11',
    );
    expect(dateOf('                                  ul ๙ เมษายน ๒๕๖๙')).toBe('2026-04-09');
  });

  it('takes a date with a speck after it', () => {
    expect(dateOf('                     ๒๒ กรกฎาคม ๒๕๖๙ 7')).toBe('2026-07-22');
  });

  it('needs a full month name, a real date, its own cell, and nothing after but a speck', () => {
    for (const text of [
      '                     ๒๒ ก.ค. ๒๕๖๙ 7',
      '                     ๓๐ กุมภาพันธ์ ๒๕๖๙',
      'ศูนย์ราชการเฉลิมพระเกียรติ ๘๐ พรรษา ๕ ธันวาคม ๒๕๕๐',
      'ตามหนังสือ ลงวันที่ ๒ ธันวาคม ๒๕๖๘',
      'หนังสือที่ มท ๐๒๐๘/๑            ลงวันที่ ๒ ธันวาคม ๒๕๖๘',
      '        ๒๒ กรกฎาคม ๒๕๖๙ เป็นต้นไป',
      '        ๒๒ กรกฎาคม ๒๕๖๙ 12',
    ]) {
      expect(dateOf(text)).toBeNull();
    }
  });

  it('takes a date with a speck glued to its day: a sign, at most one Thai letter', () => {
    expect(dateOf('ไ!๒๘ ธันวาคม ๒๕๖๘')).toBe('2025-12-28');
    expect(dateOf('                ;๓ มีนาคม ๒๕๗๐')).toBe('2027-03-03');
    expect(dateOf('ก๑๗ สิงหาคม ๒๕๖๙')).toBe('2026-08-17');
    expect(dateOf('ถนนราชดำเนิน            ๆ๙ เมษายน ๒๕๖๙')).toBe('2026-04-09');
  });

  it('reads a day whose digits have a speck read as a mark between them', () => {
    const text = 'ด๑่๔ ธันวาคม ๒๕๖๙';
    const d = looseDateCell(line(text));
    expect(d?.date).toBe('2026-12-14');
    // The date starts at its first digit, the mark kept inside it.
    expect(text.slice(d?.dateIndex, d?.end)).toBe('๑่๔ ธันวาคม ๒๕๖๙');
    expect(dateOf('        ๒้๕ มิถุนายน ๒๕๖๙')).toBe('2026-06-25');
  });

  it('reads พ.ศ. read as Latin letters between the month and the year', () => {
    expect(dateOf('๓๐ ตุลาคม WA. ๒๕๖๙')).toBe('2026-10-30');
    expect(dateOf('          ๑ พฤษภาคม na, ๒๕๗๐')).toBe('2027-05-01');
    expect(dateOf('๑๒ มกราคม W.A. 2569')).toBe('2026-01-12');
  });

  it('reads a speck read as a sign between the month and the year', () => {
    expect(dateOf('5 ตุลาคม.2569')).toBe('2026-10-05');
    expect(dateOf('                ๑๒ มีนาคม ,๒๕๖๙')).toBe('2026-03-12');
    expect(dateOf("๒๒ กรกฎาคม' ๒๕๖๙")).toBe('2026-07-22');
    // Not an abbreviation's dot, not a sign between words, nor a year cut short.
    expect(dateOf('        ๒๒ ก.ค.2569')).toBeNull();
    expect(dateOf('ถนนราชดำเนิน.2569')).toBeNull();
    expect(dateOf('๓๐ ตุลาคม.256')).toBeNull();
    expect(dateOf('๓๐ ตุลาคม.25690')).toBeNull();
  });

  it('takes specks after the year: a sign glued to it, short cells across a gap', () => {
    expect(dateOf('๓๐ ตุลาคม ๒๕๖๙"                                a')).toBe('2026-10-30');
    expect(dateOf('๑๕ กันยายน ๒๕๖๙.      |     ;')).toBe('2026-09-15');
    expect(dateOf('๑๕ กันยายน ๒๕๖๙      Ve  5')).toBe('2026-09-15');
  });

  it('takes an abbreviated month only in a memo head, after a garbled วันที่', () => {
    const memo = (text: string) => looseDateCell(line(text), { abbreviated: true })?.date ?? null;
    expect(memo('un ๕ มี.ค.๖๙')).toBe('2026-03-05');
    expect(memo('                 Tu ๒๐ ต.ค. ๒๕๖๙')).toBe('2026-10-20');
    expect(dateOf('un ๕ มี.ค.๖๙')).toBeNull();
    // Without a label there is nothing to say it is the memo's วันที่ line.
    expect(memo('                ๕ มี.ค. ๖๙ 7')).toBeNull();
  });

  it('still needs the date alone in its cell: words, numbers and two specks glued are no specks', () => {
    for (const text of [
      'ลง ๒ ธันวาคม ๒๕๖๘',
      'ถึง ๓๑ มีนาคม ๒๕๖๙',
      'ภายใน๓๑ มีนาคม ๒๕๖๙',
      '๑๕๑๒ มกราคม ๒๕๖๙',
      '๒๒ กรกฎาคม ๒๕๖๙ a 12',
      '๒๒ กรกฎาคม ๒๕๖๙ ab cd ef gh',
      '๒๒ กรกฎาคม ๒๕๖๙ ABCD',
      '๒๒ กรกฎาคม ๒๕๖๙"  เป็นต้นไป',
      '๓๐ ตุลาคม WA. ๒๕๖',
      '๓๐ กุมภาพันธ์ WA. ๒๕๖๙',
    ]) {
      expect(dateOf(text)).toBeNull();
    }
  });
});

describe('nameTitleRepaired', () => {
  it.each([
    ['นางสำวสุดา ดี', 'นางสาวสุดา ดี'],
    ['นำงสาวสุดา ดี', 'นางสาวสุดา ดี'],
    ['นางสาวสุดา ดี'.replace('สาว', 'สวว'), 'นางสาวสุดา ดี'],
    ['นวยแพทย์ธงชัย กีรติหัตถยากร', 'นายแพทย์ธงชัย กีรติหัตถยากร'],
    ['นำยแพทย์ธงชัย กีรติหัตถยากร', 'นายแพทย์ธงชัย กีรติหัตถยากร'],
  ])('reads %s as %s', (read, printed) => {
    expect(nameTitleRepaired(read)).toBe(printed);
  });

  it.each([
    'นางสาวสุดา ดี',
    'นายแพทย์ธงชัย กีรติหัตถยากร',
    'นางสายใจ ดีมาก',
    'นางสำลี ใจงาม',
    'นางสำเนียง ทองดี',
    'นายสมชาย ใจดี',
    'นายแพรวา สุขใจ',
    'นางสำว',
  ])('leaves %s as read', (name) => {
    expect(nameTitleRepaired(name)).toBeNull();
  });
});

describe('unitWordsToneSpeckDropped', () => {
  it.each([
    [
      'กรมเอเชียตะวันออก ก๋องความร่วมมือชายแดนและอนุภูมิภาค',
      'กรมเอเชียตะวันออก กองความร่วมมือชายแดนและอนุภูมิภาค',
    ],
    ['สำนักงานจังหวัดน่าน ก้ลุ่มงานอำนวยการ', 'สำนักงานจังหวัดน่าน กลุ่มงานอำนวยการ'],
  ])('reads %s as %s', (read, printed) => {
    expect(unitWordsToneSpeckDropped(read)).toBe(printed);
  });

  it.each([
    // The first word is unitStartRepaired's; a word standing alone, a mark inside the name.
    'ก๋องความร่วมมือ กรมเอเชียตะวันออก',
    'สำนักงานจังหวัดน่าน ก้อง',
    'กรมการปกครอง กองการเจ้าหน้าที่',
    'โรงเรียนบ้านหนองบัว ฝ่ายบริหารงานทั่วไป',
  ])('leaves %s as read', (text) => {
    expect(unitWordsToneSpeckDropped(text)).toBeNull();
  });
});

describe('unitStartRepaired', () => {
  it.each([
    ['.กองส่งเสริมสวัสดิการและคุ้มครองสิทธิผู้สูงอายุ', 'กองส่งเสริมสวัสดิการและคุ้มครองสิทธิผู้สูงอายุ'],
    ['" สำนักงานจังหวัดลำปาง'.replace(' ', ''), 'สำนักงานจังหวัดลำปาง'],
    ['ภองควบคุมการก่อสร้าง', 'กองควบคุมการก่อสร้าง'],
    ['ลงค์การบริหารส่วนจังหวัดร้อยเอ็ด', 'องค์การบริหารส่วนจังหวัดร้อยเอ็ด'],
    ['ถำเภอวารินชำราบ', 'อำเภอวารินชำราบ'],
    ['ภรมการปกครอง', 'กรมการปกครอง'],
    ['จสำนักการสอบสวนและนิติการ', 'สำนักการสอบสวนและนิติการ'],
    ['สสำนักงานจังหวัดลำปาง', 'สำนักงานจังหวัดลำปาง'],
    ['ทกลุ่มงานอำนวยการ', 'กลุ่มงานอำนวยการ'],
  ])('reads %s as %s', (read, printed) => {
    expect(unitStartRepaired(read)).toBe(printed);
  });

  it.each([
    'กองคลัง',
    'ถองแถว',
    'ลำเภา',
    'ภอง',
    '.ขอบคุณ',
    '๑.กองคลัง',
    'สำนักงานจังหวัดลำปาง',
    'ลงทะเบียนรับ',
    // A letter before a short unit word may spell a word (ลงาน, ทกอง); a long unit word
    // alone, with nothing after it, is no name.
    'ทกองคลัง',
    'จสำนัก',
  ])('leaves %s as read', (text) => {
    expect(unitStartRepaired(text)).toBeNull();
  });
});
