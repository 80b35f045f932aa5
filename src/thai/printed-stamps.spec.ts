import { describe, expect, it } from 'vitest';
import { toLines } from 'src/thai/letter-text.js';
import { normalizeDocumentText } from 'src/thai/normalize.js';
import {
  extractPrintedStamps,
  resolveDamagedStampDate,
  stampDayRepaired,
  stampYearOf,
  stampYearRepaired,
  type DamagedStampDate,
  type PrintedStamp,
} from 'src/thai/printed-stamps.js';

function stampsOf(text: string): { stamps: PrintedStamp[]; rest: string } {
  const lines = toLines(normalizeDocumentText(text));
  const stamps = extractPrintedStamps(lines);
  return { stamps, rest: lines.map((l) => l.text.trimEnd()).join('\n') };
}

const stamp = (
  unit: string | null,
  receiptNumber: number | null,
  date: string | null,
  time: string | null,
): PrintedStamp => ({ unit, receiptNumber, date, time });

describe('extractPrintedStamps', () => {
  it.each<[string, string, PrintedStamp[]]>([
    [
      'a boxed stamp with every field',
      'กองคลัง\nเลขรับ ๑๒\nวันที่ ๓ ก.พ. ๒๕๖๙\nเวลา ๑๐.๕๕ น.\n\nที่ มท ๐๒๑๐/๑',
      [stamp('กองคลัง', 12, '2026-02-03', '10:55')],
    ],
    [
      'one line',
      'กองคลัง รับที่ 45 วันที่ 3 ก.พ. 69 เวลา 9.30 น.\nที่ มท 0210/1',
      [stamp('กองคลัง', 45, '2026-02-03', '09:30')],
    ],
    [
      'ทะเบียนรับ without a unit',
      'ทะเบียนรับ ๗\nวันที่ ๓ ก.พ. ๒๕๖๙\n\nที่ มท ๐๒๑๐/๑',
      [stamp(null, 7, '2026-02-03', null)],
    ],
    [
      'เลขรับ preferred over เลขที่รับ, location words dropped, the letter date copy ignored',
      'สำนักงานจังหวัดน่าน ศาลากลางจังหวัดน่าน\nเลขที่รับ 229 เลขรับที่ 520\nวันที่ ๑๕ ม.ค. ๒๕๖๙ ลงวันที่ ๑๒ ม.ค. ๒๕๖๙',
      [stamp('สำนักงานจังหวัดน่าน', 520, '2026-01-15', null)],
    ],
    [
      'sharing the ที่ line',
      'ที่ มท ๐๒๑๐/๑         กองคลัง  เลขรับ ๙\n                       วันที่ ๓ ก.พ. ๒๕๖๙',
      [stamp('กองคลัง', 9, '2026-02-03', null)],
    ],
    [
      'its number alone on its line, the unit ending the line above after letter text',
      'ที่ กษ ๐๒๐๑/ว ๑๒                    สำนักงานปศุสัตว์จังหวัดแพร่\nเลขรับ ๔๔\nกรมปศุสัตว์                     วันที่ ๒๐ ม.ค. ๒๕๖๙',
      [stamp('สำนักงานปศุสัตว์จังหวัดแพร่', 44, '2026-01-20', null)],
    ],
    [
      'its number ending its line, the unit after a mark far to its left',
      'ด่วนมาก                      ที่ทำการปกครองจังหวัดนครราชสีมา\nที่ มท ๐๓๑๐.๑/๕๕๕                                            เลขรับ 332\nกรมการปกครอง                                     วันที่ 19 มี.ค. 2569',
      [stamp('ที่ทำการปกครองจังหวัดนครราชสีมา', 332, '2026-03-19', null)],
    ],
    [
      'its number followed by a speck of two characters, the unit ending the line above',
      '0       ”        อำเภอยางตลาด\nรับที่ 3427                  ศา\nวันที่ 13 ส.ค. 2567\n\nที่ กส 73201/198',
      [stamp('อำเภอยางตลาด', 3427, '2024-08-13', null)],
    ],
    [
      'its number followed by a short word or a number: the line above is not its unit',
      'ที่ กษ ๐๒๐๑/ว ๑๒                    สำนักงานปศุสัตว์จังหวัดแพร่\nเลขรับ ๔๔             กรม\n\nเรื่อง ทดสอบ',
      [stamp(null, 44, null, null)],
    ],
    [
      'its number followed by digits apart: the line above is not its unit',
      'ที่ กษ ๐๒๐๑/ว ๑๒                    สำนักงานปศุสัตว์จังหวัดแพร่\nเลขรับ ๔๔             ๑๒\n\nเรื่อง ทดสอบ',
      [stamp(null, 44, null, null)],
    ],
    [
      'its number followed by letter text: the line above is not its unit',
      'ที่ กษ ๐๒๐๑/ว ๑๒                    สำนักงานปศุสัตว์จังหวัดแพร่\nเลขรับ ๔๔             กรมปศุสัตว์\n\nเรื่อง ทดสอบ',
      [stamp(null, 44, null, null)],
    ],
    [
      'the line above ends with no unit word',
      'ที่ กษ ๐๒๐๑/ว ๑๒                    ถนนพญาไท กทม. ๑๐๔๐๐\nเลขรับ ๔๔\n\nเรื่อง ทดสอบ',
      [stamp(null, 44, null, null)],
    ],
    [
      'a date on top, no keyword, above the letter head',
      '๑๕ ม.ค. ๒๕๖๘\nกรม ๒๖\n\nที่ มท ๐๒๑๐/๑',
      [stamp(null, 26, '2025-01-15', null)],
    ],
    [
      'a date on top of a keyword',
      '๑๖ ม.ค. ๖๙\nรับที่ ๒๑๔\n\nที่ มท ๐๒๑๐/๑',
      [stamp(null, 214, '2026-01-16', null)],
    ],
    [
      'a slashed date and a colon time',
      'งานสารบรรณ\nเลขรับที่ 355\nวันที่ 15/01/2569\nเวลา 10:55\n\nที่ สธ 0209/1',
      [stamp('งานสารบรรณ', 355, '2026-01-15', '10:55')],
    ],
    [
      'a unit’s province after จ., its full name’s จังหวัด',
      'สนง.ที่ดิน จ.ตราด\nเลขรับ ๑๒๓๘\nวันที่ ๔ พ.ค. ๒๕๖๙',
      [stamp('สนง.ที่ดิน จ.ตราด', 1238, '2026-05-04', null)],
    ],
    [
      'a unit’s address after it: อ. and what follows dropped',
      'อบต.หนองบัว อ.เมือง จ.ตราด\nเลขรับ ๑๒\nวันที่ ๔ พ.ค. ๒๕๖๙',
      [stamp('อบต.หนองบัว', 12, '2026-05-04', null)],
    ],
    [
      'จ. before no province’s name: an address word still',
      'กองคลัง จ.ส่งเสริม\nเลขรับ ๑๒\nวันที่ ๔ พ.ค. ๒๕๖๙',
      [stamp('กองคลัง', 12, '2026-05-04', null)],
    ],
    [
      'a thousands separator in the number',
      'อบจ.ร้อยเอ็ด\nเลขรับ 1,024\nวันที่ 7 ส.ค. 2569',
      [stamp('อบจ.ร้อยเอ็ด', 1024, '2026-08-07', null)],
    ],
    [
      'dotted lines of a printed stamp form',
      'กองคลัง\nเลขรับ.......๑๒๓.......\nวันที่.....๑๕ ม.ค. ๒๕๖๙.....\nเวลา......๑๐.๕๕ น.......',
      [stamp('กองคลัง', 123, '2026-01-15', '10:55')],
    ],
    [
      'an impossible time is dropped, not defaulted',
      'กองคลัง\nเลขรับ ๑๒\nวันที่ ๓ ก.พ. ๒๕๖๙\nเวลา ๒๕.๐๐ น.',
      [stamp('กองคลัง', 12, '2026-02-03', null)],
    ],
  ])('%s', (_name, text, expected) => {
    expect(stampsOf(text).stamps).toEqual(expected);
  });

  it('blanks the stamp out of the text and keeps the letter', () => {
    const { rest } = stampsOf(
      'ที่ มท ๐๒๑๐/๑         กองคลัง  เลขรับ ๙\nกระทรวงมหาดไทย        วันที่ ๓ ก.พ. ๒๕๖๙',
    );
    expect(rest).toBe('ที่ มท ๐๒๑๐/๑\nกระทรวงมหาดไทย');
  });

  it('does not read the letter head or body as a stamp', () => {
    const text = [
      'ที่ มท ๐๒๑๐/๑',
      '๑๒ มกราคม ๒๕๖๙',
      'เรื่อง ขอเชิญประชุม',
      'เรียน ผู้ว่าราชการจังหวัด',
      '    ได้รับที่ ๓ เรื่องแล้ว ในวันที่ ๕ ม.ค. ๒๕๖๙ เวลา ๙.๐๐ น.',
    ].join('\n');
    expect(stampsOf(text).stamps).toEqual([]);
  });

  it('does not take a lone full-month date above the head for a stamp', () => {
    expect(stampsOf('๑๒ มกราคม ๒๕๖๙\n\nที่ มท ๐๒๑๐/๑').stamps).toEqual([]);
  });
});

describe('stamps in OCR text without blank lines', () => {
  const head = ['ที่ มท ๐๒๑๐.๕/๒๖๓', 'ถนนอัษฎางค์ กทม. ๑๐๒๐๐', '๑๒ มกราคม ๒๕๖๙'];
  const body = ['เรื่อง ทดสอบ', 'เรียน ผู้ว่าราชการจังหวัด ทุกจังหวัด', 'ด้วยกระทรวงขอแจ้งให้ทราบ'];

  it('takes a register’s date and number under the letter’s date for a stamp', () => {
    const { stamps, rest } = stampsOf([...head, '๑๕ ม.ค. ๒๕๖๙', 'กรม ๒๖', ...body].join('\n'));
    expect(stamps).toEqual([stamp(null, 26, '2026-01-15', null)]);
    expect(rest.split('\n').slice(3, 5)).toEqual(['', '']);
  });

  it.each<[string, string[]]>([
    ['without a number or a time under it', ['๑๕ ม.ค. ๒๕๖๙', 'เรื่อง ทดสอบ']],
    ['a cited date', ['ลงวันที่ ๑๕ ม.ค. ๒๕๖๙', 'กรม ๒๖']],
    ['a date in full', ['๑๕ มกราคม ๒๕๖๙', 'กรม ๒๖']],
  ])('takes no stamp from %s in the letter', (_, lines) => {
    const text = [...head, ...lines, ...body].join('\n');
    expect(stampsOf(text).stamps).toEqual([]);
  });

  it('never takes the letter date under the ที่ line for a stamp whose own date was misread', () => {
    for (const ref of ['ที่ มท ๐๒๐๘.๒/ว ๗๐', 'ที มท ๐๒๐๘.๒/ว ๗๐', '#1 มท ๐๒๐๘.๒/ว ๗๐']) {
      const text = [
        '๑๒๐ ม.ค. ๖๙',
        'รับที่ ๒๑๔',
        `${ref}                  กระทรวงมหาดไทย`,
        'ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
        '๑๔ มกราคม ๒๕๖๙',
        'เรื่อง การรายงานผล',
      ].join('\n');
      const { stamps, rest } = stampsOf(text);
      expect(stamps.map((s) => s.date)).not.toContain('2026-01-14');
      expect(rest).toContain('๑๔ มกราคม ๒๕๖๙');
    }
  });

  it('still takes a stamp date in its own column of the ที่ line', () => {
    const { stamps } = stampsOf(
      [
        '                                                  เลขรับ ๓๓๒',
        'ที่ มท ๐๓๐๗.๑/๕๕๕                                   วันที่ ๑๙ มี.ค. ๒๕๖๙',
        'ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
        '๑๗ มีนาคม ๒๕๖๙',
      ].join('\n'),
    );
    expect(stamps.map((s) => [s.receiptNumber, s.date])).toEqual([[332, '2026-03-19']]);
  });

  it('never takes the letter date just above a stamp’s unit for the stamp’s own misread date', () => {
    // The stamp's box starts at its unit; the date line above it, with no blank line
    // between them, is the letter's. What is left of the stamp is kept, with no date.
    for (const [unit, label, misread] of [
      ['สำนักงานจังหวัดยโสธร', 'เลขทะเบียนรับ ๓๐๑๒', 'รับวันที ๓ กุย. ๖๙'],
      ['กองคลัง', 'เลขรับ ๓๐๑๒', 'วันที่ ๓ n.ย. ๖๙'],
      ['สำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต ๑', 'รับที่ ๓๐๑๒', 'วันที ๓ ก.u. ๒๕๖๙'],
    ]) {
      const text = [
        'ที่ มท ๐๒๑๒/ว ๕๕๑                       กระทรวงมหาดไทย',
        'ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
        '๗ กันยายน ๒๕๖๙',
        unit,
        label,
        misread,
        'เรื่อง การจัดงาน',
      ].join('\n');
      const { stamps, rest } = stampsOf(text);
      expect(stamps.map((s) => [s.unit, s.receiptNumber, s.date])).toEqual([[unit, 3012, null]]);
      expect(rest).toContain('๗ กันยายน ๒๕๖๙');
    }
  });

  it('never takes the letter date above a stamp for it when the stamp’s own date line is damaged', () => {
    // The stamp's unit stands in its own column with a speck where the number's column
    // starts, so no unit heads the box there; its own date line is damaged below the number.
    for (const [misread, damaged] of [
      ['วันที่ ๑ กุย. ๒๕๖๙', { day: 1, month: 9, year: 2026 }],
      ['วันที่ ๑ ก.ย. ๕๖๙', { day: 1, month: 9, year: 2026 }],
      ['วันที่ ๑ XY. ๒๕๖๙', { day: 1, month: null, year: 2026 }],
    ] as const) {
      const text = [
        'ที่ อก ๐๓๐๗/๕๒๑๖                                  กรมโรงงานอุตสาหกรรม',
        'เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐',
        '๒๗ สิงหาคม ๒๕๖๙',
        '0                                       สำนักงานอุตสาหกรรมจังหวัดระยอง',
        'เลขรับ ๒๖๐๙ -            1',
        misread,
        'เวลา ๐๘.๓๕ น.',
        'เรื่อง ผลการตรวจสอบ',
      ].join('\n');
      const lines = toLines(normalizeDocumentText(text));
      const found: (DamagedStampDate | null)[] = [];
      const stamps = extractPrintedStamps(lines, found);
      expect(stamps.map((s) => [s.receiptNumber, s.date, s.time])).toEqual([[2609, null, '08:35']]);
      expect(found).toEqual([damaged]);
      expect(lines[2]?.text).toBe('๒๗ สิงหาคม ๒๕๖๙');
    }
  });

  it('still takes a stamp date printed above its number when no unit stands between', () => {
    const { stamps } = stampsOf(['๑๖ ม.ค. ๖๙', 'รับที่ ๒๑๔', '', 'เรื่อง การจัดงาน'].join('\n'));
    expect(stamps.map((s) => [s.receiptNumber, s.date])).toEqual([[214, '2026-01-16']]);
  });

  it('takes no letter date above the subject for a stamp when the ที่ line is garbled', () => {
    // The sender's address (a street and a postcode) starts the head: no stamp prints one.
    for (const address of [
      'ถนนพระรามที่ ๖ กทม. ๑๐๔๐๐',
      'ถนนราชดำเนินนอก กทม. 10300',
      'ตำบลในเมือง อำเภอเมือง จังหวัดน่าน ๕๕๐๐๐',
    ]) {
      const text = [
        '# NA ๐๔๐๖.๒/ว ๑๕๘                       กระทรวงการคลัง',
        address,
        '๒๗ สิงหาคม ๒๕๖๙',
        'เรื่อง หลักเกณฑ์การเบิกจ่าย',
      ].join('\n');
      expect(stampsOf(text).stamps).toEqual([]);
    }
  });

  it('takes a speck after the address postcode for the head still', () => {
    for (const address of ['ถนนสุขุมวิท ตำบลปากน้ำ ๑๐๒๗๐ 0', 'ถนนเพชรเกษม อำเภอเมือง 74000l']) {
      const text = [
        'ที่ ?? ๐๐๑๗.๒/ว ๔๑                       จังหวัดสมุทรปราการ',
        address,
        '๙ มิถุนายน ๒๕๗๐',
        'a   1       ๐',
        'เรื่อง การประชุมประจำเดือน',
      ].join('\n');
      expect(stampsOf(text).stamps).toEqual([]);
    }
  });

  it('reads no register number 0 from a speck beside a date above the head', () => {
    const text = ['๔ มี.ค. ๒๕๗๐', '        ๐', '', 'ที่ ลป ๐๐๒๓.๑/๗๗'].join('\n');
    expect(stampsOf(text).stamps).toEqual([stamp(null, null, '2027-03-04', null)]);
  });

  it('finds the time two lines below the number when the date between is unreadable', () => {
    const text = [
      'กลุ่มงานบริหารทั่วไป',
      'เลขรับ ๕๗',
      'วันที่ ๘ XY. ๕๗๐',
      'เวลา ๐๘.๑๕ น.',
      '',
      'ที่ ตก ๐๐๑๗/๓',
    ];
    expect(stampsOf(text.join('\n')).stamps).toEqual([stamp('กลุ่มงานบริหารทั่วไป', 57, null, '08:15')]);
    // With a readable date the line after it is the last one a time may be on.
    const dated = ['กองคลัง', 'รับที่ 9', 'วันที่ 2 พ.ค. 70', 'ที่ ตก 0017/3', 'เวลา 08.15 น.'];
    expect(stampsOf(dated.join('\n')).stamps).toEqual([stamp('กองคลัง', 9, '2027-05-02', null)]);
  });

  it('takes a time labelled เวลา after an unreadable date on the stamp line', () => {
    const text = ['อำเภอแม่สอด', 'รับที่ 140', 'วันที่ 11 N.W. 2570 เวลา 14.05 น.', '', 'ที่ ตก 0017/3'];
    expect(stampsOf(text.join('\n')).stamps).toEqual([stamp('อำเภอแม่สอด', 140, null, '14:05')]);
  });

  it('takes no register label and number above a stamp for its unit', () => {
    const text = [
      '๒ ก.ค. ๒๕๗๐',
      'กอง ๑๘',
      'กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร',
      'เลขรับ ๔๔',
      'วันที่ ๓ ก.ค. ๒๕๗๐',
      '',
      'ที่ นน ๐๐๑๗/ว ๙',
    ].join('\n');
    expect(stampsOf(text).stamps).toEqual([
      stamp(null, 18, '2027-07-02', null),
      stamp('กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร', 44, '2027-07-03', null),
    ]);
  });
});

describe('a stamp set beside the letter’s text with no blank line above it', () => {
  const pad = ' '.repeat(50);
  const letter = (unitLine: string): string =>
    [
      'ที่ นร ๑๑๐๑/๒๓๔          วันที่ ๑๘ สิงหาคม ๒๕๖๙',
      'เรื่อง ขอรับการสนับสนุน',
      '',
      'เรียน เลขาธิการสภาความมั่นคงแห่งชาติ',
      pad + unitLine,
      pad + 'เลขรับ ๒๘๘๐',
      pad + 'วันที่ ๑๙ ส.ค. ๒๕๖๙',
      pad + 'เวลา ๑๕.๒๐ น.',
      '',
      '        ด้วยสำนักบริหารกลางขอรายงานผล',
    ].join('\n');

  it.each(['สบก. สมช.', 'สลค.', 'หน้าห้องเลขาธิการ สมช.', 'กองคลัง'])(
    'takes %s, the box’s first line, for its unit',
    (unit) => {
      expect(stampsOf(letter(unit)).stamps).toEqual([stamp(unit, 2880, '2026-08-19', '15:20')]);
    },
  );

  it('takes no line sharing the stamp’s column with the one above for the box’s first', () => {
    const text = [
      'เรียน เลขาธิการสภาความมั่นคงแห่งชาติ',
      pad + 'ขอแสดงความนับถือ',
      pad + 'ลงชื่อผู้รับ',
      pad + 'เลขรับ ๒๘๘๐',
      pad + 'วันที่ ๑๙ ส.ค. ๒๕๖๙',
    ].join('\n');
    expect(stampsOf(text).stamps.map((s) => s.unit)).toEqual([null]);
  });
});

describe('stamp dates OCR damaged', () => {
  function damagedOf(text: string): {
    stamps: PrintedStamp[];
    damaged: (DamagedStampDate | null)[];
    rest: string;
  } {
    const lines = toLines(normalizeDocumentText(text));
    const damaged: (DamagedStampDate | null)[] = [];
    const stamps = extractPrintedStamps(lines, damaged);
    return { stamps, damaged, rest: lines.map((l) => l.text.trimEnd()).join('\n') };
  }

  it.each<[string, string, DamagedStampDate]>([
    ['a month read as Latin letters', 'วันที่ ๑๑ NW. ๒๕๗๐', { day: 11, month: null, year: 2027 }],
    ['dotted Latin letters, a short year', 'วันที่ 3 P.A. 70', { day: 3, month: null, year: 2027 }],
    ['วันที่ read as a speck', 'Wu ๒๘ AU. ๒๕๖๘', { day: 28, month: null, year: 2025 }],
    ['a lost year digit', 'วันที่ ๑๙ มี.ค. ๕๗๐', { day: 19, month: 3, year: 2027 }],
    ['a lost year digit, Arabic digits', 'รับวันที่ 6 ธ.ค. 568', { day: 6, month: 12, year: 2025 }],
    ['a dot read as a vowel mark', 'วันที่ ๒๐ พุย. ๖๙', { day: 20, month: 11, year: 2026 }],
    ['both at once', 'วันที่ ๒ XX. ๕๖๘', { day: 2, month: null, year: 2025 }],
    // วันที่ read as Latin letters before a date that reads whole.
    ['วันที่ read as Latin letters', 'UA 7 ส.ค. 2569', { day: 7, month: 8, year: 2026 }],
    ['วันที่ read as a dotted speck', 'Ju. ๑๒ มิ.ย. ๒๕๖๙', { day: 12, month: 6, year: 2026 }],
    ['วันที่ read as Latin letters, a short year', 'WN 3 ต.ค. 69', { day: 3, month: 10, year: 2026 }],
    [
      'วันที่ read as four Latin letters before a damaged month',
      'Tull ๑๙ กุย. ๖๘',
      { day: 19, month: 9, year: 2025 },
    ],
    // A lost digit that could give back many years: the day and month are kept.
    ['a lost year digit, many years', 'วันที ๑๕ มิ.ย. ๒๕๙', { day: 15, month: 6, year: null }],
    // A year with one digit read twice: the day and month are kept, as a year misread.
    ['a five-digit year', 'วันที ๔ ก.ุย. ๒๕๙๕๙', { day: 4, month: 9, year: null }],
    ['a five-digit year after a whole month', 'วันที่ ๔ ก.ย. ๒๕๖๙๙', { day: 4, month: 9, year: null }],
    [
      'วันที่ read as four Latin letters before a five-digit year',
      'Full ๒๔ ก.ุค. ๒๙๕๐๘',
      { day: 24, month: 7, year: null },
    ],
    [
      'a day with its tens digit read as a Latin letter',
      'วันที wo ก.พ.๐๕๖๙',
      { day: 10, month: 2, year: null, tensUnread: true },
    ],
    // ม.ค. and มี.ค. have the same letters: which one is not guessed from them.
    [
      'a mark garbled where two months share letters',
      'วันที่ ๙ มุค. ๗๐',
      { day: 9, month: null, year: 2027 },
    ],
  ])('keeps what %s still tells', (_, dateLine, expected) => {
    const text = ['กองการเจ้าหน้าที่', 'เลขรับ ๗๗', dateLine, 'เวลา ๐๙.๔๐ น.', '', 'ที่ ชบ ๐๐๑๗/ว ๔'];
    const { stamps, damaged, rest } = damagedOf(text.join('\n'));
    expect(stamps).toEqual([stamp('กองการเจ้าหน้าที่', 77, null, '09:40')]);
    expect(damaged).toEqual([expected]);
    // The date line is the stamp's: blanked out with it.
    expect(rest.split('\n')[2]).toBe('');
  });

  it('keeps nothing from a date line it cannot take apart', () => {
    for (const dateLine of [
      'วันที่ ๓๕ XY. ๒๕๖๙', // no such day
      'วันที่ ๓ XY. ๒๕๖', // a year with a digit lost that could be many years
      'วันที่ ๓ มีนาคม ๒๕๖๙๙', // five digits after a month in full
      'วันที่ ๓ XY. ๒๕๖๙๙', // five digits, and no month read
      'วันที่ ๓ ก.ย. ๒๕๖๙๙๙', // six digits
      'ลงวันที่ ๓ NN. ๒๕๖๙', // the copy of the letter's date
      'ประชุม ๓ XY. ๒๕๖๙', // not a date's label
      'ABCD 7 ส.ค. 2569', // a Latin word, not a label garbled
      'ABCDE 7 NN. 2569', // five letters: a word, even before a damaged month
      'วันที่ bo NN. ๒๕๖๙', // a day of which only the ๐ read, and no month
      'วันที่ bx ก.พ. ๒๕๖๙', // Latin letters that are no ๐
      'วันที่ ๓ XY. ๒๕๙', // neither the month nor the year reads
      'UA 7 กขค 2569', // a month that does not read, without a dot
    ]) {
      const text = ['กองคลัง', 'รับที่ ๘', dateLine, '', 'ที่ ชบ ๐๐๑๗/ว ๔'].join('\n');
      expect(damagedOf(text).damaged).toEqual([null]);
    }
  });

  it('finds a damaged date in another column than a number that ends its line', () => {
    // A speck before the keyword set the number out further right than its date line.
    const speck = damagedOf(
      [
        'สำนักงานพาณิชย์จังหวัดพิษณุโลก',
        '8จ8]                          เลขรับ ๗๑๔',
        'วันที ๒ 5.0. ๒๕๖๙',
        '',
        'ที่ พณ ๐๓๐๔/ว ๕๕๒๑',
      ].join('\n'),
    );
    expect(speck.damaged).toEqual([{ day: 2, month: null, year: 2026 }]);
    expect(speck.rest.split('\n')[2]).toBe('');
    // The number alone at column 0, its date line after the letter's text.
    const beside = damagedOf(
      [
        'ที่ กษ ๐๒๐๑/ว ๑๒                         . สำนักงานปศุสัตว์จังหวัดแพร่',
        'เลขรับ ๔๔',
        'กรมปศุสัตว์                             TU bo ม.ค. ๒๕๖๙',
        'ถนนพญาไท กทม. ๑๐๔๐๐',
      ].join('\n'),
    );
    expect(beside.damaged).toEqual([{ day: 10, month: 1, year: 2026, tensUnread: true }]);
    expect(beside.rest.split('\n')[2]).toBe('กรมปศุสัตว์');
  });

  it('takes no damaged date from another column when letter text follows the number', () => {
    const text = [
      'สำนักงานจังหวัดแพร่',
      'เลขรับ ๔๔             กรมปศุสัตว์',
      'กรมปศุสัตว์                             TU bo ม.ค. ๒๕๖๙',
      '',
      'ที่ กษ ๐๒๐๑/ว ๑๒',
    ].join('\n');
    expect(damagedOf(text).damaged).toEqual([null]);
  });

  it('keeps a register date above the head OCR damaged, with the number beside it', () => {
    const text = ['๒๓ PA. ๒๕๗๐', 'กอง ๑๑', '', 'ที่ อบ ๐๐๑๗.๓/ว ๒๒'].join('\n');
    const { stamps, damaged, rest } = damagedOf(text);
    expect(stamps).toEqual([stamp(null, 11, null, null)]);
    expect(damaged).toEqual([{ day: 23, month: null, year: 2027 }]);
    expect(rest.split('\n').slice(0, 2)).toEqual(['', '']);
    const timed = ['8 ก.ุพ. 568', '09.05 น.', '', 'ที่ อบ 0017.3/ว 22'].join('\n');
    expect(damagedOf(timed).damaged).toEqual([{ day: 8, month: 2, year: 2025 }]);
  });

  it('takes no damaged date alone above the head for a stamp', () => {
    for (const top of ['๒๓ PA. ๒๕๗๐', 'ฝ่ายบริหาร\n๒๓ PA. ๒๕๗๐']) {
      const text = `${top}\n\nที่ อบ ๐๐๑๗.๓/ว ๒๒`;
      expect(damagedOf(text).stamps).toEqual([]);
    }
  });

  it('keeps nothing from a stamp whose date reads well', () => {
    const text = 'อำเภอเมืองชลบุรี\nรับที่ ๘\nวันที่ ๓ ก.พ. ๒๕๖๙\n\nที่ ชบ ๐๐๑๗/ว ๔';
    expect(damagedOf(text).damaged).toEqual([null]);
  });

  it('puts back a lost year digit only where one year can be', () => {
    expect(stampYearOf('569')).toBe(2026);
    expect(stampYearOf('269')).toBe(2026);
    expect(stampYearOf('570')).toBe(2027);
    expect(stampYearOf('256')).toBeNull();
    expect(stampYearOf('695')).toBeNull();
    expect(stampYearOf('68')).toBe(2025);
    expect(stampYearOf('2570')).toBe(2027);
    expect(stampYearOf('1970')).toBeNull();
  });

  it('places an unread month just after the letter’s date, never far from it', () => {
    const unread = (day: number, year: number): DamagedStampDate => ({ day, month: null, year });
    expect(resolveDamagedStampDate(unread(11, 2027), '2027-03-08')).toBe('2027-03-11');
    expect(resolveDamagedStampDate(unread(8, 2027), '2027-03-08')).toBe('2027-03-08');
    // Over the month's end and the year's.
    expect(resolveDamagedStampDate(unread(2, 2027), '2027-04-27')).toBe('2027-05-02');
    expect(resolveDamagedStampDate(unread(3, 2026), '2025-12-29')).toBe('2026-01-03');
    // A day that would put it weeks later was misread more likely: unread where no one
    // reading of it fits (๑ on a letter of the 8th: the 10th to the 15th all do).
    expect(resolveDamagedStampDate(unread(1, 2027), '2027-03-08')).toBeNull();
    // A year that is not the letter's or the next.
    expect(resolveDamagedStampDate(unread(11, 2029), '2027-03-08')).toBeNull();
    // Without the letter's date, nothing to place it against.
    expect(resolveDamagedStampDate(unread(11, 2027), null)).toBeNull();
  });

  it('reads the day of an unread month again when no month puts it near the letter', () => {
    const unread = (day: number, year: number): DamagedStampDate => ({ day, month: null, year });
    // ๘ for ๑๘ on a letter of 16 November: 8 December is weeks away; the 18th is the one
    // reading within a week (the 28th fits the two weeks only).
    expect(resolveDamagedStampDate(unread(8, 2026), '2026-11-16')).toBe('2026-11-18');
    // ๓ for ๙ (look-alikes) on a letter of 8 March: 3 April is weeks away.
    expect(resolveDamagedStampDate(unread(3, 2027), '2027-03-08')).toBe('2027-03-09');
    // A month that puts the day as read near the letter is taken first, as before.
    expect(resolveDamagedStampDate(unread(4, 2026), '2026-07-23')).toBe('2026-08-04');
    // In another year than the letter's, nothing is read again.
    expect(resolveDamagedStampDate(unread(8, 2027), '2026-11-16')).toBeNull();
  });

  it('keeps the day and month of a stamp date whose four-digit year was misread', () => {
    for (const [dateLine, day, month] of [
      ['วันที่ ๑๒ มิ.ย. ๔๙๙๙', 12, 6],
      ['วันที ๗ ส.ค. ๔๘๖๙', 7, 8],
      ['วันที่ 3 ต.ค. 3569', 3, 10],
    ] as const) {
      const text = ['งานสารบรรณ', 'เลขรับ ๙๐๒', dateLine, '', 'ที่ ขก ๐๐๓๒/ว ๗'].join('\n');
      expect(damagedOf(text).damaged).toEqual([{ day, month, year: null }]);
    }
    // A month that does not read as well: nothing is left to place.
    const unreadMonth = ['งานสารบรรณ', 'เลขรับ ๙๐๒', 'วันที่ ๑๒ XY. ๔๙๙๙', '', 'ที่ ขก ๐๐๓๒/ว ๗'];
    expect(damagedOf(unreadMonth.join('\n')).damaged).toEqual([null]);
  });

  it('gives a misread year the letter’s year or the next, within two weeks after it', () => {
    const misread = (day: number, month: number): DamagedStampDate => ({ day, month, year: null });
    expect(resolveDamagedStampDate(misread(12, 6), '2026-06-09')).toBe('2026-06-12');
    expect(resolveDamagedStampDate(misread(7, 8), '2026-08-07')).toBe('2026-08-07');
    // Over the year's end.
    expect(resolveDamagedStampDate(misread(4, 1), '2026-12-28')).toBe('2027-01-04');
    // Before the letter's date with no one day it can be (๑: the 10th to the 16th fit), or
    // weeks after it: a clerk reads it.
    expect(resolveDamagedStampDate(misread(1, 6), '2026-06-09')).toBeNull();
    expect(resolveDamagedStampDate(misread(30, 6), '2026-06-09')).toBeNull();
    // Without the letter's date, nothing to place it against.
    expect(resolveDamagedStampDate(misread(12, 6), null)).toBeNull();
  });

  it('places a day of which only the ๐ read on the one of 10, 20, 30 that fits', () => {
    const tens = (month: number, year: number | null): DamagedStampDate => ({
      day: 10,
      month,
      year,
      tensUnread: true,
    });
    expect(resolveDamagedStampDate(tens(2, null), '2026-02-16')).toBe('2026-02-20');
    expect(resolveDamagedStampDate(tens(2, 2026), '2026-02-04')).toBe('2026-02-10');
    // The 10th and the 20th both within two weeks after the letter: nothing is guessed.
    expect(resolveDamagedStampDate(tens(2, 2026), '2026-02-08')).toBeNull();
    // None after the letter's date, or no letter's date at all.
    expect(resolveDamagedStampDate(tens(1, 2026), '2026-02-08')).toBeNull();
    expect(resolveDamagedStampDate(tens(2, 2026), null)).toBeNull();
  });

  it('reads the day of a misread year again when it falls before the letter’s date', () => {
    const misread = (day: number, month: number): DamagedStampDate => ({ day, month, year: null });
    // ๔ ก.ค.๕๕๖๘ on a letter of 22 July: ๒๔ lost its ๒, the only day that fits.
    expect(resolveDamagedStampDate(misread(4, 7), '2025-07-22')).toBe('2025-07-24');
    // ๑ for a day after the 5th: ๑๐–๑๙ all fit, nothing is guessed.
    expect(resolveDamagedStampDate(misread(1, 5), '2027-05-05')).toBeNull();
    // Months before the letter's: no misread day, a clerk reads it.
    expect(resolveDamagedStampDate(misread(4, 3), '2025-07-22')).toBeNull();
  });

  it('takes a read month with its year put back unless it falls before the letter', () => {
    const read: DamagedStampDate = { day: 19, month: 3, year: 2027 };
    expect(resolveDamagedStampDate(read, null)).toBe('2027-03-19');
    expect(resolveDamagedStampDate(read, '2027-02-25')).toBe('2027-03-19');
    expect(resolveDamagedStampDate(read, '2027-03-21')).toBeNull();
  });

  it('reads a stamp day before the letter’s as a misread digit when one day fits', () => {
    // ๓ for ๙: the one look-alike that puts it on or after the letter's date.
    expect(stampDayRepaired('2027-05-03', '2027-05-07')).toBe('2027-05-09');
    // ๔ for ๒๔: a lost digit, the only one within two weeks after the letter.
    expect(stampDayRepaired('2027-05-04', '2027-05-22')).toBe('2027-05-24');
    // ๑๔ for ๑๕ across no month: a look-alike in a two-digit day.
    expect(stampDayRepaired('2027-11-14', '2027-11-15')).toBe('2027-11-15');
    // ๓ for ๓๐ in June (31 is no day of it), ๙ for ๒๙ in a leap February.
    expect(stampDayRepaired('2027-06-03', '2027-06-28')).toBe('2027-06-30');
    expect(stampDayRepaired('2028-02-09', '2028-02-26')).toBe('2028-02-29');
  });

  it('leaves a stamp day alone when several days fit, none, or the gap is no misread day', () => {
    // ๑: no look-alike; ๑๐–๑๙ and ๒๑ put back a digit: many fit.
    expect(stampDayRepaired('2027-05-01', '2027-05-05')).toBeNull();
    // On or after the letter's date: nothing to repair.
    expect(stampDayRepaired('2027-05-09', '2027-05-07')).toBeNull();
    expect(stampDayRepaired('2027-05-07', '2027-05-07')).toBeNull();
    // A year before: a year slip, which the consistency checks handle, not a day.
    expect(stampDayRepaired('2026-05-04', '2027-05-22')).toBeNull();
    // ๑ for ๑๗ on a letter of the 12th: the 12th to the 19th all lie within a week.
    expect(stampDayRepaired('2026-03-01', '2026-03-12')).toBeNull();
  });

  it('takes of several days that fit the only one within a week of the letter’s date', () => {
    // ๖ for ๑๖ on a letter of 14 January: ๒๖ fits the two weeks too, not the week.
    expect(stampDayRepaired('2026-01-06', '2026-01-14')).toBe('2026-01-16');
    // ๘ for ๑๘ on a letter of 16 November (๒๘ is twelve days after it).
    expect(stampDayRepaired('2026-11-08', '2026-11-16')).toBe('2026-11-18');
    // ๒ for ๑๒ on a letter of 9 June: the 20th to the 23rd fit the two weeks only.
    expect(stampDayRepaired('2026-06-02', '2026-06-09')).toBe('2026-06-12');
  });

  it('reads a stamp year far from the letter’s as one misread digit when one year fits', () => {
    // ๒๕๐๘ for ๒๕๖๘ (๐ and ๖ look alike): five days after the letter's date.
    expect(stampYearRepaired('1965-06-02', '2025-05-28')).toBe('2025-06-02');
    // ๒๔๖๙ for ๒๕๖๙ (๔ and ๕): on the letter's date itself.
    expect(stampYearRepaired('1926-03-16', '2026-03-16')).toBe('2026-03-16');
    // ๒๕๙๙ for ๒๕๕๙ (๙ and ๕).
    expect(stampYearRepaired('2056-08-10', '2016-08-01')).toBe('2016-08-10');
  });

  it('leaves a stamp year alone when it is the letter’s or one off, or no year fits', () => {
    // The letter's year or the next or the one before (a year slip): nothing to repair.
    expect(stampYearRepaired('2026-06-02', '2025-05-28')).toBeNull();
    expect(stampYearRepaired('2024-06-02', '2025-05-28')).toBeNull();
    // A look-alike year fits, but the day falls before the letter's date, or weeks after it.
    expect(stampYearRepaired('1965-05-20', '2025-05-28')).toBeNull();
    expect(stampYearRepaired('1965-07-20', '2025-05-28')).toBeNull();
    // No digit of ๒๕๓๑ has a look-alike that gives ๒๕๖๘.
    expect(stampYearRepaired('1988-06-02', '2025-05-28')).toBeNull();
  });
});

describe('stamps beside each other and specks before a unit', () => {
  it('takes a unit after specks in its cell, above the number or before it', () => {
    const above = stampsOf(
      [
        'ที่ ชบ ๐๐๑๗/ว ๔               ๊             . สำนักงานจังหวัดชลบุรี',
        'เลขรับ ๕๕',
        'วันที่ ๙ ก.ย. ๒๕๖๙',
        '',
        'เรื่อง  ขอเชิญประชุม',
      ].join('\n'),
    );
    expect(above.stamps).toEqual([stamp('สำนักงานจังหวัดชลบุรี', 55, '2026-09-09', null)]);
    // The specks go with the unit they stand before.
    expect(above.rest.split('\n')[0]).toBe('ที่ ชบ ๐๐๑๗/ว ๔               ๊');
    const before = stampsOf(
      'ที่ ชบ ๐๐๑๗/ว ๔                 : . | กองคลัง เลขรับ ๒๐๒\nวันที่ ๑๘ ก.พ. ๒๕๖๙\n\nเรื่อง ทดสอบ',
    );
    expect(before.stamps).toEqual([stamp('กองคลัง', 202, '2026-02-18', null)]);
    const column = stampsOf(
      '           ;   ฝ่ายสารบรรณ\nเลขรับ ๙๙\nวันที่ ๒๐ ก.พ. ๒๕๖๙\n\nที่ ชบ ๐๐๑๗/ว ๔',
    );
    expect(column.stamps).toEqual([stamp('ฝ่ายสารบรรณ', 99, '2026-02-20', null)]);
  });

  it('leaves a sign before text that is no unit where it was', () => {
    const { stamps } = stampsOf('. ขอบคุณ เลขรับ ๑๒\nวันที่ ๓ ก.พ. ๒๕๖๙\n\nที่ มท ๐๒๑๐/๑');
    expect(stamps).toEqual([stamp(null, 12, '2026-02-03', null)]);
  });

  it('keeps a damaged date of the right stamp apart from the left stamp’s number', () => {
    const lines = toLines(
      normalizeDocumentText(
        [
          'กองคลัง                                    สำนักงานจังหวัดยโสธร',
          'เพื่อการพัฒนา                                      เลขรับ ๗๑๕',
          'เลขรับ ๒๒                                          วันที ๑๖ มี.ค. ๔๙๕๙',
          'วันที่ ๑๗ มี.ค. ๒๕๖๙                                  เวลา ๑๔.๐๐ น.',
          'ที่ มท ๐๒๐๗.๖/ว ๑๓๓๓',
        ].join('\n'),
      ),
    );
    const damaged: (DamagedStampDate | null)[] = [];
    const stamps = extractPrintedStamps(lines, damaged);
    expect(stamps.map((s) => s.receiptNumber)).toEqual([22, 715]);
    expect(damaged).toEqual([null, { day: 16, month: 3, year: null }]);
    expect(resolveDamagedStampDate({ day: 16, month: 3, year: null }, '2026-03-12')).toBe(
      '2026-03-16',
    );
  });
});

describe('a stamp date after a garbled วันที่ on a line it shares with the head', () => {
  const read = (text: string) => {
    const lines = toLines(normalizeDocumentText(text));
    const damaged: (DamagedStampDate | null)[] = [];
    const stamps = extractPrintedStamps(lines, damaged);
    return { stamps, damaged, rest: lines.map((l) => l.text.trimEnd()).join('\n') };
  };

  it('keeps the date to be placed like a damaged one, and blanks the label with it', () => {
    const { stamps, damaged, rest } = read(
      [
        'ด่วนมาก                                     ที่ทำการปกครองจังหวัดพิจิตร',
        'ที่ มท ๐๓๐๗.๑/๕๕๕                                      เลขรับ ๓๓๒',
        'กรมการปกครอง                                  © Jui ๑๙ มี.ค. ๒๕๖๙',
        'ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
      ].join('\n'),
    );
    expect(stamps).toEqual([stamp('ที่ทำการปกครองจังหวัดพิจิตร', 332, null, null)]);
    expect(damaged).toEqual([{ day: 19, month: 3, year: 2026 }]);
    expect(rest.split('\n')[2]).toBe('กรมการปกครอง');
    const plain = read('กองคลัง\nเลขรับ ๑๒\nกรมบัญชีกลาง               UA. ๓ ก.พ. ๒๕๖๙\n\nที่ กค ๐๔๒๐/๑');
    expect(plain.damaged).toEqual([{ day: 3, month: 2, year: 2026 }]);
  });

  it('takes no date after a Thai word or a number in its cell', () => {
    for (const dateLine of [
      'กรมการปกครอง                      ภายใน ๑๙ มี.ค. ๒๕๖๙',
      'กรมการปกครอง                      ABCD ๑๙ มี.ค. ๒๕๖๙',
      'กรมการปกครอง                      12 ๑๙ มี.ค. ๒๕๖๙',
    ]) {
      const { stamps, damaged } = read(
        ['กองคลัง', 'ที่ มท ๐๓๐๗.๑/๕๕๕                 เลขรับ ๓๓๒', dateLine].join('\n'),
      );
      expect(stamps[0]?.date ?? null).toBeNull();
      expect(damaged).toEqual([null]);
    }
  });
});

describe('a stamp time OCR damaged after its เวลา', () => {
  const read = (text: string) => {
    const lines = toLines(normalizeDocumentText(text));
    const unsure: boolean[] = [];
    const stamps = extractPrintedStamps(lines, [], unsure);
    return { stamps, unsure, rest: lines.map((l) => l.text.trimEnd()).join('\n') };
  };
  const stampWithTime = (timeLine: string): string =>
    ['สำนักงานจังหวัดลำปาง', 'เลขรับ 5182', 'วันที่ 15 ส.ค. 2569', timeLine, '', 'ที่ ลป 0019/1427'].join(
      '\n',
    );

  it.each<[string, string, string]>([
    ['the separator lost', 'เวลา 0850 น. 6', '08:50'],
    ['spaces round the dot and น. read as a digit', 'เวลา 16 . 101', '16:10'],
    ['the leading ๐ read as อ', 'เวลา อ๙.๕๕ น.', '09:55'],
    ['a comma for the dot', 'เวลา ๑๓,๐๕ น.', '13:05'],
  ])('reads a time with %s, as unsure', (_, timeLine, time) => {
    const { stamps, unsure, rest } = read(stampWithTime(timeLine));
    expect(stamps).toEqual([stamp('สำนักงานจังหวัดลำปาง', 5182, '2026-08-15', time)]);
    expect(unsure).toEqual([true]);
    expect(rest.split('\n')[3]?.trim().startsWith('เวลา')).toBe(false);
  });

  it.each<[string, string]>([
    ['outside office hours (a digit lost: ๐๙.๐๐ read as o.oo)', 'เวลา o.oo 1.'],
    ['an hour that is no hour', 'เวลา 3550 น.'],
    ['minutes past 59', 'เวลา 10.75 น.'],
    ['five digits run together', 'เวลา 10305 น.'],
  ])('reads no time %s', (_, timeLine) => {
    const { stamps, unsure } = read(stampWithTime(timeLine));
    expect(stamps).toEqual([stamp('สำนักงานจังหวัดลำปาง', 5182, '2026-08-15', null)]);
    expect(unsure).toEqual([false]);
  });

  it.each<[string, string, string]>([
    ['เวลา garbled, น. read as Latin letters', '4วลา ๐๙.๑๐ U.', '09:10'],
    ['เวลา with a letter added', 'เวงลา ๑๑.๓๐ น.', '11:30'],
    ['เวลา read as digits beside specks', 'ว         :         1381 15.30 u.', '15:30'],
  ])('reads a time under the date with %s, as unsure', (_, timeLine, time) => {
    const { stamps, unsure, rest } = read(stampWithTime(timeLine));
    expect(stamps).toEqual([stamp('สำนักงานจังหวัดลำปาง', 5182, '2026-08-15', time)]);
    expect(unsure).toEqual([true]);
    // The time is the stamp's, blanked with it.
    expect(rest.split('\n')[3]).not.toMatch(/[0-9๐-๙]{2}\s*[.:]\s*[0-9๐-๙]{2}/);
  });

  it.each<[string, string]>([
    ['without its suffix', '4วลา ๐๙.๑๐'],
    ['after running text', 'ประชุมคณะกรรมการ ๐๙.๑๐ น.'],
    ['at night', '4วลา ๒๓.๑๐ U.'],
    ['after a date on the line', 'ลงวันที่ ๑ ส.ค. ๖๙ ๐๙.๑๐ น.'],
  ])('reads no time under the date %s', (_, timeLine) => {
    const { stamps } = read(stampWithTime(timeLine));
    expect(stamps[0]?.time).toBeNull();
  });

  it('keeps a time read whole as sure, and leaves a body time alone', () => {
    const whole = read(stampWithTime('เวลา ๐๘.๕๐ น.'));
    expect(whole.stamps[0]?.time).toBe('08:50');
    expect(whole.unsure).toEqual([false]);
    const body = read(
      ['เลขรับ 12', 'วันที่ 15 ส.ค. 2569', '', 'ที่ ลป 0019/1427', 'ประชุมเวลา 0930 น.'].join('\n'),
    );
    expect(body.stamps[0]?.time).toBeNull();
    expect(body.rest).toContain('ประชุมเวลา 0930 น.');
  });
});

describe('a stamp read whole with a value no stamp prints', () => {
  const unsureOf = (numberLine: string, timeLine: string) => {
    const lines = toLines(
      normalizeDocumentText(
        ['ทต.โคกสี', numberLine, 'วันที่ ๑๙ ต.ค. ๖๙', timeLine, '', 'ที่ ขก ๐๐๒๓/ว ๑'].join('\n'),
      ),
    );
    const unsure: boolean[] = [];
    const stamps = extractPrintedStamps(lines, [], unsure);
    return { stamps, unsure };
  };

  it.each<[string, string, string, number, string]>([
    ['a number with a leading ๐ (a digit before it lost)', 'รับที่ ๐๗', 'เวลา ๑๐.๔๕ น.', 7, '10:45'],
    ['a number with a leading Latin o', 'เลขรับ o61', 'เวลา ๑๐.๔๕ น.', 61, '10:45'],
    ['a time outside office hours (a digit lost)', 'รับที่ ๕๐๗', 'เวลา ๑.๕๐ น.', 507, '01:50'],
    ['a time at night', 'รับที่ ๕๐๗', 'เวลา ๒๓.๑๐ น.', 507, '23:10'],
  ])('keeps %s as read, unsure', (_, numberLine, timeLine, number, time) => {
    const { stamps, unsure } = unsureOf(numberLine, timeLine);
    expect(stamps).toEqual([stamp('ทต.โคกสี', number, '2026-10-19', time)]);
    expect(unsure).toEqual([true]);
  });

  it.each<[string, string, string]>([
    ['a number with a ๐ inside', 'รับที่ ๕๐๗', 'เวลา ๑๐.๔๕ น.'],
    ['a number ending in ๐, a time at the first office hour', 'รับที่ ๑๐', 'เวลา ๐๗.๐๐ น.'],
    ['a time at the last office minute', 'รับที่ ๕๐๗', 'เวลา ๑๘.๕๙ น.'],
  ])('keeps %s sure', (_, numberLine, timeLine) => {
    expect(unsureOf(numberLine, timeLine).unsure).toEqual([false]);
  });
});

describe('a stamp time on a line of the letter’s address', () => {
  const read = (...l: string[]) => {
    const lines = toLines(normalizeDocumentText(l.join('\n')));
    const unsure: boolean[] = [];
    const stamps = extractPrintedStamps(lines, [], unsure);
    return { stamps, unsure, rest: lines.map((x) => x.text.trimEnd()) };
  };
  const top = [
    'ด่วนมาก                                     ที่ทำการปกครองจังหวัดพิจิตร',
    'ที่ มท ๐๓๐๗.๑/๕๕๕                                      เลขรับ ๓๓๒',
    'กรมการปกครอง                                  วันที่ ๑๙ มี.ค. ๒๕๖๙',
  ];

  it.each<[string, string[]]>([
    ['right under the date', ['ถนนอัษฎางค์ กทม. ๑๐๒๐๐ เวลา ๐๙.๔๐ น.']],
    ['with น. garbled', ['ถนนอัษฎางค์ กทม. ๑๐๒๐๐ เวลา ๐๙.๔๐ UW.']],
    ['a line of dust between', ['วระ', 'ถนนอัษฎางค์ กทม. ๑๐๒๐๐ เวลา ๐๙.๔๐ น.']],
  ])('is the stamp’s when it ends its line %s, as unsure', (_, after) => {
    const { stamps, unsure, rest } = read(...top, ...after, '๑๗ มีนาคม ๒๕๖๙');
    expect(stamps).toEqual([stamp('ที่ทำการปกครองจังหวัดพิจิตร', 332, '2026-03-19', '09:40')]);
    expect(unsure).toEqual([true]);
    expect(rest.at(-2)).toBe('ถนนอัษฎางค์ กทม. ๑๐๒๐๐');
  });

  it.each<[string, string[]]>([
    ['with text after it', ['ถนนอัษฎางค์ เวลา ๐๙.๔๐ น. ณ ห้องประชุม']],
    ['after a date on its line', ['ประชุมวันที่ ๒๐ มี.ค. ๒๕๖๙ เวลา ๐๙.๔๐ น.']],
    ['three lines under the date', ['ถนนอัษฎางค์', 'กทม.', 'ห้องประชุม เวลา ๐๙.๔๐ น.']],
    ['past the letter’s head', ['เรื่อง  ประชุม เวลา ๐๙.๔๐ น.']],
  ])('is not the stamp’s %s', (_, after) => {
    const { stamps, unsure } = read(...top, ...after);
    expect(stamps[0]?.time).toBeNull();
    expect(unsure).toEqual([false]);
  });

  it('leaves the letter’s time alone when the stamp has its own', () => {
    const { stamps, rest } = read(
      ...top.slice(0, 2),
      'กรมการปกครอง                                  วันที่ ๑๙ มี.ค. ๒๕๖๙ เวลา ๑๑.๐๐ น.',
      'ถนนอัษฎางค์ กทม. ๑๐๒๐๐ เวลา ๐๙.๔๐ น.',
    );
    expect(stamps[0]?.time).toBe('11:00');
    expect(rest.at(-1)).toBe('ถนนอัษฎางค์ กทม. ๑๐๒๐๐ เวลา ๐๙.๔๐ น.');
  });
});

describe('a stamp unit whose unit word the scan damaged at its start', () => {
  it('takes the box’s first line above the number', () => {
    const { stamps } = stampsOf(
      ['ลงค์การบริหารส่วนจังหวัดร้อยเอ็ด 0', 'เลขรับ 1,024', 'วันที 7 ส.ค. 2569', 'ที่ รอ 53801/142'].join(
        '\n',
      ),
    );
    expect(stamps).toEqual([stamp('ลงค์การบริหารส่วนจังหวัดร้อยเอ็ด 0', 1024, '2026-08-07', null)]);
  });

  it('takes the text before the keyword in its cell', () => {
    const { stamps, rest } = stampsOf(
      [
        "ถึง ส่วนราชการ ทุกส่วนราชการ                        ' ถำเภอวารินชำราบ เลขรับ ๙๑",
        'วันที่ ๑๒ มิ.ย. ๒๕๖๙',
        'เรื่อง การรายงานข้อมูลครุภัณฑ์ประจำปี',
      ].join('\n'),
    );
    expect(stamps).toEqual([stamp('ถำเภอวารินชำราบ', 91, '2026-06-12', null)]);
    expect(rest.split('\n')[0]).not.toContain('ถำเภอ');
  });

  it('takes a unit on two lines whose division the reader set out after specks', () => {
    const text = [
      'อบต.แม่กาษา',
      ':        .          ]        งานสารบรรณ',
      'รับที 153',
      'วันที ๑๘ พ.ย. 69',
    ];
    const { stamps, rest } = stampsOf([...text, '', 'ที่ ตก 0118/ว ๒๐๗'].join('\n'));
    expect(stamps).toEqual([stamp('อบต.แม่กาษา งานสารบรรณ', 153, '2026-11-18', null)]);
    expect(rest.split('\n')[1]).not.toContain('งานสารบรรณ');
    // A line above that names no unit, or a unit whose second line is no division: as before.
    for (const [top, right] of [
      ['ที่ ตก 0118/ว ๒๐๗', 'งานสารบรรณ'],
      ['อบต.แม่กาษา', 'สำนักงานจังหวัดตาก'],
    ]) {
      const other = [top, `:        .          ]        ${right}`, 'รับที 153', 'วันที ๑๘ พ.ย. 69'];
      expect(stampsOf(other.join('\n')).stamps[0]?.unit).toBe(right);
    }
  });

  it('takes a municipality’s abbreviation and name above the number under the contacts', () => {
    // OCR gives no blank line between the letter's contacts and a stamp at its foot.
    const text = ['โทร. ๐ ๔๓๒๓ ๖๘๑๔', 'ทต.โคกสี', 'รับที่ ๕๐๗', 'วันที่ ๑๙ ต.ค. ๖๙'].join('\n');
    expect(stampsOf(text).stamps).toEqual([stamp('ทต.โคกสี', 507, '2026-10-19', null)]);
  });

  it('leaves letter text before the keyword that names no unit', () => {
    const { stamps } = stampsOf('ถองแถว เลขรับ ๙๑\nวันที่ ๑๒ มิ.ย. ๒๕๖๙\n\nที่ มท ๐๒๑๐/๑');
    expect(stamps).toEqual([stamp(null, 91, '2026-06-12', null)]);
  });
});

describe('a receipt keyword whose ที่ OCR read with another upper vowel', () => {
  it.each(['เลขทิรับ ๓๓๐๕', 'เลขทึ่รับ ๓๓๐๕', 'เลขรับทื ๓๓๐๕'])('finds the stamp of %s', (keyword) => {
    const { stamps } = stampsOf(
      ['อำเภอสันทราย', keyword, 'วันที่ ๑๗ พ.ย. ๒๕๖๙', 'เวลา ๑๐.๓๐ น.', '', 'ที่ ชม ๗๓๕๐๑/๔๔๗'].join(
        '\n',
      ),
    );
    expect(stamps).toEqual([stamp('อำเภอสันทราย', 3305, '2026-11-17', '10:30')]);
  });

  it.each(['รับทราบ ๓๓๐๕', 'เลขทะ ๓๓๐๕', 'บันทึก ๓๓๐๕'])('takes no stamp from %s', (text) => {
    expect(stampsOf(`${text}\n\nที่ ชม ๗๓๕๐๑/๔๔๗`).stamps).toEqual([]);
  });
});

describe('a receipt keyword OCR damaged', () => {
  const read = (text: string) => {
    const lines = toLines(normalizeDocumentText(text));
    const unsure: boolean[] = [];
    const stamps = extractPrintedStamps(lines, [], unsure);
    return { stamps, unsure, rest: lines.map((l) => l.text.trimEnd()).join('\n') };
  };
  const head = ['', 'ที่ มท ๐๓๐๗.๒/๑๑๙๐', 'เรื่อง ทดสอบ'];

  it.each<[string, string]>([
    ['a letter glued before it', 'ไทะเบียนรับ ๑๘๒๗๔'],
    ['read as Latin letters', 'Fun ๑๘๒๗๔'],
    ['with a letter misread', 'เลขรั้ป ๑๘๒๗๔'],
  ])('takes a stamp whose keyword came %s, in a stamp’s shape, as unsure', (_, keywordLine) => {
    const text = ['กรมคุมประพฤติ', keywordLine, 'วันที ๒๓ ต.ค. ๖๙', 'เวลา ๐๙.๐๕ น.', ...head];
    const { stamps, unsure, rest } = read(text.join('\n'));
    expect(stamps).toEqual([stamp('กรมคุมประพฤติ', 18274, '2026-10-23', '09:05')]);
    expect(unsure).toEqual([true]);
    expect(rest.split('\n').slice(0, 4)).toEqual(['', '', '', '']);
  });

  it.each<[string, string[]]>([
    ['without a unit above it', ['', 'Fun ๑๘๒๗๔', 'วันที ๒๓ ต.ค. ๖๙']],
    ['without its own date below', ['กรมคุมประพฤติ', 'Fun ๑๘๒๗๔', '']],
    ['over a date in full (a letter’s)', ['กรมคุมประพฤติ', 'Fun ๑๘๒๗๔', '๒๓ ตุลาคม ๒๕๖๙']],
    ['for เลขที่, which numbers other things', ['กรมคุมประพฤติ', 'เลขที่ ๑๒', 'วันที่ ๒๓ ต.ค. ๖๙']],
    ['for a Latin word too long', ['กรมคุมประพฤติ', 'Funds ๑๒', 'วันที่ ๒๓ ต.ค. ๖๙']],
  ])('takes no stamp %s', (_, lines) => {
    // Below the letter's head, where no register's number and date make a stamp alone.
    const text = [...head, '', ...lines].join('\n');
    const { stamps, rest } = read(text);
    expect(stamps).toEqual([]);
    expect(rest.split('\n')[head.length + 2]).toBe(lines[1]);
  });
});
