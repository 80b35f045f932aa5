import { describe, expect, it } from 'vitest';
import { parseLetter } from 'src/thai/letter-parser.js';

/**
 * The letter's numbers as OCR of a scan leaves them: reference numbers, letter dates and
 * the citations and enclosures around them.
 */
const lines = (...l: string[]): string => l.join('\n');

describe('letter date: a receipt stamp dated with วันที่ above the head', () => {
  it('takes the unlabelled date under the reference number, not the stamp line above it', () => {
    // A receipt stamp read in pieces: its second date line is left in the head.
    const parsed = parseLetter(
      lines(
        '๒ ก.ค. ๒๕๖๗',
        'กอง ๑๔',
        'กลุ่มงานแผนงาน',
        "5' 0       เลขที่รับ ex     1",
        'วันที 3 ก.ค. 2567',
        'เวลา 13.20 น.',
        'ที่ ลป ๐๐๒๓.๓/๕๑๒',
        '            ๒๘ มิถุนายน ๒๕๖๗',
        'เรื่อง  แจ้งกำหนดการ',
        'เรียน  ผู้ว่าราชการจังหวัดลำปาง',
      ),
    );
    expect(parsed.letterDate).toEqual({ raw: '๒๘ มิถุนายน ๒๕๖๗', date: '2024-06-28' });
  });

  it('still takes a labelled date above a reference number when the head has no other', () => {
    const parsed = parseLetter(
      lines('วันที่ ๓ กรกฎาคม ๒๕๖๗', 'ที่ ชม ๐๐๑๗.๒/๘๘', 'เรื่อง  ขอเชิญประชุม', 'เรียน  นายอำเภอทุกอำเภอ'),
    );
    expect(parsed.letterDate?.date).toBe('2024-07-03');
  });

  it('keeps a memo’s วันที่ on its own line, above or below ที่', () => {
    const parsed = parseLetter(
      lines(
        'บันทึกข้อความ',
        'ส่วนราชการ  สำนักงานจังหวัดตาก กลุ่มงานอำนวยการ',
        'วันที่ 21 สิงหาคม 2568',
        'ที่ ตก 0017.1/77',
        'เรื่อง  ขออนุมัติ',
        'เรียน  ผู้ว่าราชการจังหวัดตาก',
      ),
    );
    expect(parsed.letterDate?.date).toBe('2025-08-21');
  });
});

describe('letter date: a Buddhist-era year OCR damaged at its start', () => {
  const letter = (date: string): string =>
    lines(
      'ที่ นม ๐๐๑๗.๔/ว ๒๑                       ศาลากลางจังหวัดนครราชสีมา',
      '                                          ถนนมหาดไทย นม ๓๐๐๐๐',
      `            ${date}`,
      'เรื่อง  ขอความร่วมมือ',
      'เรียน  นายอำเภอทุกอำเภอ',
    );
  const unsure = (text: string): boolean =>
    parseLetter(text).warnings.some((w) => w.code === 'low_confidence' && w.field === 'letterDate');

  it('reads a first digit misread as ๒, keeps the text as read and flags the date', () => {
    const text = letter('๑๗ ธันวาคม ๘๕๖๘');
    expect(parseLetter(text).letterDate).toEqual({ raw: '๑๗ ธันวาคม ๘๕๖๘', date: '2025-12-17' });
    expect(unsure(text)).toBe(true);
  });

  it('reads it with the year glued to the month, in either digits', () => {
    const text = letter('๓ มกราคม๘๕๗๐');
    expect(parseLetter(text).letterDate?.date).toBe('2027-01-03');
    expect(unsure(text)).toBe(true);
    expect(parseLetter(letter('28 กันยายน 6567')).letterDate?.date).toBe('2024-09-28');
  });

  it('with a speck after the date', () => {
    expect(parseLetter(letter('๙ เมษายน ๖๕๗๑ 7')).letterDate?.date).toBe('2028-04-09');
  });

  it('repairs nothing else: a digit lost or doubled, later digits wrong', () => {
    const dates = ['๕ มีนาคม ๕๖๙', '๕ มีนาคม ๒๕๖๙๙', '๕ มีนาคม ๒๗๖๙', '๕ มีนาคม 2699', '๕ มีนาคม ๓๖๐๑'];
    for (const date of dates) {
      const parsed = parseLetter(letter(date));
      expect(parsed.letterDate?.date ?? null, date).toBeNull();
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'invalid_date', reason: 'year_out_of_range' }),
      );
    }
  });

  it('never repairs a day that is not in the calendar', () => {
    expect(parseLetter(letter('๓๑ เมษายน ๘๕๖๙')).letterDate?.date ?? null).toBeNull();
  });
});

describe('letter date: the spaces OCR lost between its parts', () => {
  const letter = (date: string): string =>
    lines(
      'ที่ ลป ๐๐๑๗.๒/ว ๔๔                       ศาลากลางจังหวัดลำปาง',
      `                                          ${date}`,
      'เรื่อง  ขอเชิญประชุม',
      'เรียน  นายอำเภอทุกอำเภอ',
    );

  it('prints the day, month and year apart, as the form does', () => {
    for (const [read, raw, date] of [
      ['๔มิถุนายน ๒๕๖๙', '๔ มิถุนายน ๒๕๖๙', '2026-06-04'],
      ['๒๘ธันวาคม ๒๕๖๘', '๒๘ ธันวาคม ๒๕๖๘', '2025-12-28'],
      ['๑๒ มีนาคม๒๕๗๐', '๑๒ มีนาคม ๒๕๗๐', '2027-03-12'],
      ['3กันยายน2569', '3 กันยายน 2569', '2026-09-03'],
      ['๑๕ ตุลาคม พ.ศ.๒๕๖๙', '๑๕ ตุลาคม พ.ศ. ๒๕๖๙', '2026-10-15'],
    ]) {
      expect(parseLetter(letter(read)).letterDate, read).toEqual({ raw, date });
    }
  });

  it('leaves a date printed with its spaces as it is', () => {
    for (const printed of ['๑๒ มีนาคม ๒๕๖๙', '5 มีนาคม 2569', '๓๐ ตุลาคม พ.ศ. ๒๕๖๙']) {
      expect(parseLetter(letter(printed)).letterDate?.raw).toBe(printed);
    }
  });
});

describe('reference number: a mark OCR read over the letter code', () => {
  const memo = (ref: string): string =>
    lines(
      'บันทึกข้อความ',
      'ส่วนราชการ  สำนักงานจังหวัดพัทลุง กลุ่มงานอำนวยการ',
      `${ref}                      วันที่ ๔ มิถุนายน ๒๕๖๘`,
      'เรื่อง  ขออนุมัติ',
      'เรียน  ผู้ว่าราชการจังหวัดพัทลุง',
    );
  const unsure = (text: string): boolean =>
    parseLetter(text).warnings.some(
      (w) => w.code === 'low_confidence' && w.field === 'referenceNumber',
    );

  it.each([
    ['ที่ พท์ ๐๐๑๗.๒/๓๓๔', 'พท', '0017.2', 334],
    ['# พ่ท 0017.2/ว 45', 'พท', '0017.2', 45],
    ['ที่ นร้ ๐๕๐๓/๑๒', 'นร', '0503', 12],
  ])('%s reads as %s, unsure', (ref, agencyPrefix, agencyNumber, serial) => {
    const parsed = parseLetter(memo(ref));
    expect(parsed.referenceNumber).toMatchObject({ agencyPrefix, agencyNumber, serial });
    expect(parsed.letterDate?.date).toBe('2025-06-04');
    expect(unsure(memo(ref))).toBe(true);
  });

  it('leaves a code read cleanly as sure', () => {
    expect(unsure(memo('ที่ พท ๐๐๑๗.๒/๓๓๔'))).toBe(false);
  });

  it('never takes a word with a vowel for a code', () => {
    expect(parseLetter(memo('ที่ พิท ๐๐๑๗.๒/๓๓๔')).referenceNumber).toBeNull();
  });
});

describe('enclosures and citations: item numbers and specks OCR left', () => {
  const letter = (...fields: string[]): string =>
    lines(
      'ที่ ยล ๐๐๑๗.๓/ว ๙๐                         ศาลากลางจังหวัดยะลา',
      '            ๑๔ ตุลาคม ๒๕๖๗',
      'เรื่อง  ขอส่งแบบสำรวจ',
      'เรียน  นายอำเภอทุกอำเภอ',
      ...fields,
      '        ด้วยจังหวัดยะลาขอส่งแบบสำรวจมาเพื่อดำเนินการ',
    );

  it.each([
    ['๒๓. ', 'a speck read as a second digit'],
    ['๖. ', 'the digit misread'],
    ['๒.', 'the space after the number lost'],
    ['2) ', 'Arabic digits and a bracket'],
  ])('splits at a next item numbered %s (%s)', (marker) => {
    const parsed = parseLetter(
      letter(
        'สิ่งที่ส่งมาด้วย ๑. แบบสำรวจข้อมูลครัวเรือน                   จำนวน ๑ ชุด',
        `${marker}คู่มือการกรอกแบบสำรวจ                                     จำนวน ๑ เล่ม`,
      ),
    );
    expect(parsed.enclosures).toEqual([
      'แบบสำรวจข้อมูลครัวเรือน จำนวน ๑ ชุด',
      'คู่มือการกรอกแบบสำรวจ จำนวน ๑ เล่ม',
    ]);
  });

  it('splits a cited list the same way', () => {
    const parsed = parseLetter(
      letter(
        'อ้างถึง ๑. หนังสือจังหวัดยะลา ที่ ยล ๐๐๑๗.๓/ว ๑๒ ลงวันที่ ๓ มกราคม ๒๕๖๗',
        '๘. หนังสือจังหวัดยะลา ที่ ยล ๐๐๑๗.๓/ว ๕๖ ลงวันที่ ๒ กันยายน ๒๕๖๗',
      ),
    );
    expect(parsed.references.map((r) => [r.serial, r.date])).toEqual([
      [12, '2024-01-03'],
      [56, '2024-09-02'],
    ]);
  });

  it('leaves an unnumbered field and a wrapped line with a number alone', () => {
    const parsed = parseLetter(
      letter('สิ่งที่ส่งมาด้วย รายชื่อผู้เข้ารับการอบรม รุ่นที่', '๒. หลักสูตรการบริหารงานพัสดุ จำนวน ๑ ฉบับ'),
    );
    expect(parsed.enclosures).toEqual([
      'รายชื่อผู้เข้ารับการอบรม รุ่นที่ ๒. หลักสูตรการบริหารงานพัสดุ จำนวน ๑ ฉบับ',
    ]);
  });

  it('drops a lone mark, dot or quote between an item and its quantity, keeps dashes', () => {
    const parsed = parseLetter(
      letter(
        'สิ่งที่ส่งมาด้วย ๑. กำหนดการอบรม ๒๐ - ๒๔ มกราคม ๒๕๖๘ ๊     จำนวน ๑ ชุด',
        '๒. แบบตอบรับ “ .                   จำนวน ๑ ฉบับ',
      ),
    );
    expect(parsed.enclosures).toEqual([
      'กำหนดการอบรม ๒๐ - ๒๔ มกราคม ๒๕๖๘ จำนวน ๑ ชุด',
      'แบบตอบรับ จำนวน ๑ ฉบับ',
    ]);
  });
});

describe('a vowel or tone mark with no consonant under it', () => {
  const letter = (cited: string): string =>
    lines(
      'ที่ สน ๐๐๓๒/๒๑๐                          ศาลากลางจังหวัดสกลนคร',
      '            ๕ สิงหาคม ๒๕๖๘',
      'เรื่อง  ติดตามผล',
      'เรียน  นายอำเภอทุกอำเภอ',
      `อ้างถึง ${cited}`,
      '        ตามหนังสือที่อ้างถึง จังหวัดขอให้รายงานผล',
    );

  it.each([
    ['หนังสือจังหวัดสกลนคร ที่ สน ๐๐๓๒/ว ๗๗ ลงวันที่ ๑๘ ก.ุค. ๒๕๖๘', '2025-07-18'],
    ['หนังสือจังหวัดสกลนคร ที่ สน ๐๐๓๒/ว ๗๗ ลงวันที่ ๑๘ ก.ค.ั ๒๕๖๘', '2025-07-18'],
    ['หนังสือจังหวัดสกลนคร ที่ สน 0032/ว 77 ลงวันที่ 3 ธ.ุค. 2568', '2025-12-03'],
  ])('does not hide the month of %s', (cited, date) => {
    expect(parseLetter(letter(cited)).references).toEqual([
      expect.objectContaining({ agencyPrefix: 'สน', serial: 77, date }),
    ]);
  });

  it('keeps the marks of words, and the text as read', () => {
    const cited = 'หนังสือจังหวัดสกลนคร ที่ สน ๐๐๓๒/ว ๗๗ ลงวันที่ ๑๘ ก.ุค. ๒๕๖๘';
    expect(parseLetter(letter(cited)).references[0]?.raw).toBe('สน ๐๐๓๒/ว ๗๗');
    expect(parseLetter(letter('มติคณะรัฐมนตรี เมื่อวันที่ ๑ กรกฎาคม ๒๕๖๘')).references).toEqual([
      expect.objectContaining({ raw: null, date: '2025-07-01' }),
    ]);
  });
});

describe('อ้างถึง whose อ OCR read as ถ, ล or ฮ', () => {
  it.each(['ถ้างถึง', 'ล้างถึง', 'ถางถง', 'ฮ้างถึง', 'ฮางถง'])(
    'reads the citations after %s',
    (label) => {
      const parsed = parseLetter(
        lines(
          'ที่ อบ ๐๐๒๓.๕/ว ๓๓๐                        ศาลากลางจังหวัดอุบลราชธานี',
          '            ๑๙ มีนาคม ๒๕๖๘',
          'เรื่อง  ติดตามผล',
          'เรียน  นายอำเภอทุกอำเภอ',
          `${label} หนังสือจังหวัดอุบลราชธานี ที่ อบ ๐๐๒๓.๕/ว ๒๗๑ ลงวันที่ ๔ มีนาคม ๒๕๖๘`,
          '        ตามหนังสือที่อ้างถึง จังหวัดขอให้รายงานผล',
        ),
      );
      expect(parsed.references).toEqual([
        expect.objectContaining({ agencyPrefix: 'อบ', serial: 271, date: '2025-03-04' }),
      ]);
    },
  );
});

describe('receipt stamps: a day read before the letter’s date', () => {
  const letter = (stampDate: string): string =>
    lines(
      'กองคลัง',
      'เลขรับ ๕๑๒',
      `วันที่ ${stampDate}`,
      'เวลา ๐๙.๑๕ น.',
      'ที่ ชม ๐๐๑๘.๓/๔๔๒                    ศาลากลางจังหวัดเชียงใหม่',
      '                                        ๑๘ มีนาคม ๒๕๗๐',
      'เรื่อง  ขอส่งรายงานผลการดำเนินงาน',
      'เรียน  ผู้อำนวยการกองคลัง',
    );
  const unsure = (text: string): string[] =>
    parseLetter(text)
      .warnings.filter((w) => w.code === 'low_confidence')
      .map((w) => w.field);

  it('puts back the one lost digit that dates it after the letter, flagged', () => {
    // ๒๖ read as ๖: 16 March is before the letter too, 26 March the one day that fits.
    const text = letter('๖ มี.ค. ๒๕๗๐');
    expect(parseLetter(text).receiptStamps[0]?.date).toBe('2027-03-26');
    expect(unsure(text)).toContain('receiptStamps');
  });

  it('keeps a stamp dated on or after the letter as read, not flagged for it', () => {
    const text = letter('๒๐ มี.ค. ๒๕๗๐');
    expect(parseLetter(text).receiptStamps[0]?.date).toBe('2027-03-20');
    expect(unsure(text)).not.toContain('receiptStamps');
  });
});

describe('letter date: a year misread far from the letters it cites and its stamp', () => {
  const letter = (year: string): string =>
    lines(
      'สำนักงานจังหวัดลำพูน',
      'เลขรับ ๗๗๘',
      'วันที่ ๑๒ มิ.ย. ๒๕๗๑',
      'ที่ ลพ ๐๐๒๓.๔/ว ๖๖                      ศาลากลางจังหวัดลำพูน',
      `                                        ๘ มิถุนายน ${year}`,
      'เรื่อง  ขอเชิญประชุมคณะกรรมการ',
      'เรียน  นายอำเภอทุกอำเภอ',
      'อ้างถึง  หนังสือจังหวัดลำพูน ที่ ลพ ๐๐๒๓.๔/ว ๔๑ ลงวันที่ ๒ พฤษภาคม ๒๕๗๑',
    );
  const unsure = (text: string): boolean =>
    parseLetter(text).warnings.some((w) => w.code === 'low_confidence' && w.field === 'letterDate');

  it('reads the day and month in the year of the cited letter and the stamp, flagged', () => {
    // ๒๕๗๑ read as ๒๕๒๑: 1978, between nothing; 2028 between the cited letter and the stamp.
    const parsed = parseLetter(letter('๒๕๒๑'));
    expect(parsed.letterDate).toEqual({ raw: '๘ มิถุนายน ๒๕๒๑', date: '2028-06-08' });
    expect(unsure(letter('๒๕๒๑'))).toBe(true);
  });

  it('keeps a year that fits as printed, unflagged', () => {
    expect(parseLetter(letter('๒๕๗๑')).letterDate?.date).toBe('2028-06-08');
    expect(unsure(letter('๒๕๗๑'))).toBe(false);
  });

  // The stamp's year misread instead (๒๔๗๙ for ๒๕๖๙), the letter's printed again in its text.
  const stampMisread = (subject: string): string =>
    lines(
      'โรงเรียนบ้านหนองบัว',
      'เลขรับ ๔๑๒',
      'วันที่ ๒๔ ก.ย. ๒๔๗๙',
      'ที่ ศธ ๐๔๐๔๗.๑๒/ว ๒๗๑๔                 สำนักงานเขตพื้นที่การศึกษา',
      '                                        ๑๘ กันยายน ๒๕๖๙',
      `เรื่อง  ${subject}`,
      'เรียน  ผู้อำนวยการโรงเรียนในสังกัด',
    );

  it.each(['การรายงานข้อมูลนักเรียน ปีการศึกษา ๒๕๖๙', 'แผนปฏิบัติราชการ ประจำปีงบประมาณ พ.ศ. 2569'])(
    'keeps a printed year the letter prints again (%s): the stamp is the misread one',
    (subject) => {
      const parsed = parseLetter(stampMisread(subject));
      expect(parsed.letterDate).toEqual({ raw: '๑๘ กันยายน ๒๕๖๙', date: '2026-09-18' });
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'letter_date_after_receipt', field: 'receiptStamps' }),
      );
    },
  );

  it('with no second printing, takes the stamp’s year, flagged: the text cannot tell which was misread', () => {
    const text = stampMisread('การรายงานข้อมูลนักเรียน');
    expect(parseLetter(text).letterDate?.date).toBe('1936-09-18');
    expect(unsure(text)).toBe(true);
  });
});

describe('dates whose month name has one consonant misread', () => {
  it('reads a cited letter’s date and the letter’s own, the letter date flagged', () => {
    const parsed = parseLetter(
      lines(
        'ที่ นน ๐๐๑๗.๒/ว ๑๔                       ศาลากลางจังหวัดน่าน',
        '                                          ๓ มีนาคม ๒๕๗๐',
        'เรื่อง  ขอรายงานผลการตรวจติดตาม',
        'เรียน  นายอำเภอทุกอำเภอ',
        'อ้างถึง  หนังสือจังหวัดน่าน ที่ นน ๐๐๑๗.๒/ว ๕ ลงวันที่ ๑๙ ลุมภาพันธ์ ๒๕๗๐',
      ),
    );
    expect(parsed.references[0]?.date).toBe('2027-02-19');
    const dated = parseLetter(
      lines(
        'ที่ นน ๐๐๑๗.๒/ว ๑๔                       ศาลากลางจังหวัดน่าน',
        '                                          ๓ มีนาคม ๒๕๗๐',
        '                                          ๑๒ ลันวาคม ๒๕๗๐',
        'เรื่อง  ขอรายงานผลการตรวจติดตาม',
        'เรียน  นายอำเภอทุกอำเภอ',
      ).replace(/^.*๓ มีนาคม.*\n/m, ''),
    );
    // The month as printed, the date unsure all the same.
    expect(dated.letterDate).toEqual({ raw: '๑๒ ธันวาคม ๒๕๗๐', date: '2027-12-12' });
    expect(dated.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'letterDate' }),
    );
  });
});

describe('dates whose month name OCR read with a wrong or an extra mark', () => {
  const letter = (dateLine: string): string =>
    lines(
      'ที่ รง ๐๒๐๒/ว ๗๗๓                          สำนักงานปลัดกระทรวงแรงงาน',
      '                                          ถนนมิตรไมตรี เขตดินแดง กทม. ๑๐๔๐๐',
      dateLine,
      'เรื่อง  การจัดงานวันแรงงานแห่งชาติ',
      'เรียน  แรงงานจังหวัด ทุกจังหวัด',
    );

  it.each([
    ['๓ ธั้นวาคม ๒๕๖๙', '๓ ธันวาคม ๒๕๖๙', '2026-12-03', true],
    ['๓ ลั้นวาคม ๒๕๖๙', '๓ ธันวาคม ๒๕๖๙', '2026-12-03', true],
    ['๑๘ กันยายน ๒๕๖๙', '๑๘ กันยายน ๒๕๖๙', '2026-09-18', false],
    ['๒๕ พฤศจีกายน ๒๕๖๙', '๒๕ พฤศจิกายน ๒๕๖๙', '2026-11-25', true],
    ['๓ก้นยายน๒๕๖๙', '๓ กันยายน ๒๕๖๙', '2026-09-03', true],
    ['๖ มก์ราคม ๒๕๖๙', '๖ มกราคม ๒๕๖๙', '2026-01-06', true],
    // Two spellings of the table fit (กุมภาพันธ์ and กุมภาพันธ): left as read.
    ['๑๒ กุมภาพนธ ๒๕๖๙', '๑๒ กุมภาพนธ ๒๕๖๙', '2026-02-12', true],
    ['๗ เมษายน พ.ศ. ๒๕๖๙', '๗ เมษายน พ.ศ. ๒๕๖๙', '2026-04-07', false],
    ['๑๙ ก.พ. ๒๕๖๙', '๑๙ ก.พ. ๒๕๖๙', '2026-02-19', false],
  ])('reads %j as the letter date %j, flagged unless printed so', (read, printed, iso, unsure) => {
    const parsed = parseLetter(letter(`                                          ${read}`));
    expect(parsed.letterDate).toEqual({ raw: printed, date: iso });
    const flagged = parsed.warnings.some(
      (w) => w.code === 'low_confidence' && w.field === 'letterDate',
    );
    expect(flagged).toBe(unsure);
  });

  it('still reads no date from a word two letters off a month', () => {
    const parsed = parseLetter(letter('                                          ๓ ลั้นวาคบ ๒๕๖๙'));
    expect(parsed.letterDate).toBeNull();
  });
});

describe('reference number: ที่ with its vowel read as another upper vowel', () => {
  const letter = (refLine: string): string =>
    lines(
      refLine,
      '                                     ๔ มิถุนายน ๒๕๖๙',
      'เรื่อง  ขอเชิญประชุม',
      'เรียน  ผู้ว่าราชการจังหวัดตาก',
    );

  it.each([
    ['ทึกห ๐๔๐๗/๗๗๗                          สำนักงานปลัดกระทรวงกลาโหม', 'กห', '0407', 777],
    ['ทิ มท ๐๒๑๐.๕/ว ๓๔                     กรมการปกครอง', 'มท', '0210.5', 34],
    ['ทื่ศธ ๐๒๐๖/๑๒๓', 'ศธ', '0206', 123],
  ])('reads %s as a reference number', (refLine, prefix, number, serial) => {
    const parsed = parseLetter(letter(refLine));
    expect(parsed.referenceNumber).toMatchObject({
      agencyPrefix: prefix,
      agencyNumber: number,
      serial,
    });
    expect(parsed.letterDate?.date).toBe('2026-06-04');
  });

  it('does not take a word starting with ทิ and a number after it', () => {
    const parsed = parseLetter(letter('ทิศทาง ๑๒/๓๔'));
    expect(parsed.referenceNumber).toBeNull();
  });
});

describe('letter date: specks, a Latin พ.ศ. and a year one digit off', () => {
  const head = (dateLine: string, stamp: string[] = []): string =>
    lines(
      ...stamp,
      'ที่ สน ๐๐๑๗.๒/ว ๔๔                         ศาลากลางจังหวัดสกลนคร',
      '                                           ถนนศูนย์ราชการ สน ๔๗๐๐๐',
      dateLine,
      'เรื่อง  ขอเชิญประชุม',
      'เรียน  นายอำเภอทุกอำเภอ',
    );
  const flagged = (text: string): boolean =>
    parseLetter(text).warnings.some((w) => w.code === 'low_confidence' && w.field === 'letterDate');

  it('reads a date behind a glued speck or with a Latin พ.ศ., raw as read, flagged', () => {
    const glued = head('ไ!๒๘ ธันวาคม ๒๕๖๘');
    expect(parseLetter(glued).letterDate).toEqual({ raw: '๒๘ ธันวาคม ๒๕๖๘', date: '2025-12-28' });
    expect(flagged(glued)).toBe(true);
    const era = head('                 ๓๐ ตุลาคม WA. ๒๕๖๙"            a');
    expect(parseLetter(era).letterDate).toEqual({
      raw: '๓๐ ตุลาคม WA. ๒๕๖๙',
      date: '2026-10-30',
    });
    expect(flagged(era)).toBe(true);
    const mark = head('ด๑่๔ ธันวาคม ๒๕๖๙');
    expect(parseLetter(mark).letterDate).toEqual({ raw: '๑่๔ ธันวาคม ๒๕๖๙', date: '2026-12-14' });
  });

  it.each([
    ['3ไ1กรกฎาคม 2569', '2026-07-31'],
    ['๒เ๘ ธันวาคม ๒๕๖๘', '2025-12-28'],
  ])('reads a day with a speck read as a leading vowel between its digits: %s', (date, iso) => {
    const text = head(date);
    expect(parseLetter(text).letterDate?.date).toBe(iso);
    expect(flagged(text)).toBe(true);
  });

  it('reads a date with a Thai consonant alone after it as a speck, flagged', () => {
    const text = head('                 ๓๑ กรกฎาคม ๒๕๖๙ ว');
    expect(parseLetter(text).letterDate).toEqual({ raw: '๓๑ กรกฎาคม ๒๕๖๙', date: '2026-07-31' });
    expect(flagged(text)).toBe(true);
    // ณ alone is a word, and two letters are one: the line is no date alone.
    for (const after of ['ณ', 'ณ ห้อง', 'ของ']) {
      const line = head(`                 ๓๑ กรกฎาคม ๒๕๖๙ ${after}`);
      expect(parseLetter(line).letterDate, after).toBeNull();
    }
  });

  it('reads no day through a consonant between its digits', () => {
    // A consonant is no speck's reading there: ๒ก๘ is no day.
    expect(parseLetter(head('๒ก๘ ธันวาคม ๒๕๖๘')).letterDate?.date ?? null).toBeNull();
  });

  it('reads a year with a digit lost in the year its receipt stamp leaves, flagged', () => {
    const stamp = ['สำนักงานจังหวัดสกลนคร', 'เลขรับ ๔๑๒', 'วันที่ ๔ ส.ค. ๒๕๖๙', 'เวลา ๑๐.๐๐ น.'];
    const text = head('                 ๓๑ กรกฎาคม ๒๕๙', stamp);
    const parsed = parseLetter(text);
    expect(parsed.letterDate).toEqual({ raw: '๓๑ กรกฎาคม ๒๕๙', date: '2026-07-31' });
    expect(flagged(text)).toBe(true);
    expect(parsed.warnings.some((w) => w.code === 'invalid_date')).toBe(false);
    // Without the stamp the year stays unread, reported as such.
    const alone = parseLetter(head('                 ๓๑ กรกฎาคม ๒๕๙'));
    expect(alone.letterDate).toEqual({ raw: '๓๑ กรกฎาคม ๒๕๙', date: null });
    expect(alone.warnings).toContainEqual({
      code: 'invalid_date',
      field: 'letterDate',
      reason: 'year_out_of_range',
    });
  });

  it('takes a memo’s abbreviated date behind a garbled วันที่, and only in a memo', () => {
    const memo = lines(
      'บันทึกข้อความ',
      'ส่วนราชการ  กองการเจ้าหน้าที่  โทร. ๒๒๑๕',
      'ที่  สธ ๐๒๐๑/๔๔',
      'Tu ๑๙ ก.ย.๖๙',
      'เรื่อง  ขออนุมัติเดินทางไปราชการ',
      'เรียน  ผู้อำนวยการกองคลัง',
    );
    expect(parseLetter(memo).letterDate).toEqual({ raw: '๑๙ ก.ย. ๖๙', date: '2026-09-19' });
    expect(flagged(memo)).toBe(true);
    expect(parseLetter(head('Tu ๑๙ ก.ย.๖๙')).letterDate).toBeNull();
  });
});

describe('receipt stamps: a damaged stamp date on a letter whose January year slipped', () => {
  const letter = (letterDate: string, stampDate: string): string =>
    lines(
      'สำนักงานท้องถิ่นจังหวัดยโสธร',
      'เลขทีรับ ๓๓',
      stampDate,
      'เวลา ๑๑.๐๕ น.',
      'ที่ มท ๐๘๐๔.๕/ว ๑๔๖                      กรมส่งเสริมการปกครองท้องถิ่น',
      '                                        ถนนนครราชสีมา เขตดุสิต กทม. ๑๐๓๐๐',
      `                                        ${letterDate}`,
      'เรื่อง  การจัดสรรงบประมาณ',
      'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
    );

  it('places it against the letter’s date a year later, flagged, and the slip is suggested', () => {
    const parsed = parseLetter(letter('๑๖ มกราคม ๒๕๖๘', 'WN ๑๙ UA. ๒๕๖๙'));
    expect(parsed.receiptStamps[0]?.date).toBe('2026-01-19');
    expect(parsed.letterDate?.date).toBe('2025-01-16');
    expect(parsed.warnings).toContainEqual({
      code: 'low_confidence',
      field: 'receiptStamps',
      confidence: 0.5,
    });
    expect(parsed.warnings).toContainEqual({
      code: 'year_slip',
      field: 'letterDate',
      suggested: '2026-01-16',
    });
  });

  it('places nothing outside January, or without the stamp’s year', () => {
    expect(parseLetter(letter('๑๖ มีนาคม ๒๕๖๘', 'WN ๑๙ UA. ๒๕๖๙')).receiptStamps[0]?.date).toBe(
      null,
    );
    expect(parseLetter(letter('๑๖ มกราคม ๒๕๖๘', 'WN ๑๙ UA. ๔๙๙๙')).receiptStamps[0]?.date).toBe(
      null,
    );
    // Two years on is no slip.
    expect(parseLetter(letter('๑๖ มกราคม ๒๕๖๘', 'WN ๑๙ UA. ๒๕๗๐')).receiptStamps[0]?.date).toBe(
      null,
    );
    // In the letter's own year it is placed as before.
    expect(parseLetter(letter('๑๖ มกราคม ๒๕๖๘', 'WN ๑๙ UA. ๒๕๖๘')).receiptStamps[0]?.date).toBe(
      '2025-01-19',
    );
  });
});

describe('a circular’s reference number whose slash OCR lost before its ว', () => {
  const letter = (refLine: string): string =>
    lines(
      `${refLine}                    กรมการพัฒนาชุมชน`,
      '                                  ถนนแจ้งวัฒนะ กทม. ๑๐๒๑๐',
      '              ๒๐ เมษายน ๒๕๖๙',
      'เรื่อง  การคัดเลือกหมู่บ้านต้นแบบ',
      'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
    );
  const unsure = (text: string): boolean =>
    parseLetter(text).warnings.some(
      (w) => w.code === 'low_confidence' && w.field === 'referenceNumber',
    );

  it.each(['ทีมท๐๔๐๕.๓ว๕๑๒', 'ที่ มท ๐๔๐๕.๓ ว ๕๑๒', 'ที่ มท 0405.3ว.512'])(
    'reads %s as a circular, the slash back, unsure',
    (refLine) => {
      const text = letter(refLine);
      expect(parseLetter(text).referenceNumber).toMatchObject({
        agencyPrefix: 'มท',
        agencyNumber: '0405.3',
        circular: true,
        serial: 512,
      });
      expect(parseLetter(text).referenceNumber?.raw).toMatch(/^มท [0-9๐-๙.]+\/ว/);
      expect(unsure(text)).toBe(true);
    },
  );

  it.each(['ที่ มท ๐๔๐๕.๓ ๕๑๒', 'ที่ มท ๐๔๐๕.๓ว ก๕๑๒', 'ที่ มท ๐๔๐๕.๓ วันที่ ๕'])(
    'reads no number from %s: no ว, or no serial after it',
    (refLine) => {
      const parsed = parseLetter(letter(refLine));
      expect(parsed.referenceNumber).toBeNull();
      expect(parsed.warnings.some((w) => w.code === 'invalid_reference_number')).toBe(true);
    },
  );
});
