import { describe, expect, it } from 'vitest';
import { isKnownLetterCode, letterCodeRepaired } from 'src/thai/letter-codes.js';
import { parseLetter } from 'src/thai/letter-parser.js';

describe('letter codes the system knows', () => {
  it('knows the ministries and the provinces, not any two letters', () => {
    for (const code of ['มท', 'ศธ', 'สธ', 'กค', 'นร', 'อว', 'ชม', 'ยล', 'กท', 'อย'])
      expect(isKnownLetterCode(code), code).toBe(true);
    for (const code of ['รถ', 'ขข', 'มทท', 'NA']) expect(isKnownLetterCode(code), code).toBe(false);
  });
});

describe('letterCodeRepaired', () => {
  it.each([
    // ป read as ฟ, ช as ซ, ท as ฑ, ธ as อ, พ as น: the head names the owner of the code a letter off.
    ['ลฟ', 'สำนักงานจังหวัดลำปาง ถนนบุญวาทย์', 'ลป'],
    // A misread into another known code (สป for ลป) cannot be told from a real one.
    ['สป', 'สำนักงานจังหวัดลำปาง ถนนบุญวาทย์', null],
    ['ชบ', 'ศาลากลางจังหวัดชลบุรี', null], // known: never changed
    ['นบ', 'ศาลากลางจังหวัดชลบุรี', null],
    ['ซม', 'ส่วนราชการ  สำนักงานจังหวัดเชียงใหม่ กลุ่มงานอำนวยการ', 'ชม'],
    ['มห', 'กระทรวงมหาดไทย', null], // a known code is never changed
    ['มฑ', 'ที่ มฑ ๐๒๑๑/ว ๔๔   กระทรวงมหาดไทย ถนนอัษฎางค์ กทม. ๑๐๒๐๐', 'มท'],
    ['ศอ', 'กระทรวงศึกษาธิการ ถนนราชดำเนินนอก', 'ศธ'],
    ['ลน', 'องค์การบริหารส่วนจังหวัดลำพูน', 'ลพ'],
  ])('%s in a head naming %s → %s', (code, head, want) => {
    expect(letterCodeRepaired(code, head)).toBe(want);
  });

  it('changes nothing when the head names no owner a letter off', () => {
    expect(letterCodeRepaired('ขข', 'กรมการปกครอง ถนนอัษฎางค์')).toBeNull();
    // ตาก is named, but ตก is two letters off ขข.
    expect(letterCodeRepaired('ขข', 'ศาลากลางจังหวัดตาก')).toBeNull();
    // A province named without จังหวัด (a road, a person's name) does not count.
    expect(letterCodeRepaired('ลห', 'ถนนลำพูน')).toBeNull();
  });

  it('changes nothing when two owners a letter off are named', () => {
    // สต (สตูล) and สข (สงขลา) are both a letter off สฃ.
    expect(letterCodeRepaired('สฃ', 'จังหวัดสตูล จังหวัดสงขลา')).toBeNull();
    expect(letterCodeRepaired('สฃ', 'จังหวัดสงขลา')).toBe('สข');
  });
});

describe('a reference number with its code misread, in a letter', () => {
  const lines = (...l: string[]): string => l.join('\n');
  const memo = (ref: string, unit: string): string =>
    lines(
      'บันทึกข้อความ',
      `ส่วนราชการ  ${unit}`,
      `${ref}                      วันที่ ๑๗ มีนาคม ๒๕๖๘`,
      'เรื่อง  ขออนุมัติจัดซื้อวัสดุสำนักงาน',
      'เรียน  ผู้ว่าราชการจังหวัด',
    );
  const unsure = (text: string): boolean =>
    parseLetter(text).warnings.some(
      (w) => w.code === 'low_confidence' && w.field === 'referenceNumber',
    );

  it('reads the code the head names, keeps the text as read, and is unsure', () => {
    const text = memo('ที่ ชซ ๐๐๒๓.๔/๗๘', 'สำนักงานจังหวัดชัยภูมิ กลุ่มงานอำนวยการ');
    expect(parseLetter(text).referenceNumber).toEqual({
      raw: 'ชซ ๐๐๒๓.๔/๗๘',
      agencyPrefix: 'ชย',
      agencyNumber: '0023.4',
      circular: false,
      serial: 78,
    });
    expect(unsure(text)).toBe(true);
  });

  it('leaves a known code alone, and sure', () => {
    const text = memo('ที่ ชน ๐๐๒๓.๔/๗๘', 'สำนักงานจังหวัดชัยภูมิ กลุ่มงานอำนวยการ');
    expect(parseLetter(text).referenceNumber?.agencyPrefix).toBe('ชน');
    expect(unsure(text)).toBe(false);
  });

  it('never takes the owner from the addressee or a receipt stamp', () => {
    const external = lines(
      'ที่ ชซ ๐๐๒๓.๔/ว ๑๒                          ศาลากลาง',
      '                          ถนนบรรณาการ',
      '            ๓ เมษายน ๒๕๖๘',
      'เรื่อง  ขอเชิญประชุม',
      'เรียน  ผู้ว่าราชการจังหวัดชัยภูมิ',
    );
    expect(parseLetter(external).referenceNumber?.agencyPrefix).toBe('ชซ');
  });
});
