/**
 * Letters as a new user meets them: higher salutations, stamps that abbreviate their unit,
 * a time before the date, years no letter can have, reference numbers without letters.
 * Each class has several cases of its own, not only the one first met.
 */
import { describe, expect, it } from 'vitest';
import { parseThaiDate } from 'src/thai/be-date.js';
import { parseLetter } from 'src/thai/letter-parser.js';
import { parseReferenceNumber } from 'src/thai/reference-number.js';

const lines = (...l: string[]): string => l.join('\n');

const letter = (o: {
  stamp?: string[];
  ref?: string;
  date?: string;
  salutation?: string;
  closing?: string;
  bodyEnd?: string;
}): string =>
  lines(
    ...(o.stamp ?? []),
    '',
    `ที่ ${o.ref ?? 'นร ๐๕๐๓/๑๒๓'}`,
    '',
    'สำนักเลขาธิการนายกรัฐมนตรี',
    'ทำเนียบรัฐบาล กทม. ๑๐๓๐๐',
    '',
    o.date ?? '๑๒ มกราคม ๒๕๖๙',
    '',
    'เรื่อง ขอพระราชทานพระบรมราชานุญาต',
    `${o.salutation ?? 'เรียน'} นายกรัฐมนตรี`,
    'อ้างถึง หนังสือสำนักนายกรัฐมนตรี ที่ นร ๐๕๐๓/๑๐ ลงวันที่ ๕ มกราคม ๒๕๖๙',
    'สิ่งที่ส่งมาด้วย สำเนาหนังสือ จำนวน ๑ ฉบับ',
    '',
    '        ตามหนังสือที่อ้างถึง นั้น',
    '',
    `        ${o.bodyEnd ?? 'จึงเรียนมาเพื่อโปรดพิจารณา'}`,
    '',
    `             ${o.closing ?? 'ขอแสดงความนับถือ'}`,
    '',
    '           (นายสมชาย ใจดี)',
    '        เลขาธิการนายกรัฐมนตรี',
    '',
    'สำนักงานเลขาธิการ',
    'โทร. ๐ ๒๒๘๐ ๑๐๐๐',
  );

describe('higher salutations (คำขึ้นต้น) read as the salutation', () => {
  it.each([
    ['กราบเรียน', 'ขอแสดงความนับถืออย่างยิ่ง', 'จึงกราบเรียนมาเพื่อโปรดพิจารณา'],
    ['กราบเรียน:', 'ขอแสดงความนับถืออย่างยิ่ง', 'จึงกราบเรียนมาเพื่อโปรดทราบ'],
    ['กราบทูล', 'ควรมิควรแล้วแต่จะโปรด', 'จึงกราบทูลมาเพื่อโปรดทราบ'],
    ['ขอประทานกราบทูล', 'ควรมิควรแล้วแต่จะโปรด', 'จึงกราบทูลมาเพื่อโปรดทราบ'],
    ['นมัสการ', 'ขอนมัสการด้วยความเคารพ', 'จึงเรียนมาเพื่อโปรดทราบ'],
    ['เรียน', 'ขอแสดงความนับถือ', 'จึงเรียนมาเพื่อโปรดพิจารณา'],
  ])('%s … with %s', (salutation, closing, bodyEnd) => {
    const parsed = parseLetter(letter({ salutation, closing, bodyEnd }));
    expect(parsed.salutation).toBe('นายกรัฐมนตรี');
    expect(parsed.subject).toBe('ขอพระราชทานพระบรมราชานุญาต');
    // The fields after it still parse.
    expect(parsed.references).toEqual([
      {
        raw: 'นร ๐๕๐๓/๑๐',
        agencyPrefix: 'นร',
        agencyNumber: '0503',
        circular: false,
        serial: 10,
        date: '2026-01-05',
      },
    ]);
    expect(parsed.enclosures).toEqual(['สำเนาหนังสือ จำนวน ๑ ฉบับ']);
    expect(parsed.signatory).toEqual({ name: 'นายสมชาย ใจดี', position: 'เลขาธิการนายกรัฐมนตรี' });
    expect(parsed.ownerUnit).toBe('สำนักงานเลขาธิการ');
    expect(parsed.warnings).toEqual([]);
  });

  it('a memo to the Prime Minister with กราบเรียน keeps its memo fields', () => {
    const parsed = parseLetter(
      lines(
        'บันทึกข้อความ',
        'ส่วนราชการ สำนักงานปลัดสำนักนายกรัฐมนตรี โทร. ๐ ๒๒๘๓ ๔๐๐๐',
        'ที่ นร ๐๑๐๔/๗๗ วันที่ ๓ กุมภาพันธ์ ๒๕๖๙',
        'เรื่อง รายงานผลการประชุม',
        'กราบเรียน นายกรัฐมนตรี',
        '',
        '        ด้วยสำนักงานปลัดสำนักนายกรัฐมนตรีขอรายงาน',
      ),
    );
    expect(parsed).toMatchObject({
      kind: 'memo',
      salutation: 'นายกรัฐมนตรี',
      subject: 'รายงานผลการประชุม',
      letterDate: { date: '2026-02-03' },
      referenceNumber: { agencyPrefix: 'นร', serial: 77 },
    });
  });

  it('a word that only starts like a salutation is not one (ทูลเกล้า…, นมัสการพระ… in a body)', () => {
    const parsed = parseLetter(letter({ salutation: 'เรียน' }));
    expect(parsed.salutation).toBe('นายกรัฐมนตรี');
    const body = parseLetter(lines('เรื่อง ทดสอบ', 'เรียน ผู้ว่าราชการจังหวัด', 'ทูลเกล้าทูลกระหม่อมถวาย'));
    expect(body.salutation).toBe('ผู้ว่าราชการจังหวัด');
  });
});

describe('receipt stamps that abbreviate their unit keep it', () => {
  it.each([
    [['สนจ.ร้อยเอ็ด เลขรับ ๑๒๓', 'วันที่ ๑๕ ม.ค. ๒๕๖๙ เวลา ๑๐.๓๐ น.'], 'สนจ.ร้อยเอ็ด', 123],
    [['ทถ.ร้อยเอ็ด', 'เลขรับ ๑๒๓', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'ทถ.ร้อยเอ็ด', 123],
    [['ทต.หนองบัว เลขรับ ๗', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'ทต.หนองบัว', 7],
    [['สพป.ขอนแก่น เขต ๑ เลขรับ ๔๕', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'สพป.ขอนแก่น เขต ๑', 45],
    [['รพ.สต.บ้านโคก เลขที่รับ ๙', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'รพ.สต.บ้านโคก', 9],
    [['อบต. บ้านใหม่ รับที่ ๘๘', '๑๕ ม.ค. ๖๙'], 'อบต. บ้านใหม่', 88],
    [
      ['สสจ.ขอนแก่น', 'กลุ่มงานบริหารทั่วไป', 'เลขรับ ๑๒๓', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'],
      'สสจ.ขอนแก่น กลุ่มงานบริหารทั่วไป',
      123,
    ],
    [['ข้อความอื่น', 'สถจ.ร้อยเอ็ด', 'เลขรับ ๕๐๐', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'สถจ.ร้อยเอ็ด', 500],
    // An abbreviation of no list, alone before the keyword on the stamp's line.
    [['สลค. เลขรับ 9921', 'วันที่ 15 ม.ค. 2569'], 'สลค.', 9921],
    [['กพร. รับที่ ๑๒', '๑๕ ม.ค. ๖๙'], 'กพร.', 12],
    [['รพ.สต. เลขที่รับ ๓๓', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'รพ.สต.', 33],
    [['      สปน.  ทะเบียนรับ ๔๐๑', 'วันที่ ๑๕ ม.ค. ๒๕๖๙'], 'สปน.', 401],
  ])('%j', (stamp, unit, receiptNumber) => {
    const parsed = parseLetter(letter({ stamp }));
    expect(parsed.receiptStamps).toEqual([
      expect.objectContaining({ unit, receiptNumber, date: '2026-01-15' }),
    ]);
    expect(parsed.referenceNumber?.raw).toBe('นร ๐๕๐๓/๑๒๓');
  });

  it.each([['ด่วน เลขรับ ๑๒'], ['กค.๑ เลขรับ ๑๒'], ['สลค.ทดสอบ ๑ เลขรับ ๑๒']])(
    '%s: text before the keyword that is no bare abbreviation names no unit',
    (first) => {
      const parsed = parseLetter(letter({ stamp: [first, 'วันที่ ๑๕ ม.ค. ๒๕๖๙'] }));
      expect(parsed.receiptStamps).toEqual([
        expect.objectContaining({ unit: null, receiptNumber: 12, date: '2026-01-15' }),
      ]);
    },
  );

  it('a position abbreviation after a signature is not taken for a unit', () => {
    const parsed = parseLetter(
      lines(
        'ที่ มท ๐๒๑๐.๕/๒๖๓',
        '',
        '๑๒ มกราคม ๒๕๖๙',
        '',
        'เรื่อง ทดสอบ',
        'เรียน ผู้ว่าราชการจังหวัด',
        '',
        '        ตามหนังสือ นั้น',
        '',
        '             ขอแสดงความนับถือ',
        '',
        '           (นายสมชาย ใจดี)',
        '        ผอ.สพป.ขอนแก่น เขต ๑',
      ),
    );
    expect(parsed.signatory).toEqual({ name: 'นายสมชาย ใจดี', position: 'ผอ.สพป.ขอนแก่น เขต ๑' });
  });
});

describe('a time written before the date', () => {
  it.each([
    ['เวลา ๐๙.๓๐ น. วันที่ ๗ ก.ค. ๖๗', '2024-07-07', '09:30'],
    ['เวลา 14:05 วันที่ 15/01/2569', '2026-01-15', '14:05'],
    ['๑๐.๕๕ น. ๑๕ ม.ค. ๒๕๖๙', '2026-01-15', '10:55'],
    ['เวลา ๑๐.๕๕ น. วันพุธที่ ๑๔ ม.ค. ๒๕๖๙', '2026-01-14', '10:55'],
    ['เวลา ๘.๐๐ นาฬิกา, ๑ ก.พ. ๖๙', '2026-02-01', '08:00'],
    ['เวลา ๑๖.๔๕ น. 15-01-2569', '2026-01-15', '16:45'],
  ])('parseThaiDate(%s)', (input, date, time) => {
    expect(parseThaiDate(input)).toEqual({ ok: true, value: { date, time, raw: input } });
  });

  it.each([
    ['เวลา ๒๕.๓๐ น. วันที่ ๗ ก.ค. ๖๗', 'invalid_time'],
    ['เวลา ๐๙.๓๐ น. วันที่ ๗ ก.ค. ๖๗ เวลา ๑๐.๐๐ น.', 'unrecognised'],
    ['เวลา ๐๙.๓๐ น. วันที่ ๓๑ ก.พ. ๖๙', 'impossible_date'],
  ])('rejects %s', (input, code) => {
    const r = parseThaiDate(input);
    expect(r.ok ? null : r.error.code).toBe(code);
  });

  it.each([
    [['กองคลัง', 'เลขรับ ๑๒', 'เวลา ๐๙.๓๐ น. วันที่ ๗ ก.ค. ๖๗'], '2024-07-07', '09:30'],
    [['กองคลัง เลขรับ ๑๒', 'เวลา 14:05 วันที่ 15/01/2569'], '2026-01-15', '14:05'],
    [['งานสารบรรณ', 'รับที่ ๙', '๑๐.๕๕ น. ๑๕ ม.ค. ๒๕๖๙'], '2026-01-15', '10:55'],
    [['กองคลัง', 'เลขรับ ๑๒', 'เวลา ๐๙.๓๐ น.', 'วันที่ ๗ ก.ค. ๖๗'], '2024-07-07', '09:30'],
  ])('a stamp %j', (stamp, date, time) => {
    const parsed = parseLetter(letter({ stamp, date: '๑ กรกฎาคม ๒๕๖๗' }));
    expect(parsed.receiptStamps).toEqual([expect.objectContaining({ date, time })]);
    expect(parsed.letterDate?.date).toBe('2024-07-01');
  });
});

describe('a year no letter can have is an error, not a date', () => {
  it.each([
    ['๑๒ มกราคม ๒๑๖๙'], // far before
    ['๑๒ มกราคม ๒๙๖๙'], // far after
    ['๑๒ มกราคม ๒๖๙๙'], // a century ahead: inside the calendar's range, not a letter's
    ['๑๒ มกราคม ๒๔๐๑'],
    ['12 มกราคม 2026'], // a Gregorian year where พ.ศ. is meant
    ['๑๒ มกราคม ๕๖๙'], // a digit lost
    ['๑๒ มกราคม ๒๕๖๙๙'], // a digit doubled
    ['วันที่ ๑๒ ม.ค. ๓๐๖๙'],
  ])('%s', (date) => {
    const parsed = parseLetter(letter({ date }));
    expect(parsed.letterDate?.date).toBeNull();
    expect(parsed.warnings).toContainEqual({
      code: 'invalid_date',
      field: 'letterDate',
      reason: 'year_out_of_range',
    });
  });

  it('keeps plausible years, old and near', () => {
    expect(parseLetter(letter({ date: '๑ มกราคม ๒๔๘๐' })).letterDate?.date).toBe('1937-01-01');
    expect(parseLetter(letter({ date: '๓๑ ธันวาคม ๒๕๙๙' })).letterDate?.date).toBe('2056-12-31');
    expect(parseLetter(letter({ date: '๑๒ ม.ค. ๖๙' })).letterDate?.date).toBe('2026-01-12');
  });

  it('parseThaiDate reports a three- or five-digit year as out of range', () => {
    for (const input of ['๑๒ มกราคม ๕๖๙', '12 ม.ค. 25699']) {
      const r = parseThaiDate(input);
      expect(r.ok ? null : r.error.code).toBe('year_out_of_range');
    }
  });
});

describe('a reference number without agency letters is an error', () => {
  it.each([
    ['๐๒๑๐.๕/๒๖๓', 'no_prefix'],
    ['๒๖๓', 'no_prefix'],
    ['/๒๖๓', 'no_prefix'],
    ['๐๐๑๗.๓/ว๑๒๓', 'no_prefix'],
    ['0017.3/ว 123', 'no_prefix'],
    ['๑๒๓/๒๕๖๙', 'no_prefix'],
    ['มท ๒๖๓', 'no_slash'],
  ])('ที่ %s', (ref, reason) => {
    const parsed = parseLetter(letter({ ref }));
    expect(parsed.referenceNumber).toBeNull();
    expect(parsed.warnings).toContainEqual({
      code: 'invalid_reference_number',
      field: 'referenceNumber',
      reason,
    });
    // The rest of the letter still parses.
    expect(parsed.letterDate?.date).toBe('2026-01-12');
    expect(parsed.subject).toBe('ขอพระราชทานพระบรมราชานุญาต');
  });

  it.each(['๒๖๓', '263', '๐๒๑๐.๕/๒๖๓', ' / ๑๒ '])('parseReferenceNumber(%j) fails', (input) => {
    const r = parseReferenceNumber(input);
    expect(r.ok ? null : r.error.code).toBe('no_prefix');
  });

  it('a line starting ที่ with words is not taken for a reference number', () => {
    const parsed = parseLetter(letter({ ref: 'ประชุม ๓/๒๕๖๙' }));
    expect(parsed.warnings.filter((w) => w.code === 'invalid_reference_number')).toEqual([]);
  });
});
