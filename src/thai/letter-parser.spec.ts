import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLetter } from 'src/thai/letter-parser.js';

const lines = (...l: string[]): string => l.join('\n');

const external = (head: string[], fields: string[], foot: string[] = []): string =>
  lines(
    ...head,
    'ที่ มท ๐๒๑๐.๕/๒๖๓                    กระทรวงมหาดไทย',
    '                                      ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
    '',
    '                 ๑๒ มีนาคม ๒๕๖๙',
    '',
    'เรื่อง  ทดสอบ',
    'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
    ...fields,
    '',
    '        ด้วยกระทรวงมหาดไทยขอแจ้งให้ทราบ',
    '',
    '                 ขอแสดงความนับถือ',
    '',
    '               (นายสมชาย ใจดี)',
    '             ปลัดกระทรวงมหาดไทย',
    '',
    'สำนักงานปลัดกระทรวง',
    'โทร. ๐ ๒๒๒๒ ๑๑๔๑',
    ...foot,
  );

describe('parseLetter: empty and odd input', () => {
  it('returns nulls and empty lists for an empty text, never guesses', () => {
    expect(parseLetter('')).toEqual({
      kind: 'external',
      urgency: null,
      secrecy: null,
      referenceNumber: null,
      letterDate: null,
      subject: null,
      salutation: null,
      references: [],
      enclosures: [],
      signatory: null,
      ownerUnit: null,
      receiptStamps: [],
      warnings: [],
    });
  });

  it('never throws, whatever the text', () => {
    const thaiish = fc
      .array(
        fc.constantFrom(
          'ที่ ',
          'มท ',
          '๐๒๑๐.๕/',
          'ว ',
          '๑๒ ',
          'มกราคม ',
          '๒๕๖๙',
          '\n',
          'เรื่อง ',
          'เรียน ',
          'อ้างถึง ',
          'สิ่งที่ส่งมาด้วย ',
          'ด่วนที่สุด',
          'ลับ',
          '(นาย ก)',
          'โทร. ',
          'เลขรับ ',
          '๑. ',
          'วันที่ ',
          'ถึง ',
          'บันทึกข้อความ',
          'ส่วนราชการ ',
          '  ',
          'o',
          '\u200B',
          'ํา',
        ),
        { maxLength: 80 },
      )
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), thaiish), (text) => {
        const parsed = parseLetter(text);
        expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
      }),
    );
  });
});

describe('parseLetter: kinds', () => {
  it('reads an external letter', () => {
    const p = parseLetter(external([], []));
    expect(p.kind).toBe('external');
    expect(p.referenceNumber?.raw).toBe('มท ๐๒๑๐.๕/๒๖๓');
    expect(p.letterDate).toEqual({ raw: '๑๒ มีนาคม ๒๕๖๙', date: '2026-03-12' });
    expect(p.subject).toBe('ทดสอบ');
    expect(p.salutation).toBe('ผู้ว่าราชการจังหวัด ทุกจังหวัด');
    expect(p.signatory).toEqual({ name: 'นายสมชาย ใจดี', position: 'ปลัดกระทรวงมหาดไทย' });
    expect(p.ownerUnit).toBe('สำนักงานปลัดกระทรวง');
  });

  it('reads a memo (บันทึกข้อความ)', () => {
    const p = parseLetter(
      lines(
        'บันทึกข้อความ',
        'ส่วนราชการ  กองคลัง  โทร. ๑๒๓๔',
        'ที่  มท ๐๒๐๔/๑๒          วันที่  ๕  มีนาคม  ๒๕๖๙',
        'เรื่อง  ขออนุมัติ',
        'เรียน  อธิบดี',
        '      ด้วยกองคลังขออนุมัติ',
        '          (นางสาวสุดา ดี)',
        '        ผู้อำนวยการกองคลัง',
      ),
    );
    expect(p).toMatchObject({
      kind: 'memo',
      ownerUnit: 'กองคลัง',
      letterDate: { raw: '๕ มีนาคม ๒๕๖๙', date: '2026-03-05' },
      signatory: { name: 'นางสาวสุดา ดี', position: 'ผู้อำนวยการกองคลัง' },
    });
  });

  it('reads a stamped letter (ถึง, date at the foot)', () => {
    const p = parseLetter(
      lines(
        'ที่ รอ ๐๐๑๗.๓/ว ๑๒๓',
        '',
        'ถึง  นายอำเภอ ทุกอำเภอ',
        '',
        '      ด้วยจังหวัดขอให้รายงานภายในวันที่ ๓๐ มกราคม ๒๕๖๙',
        '',
        '                 จังหวัดร้อยเอ็ด',
        '               ๒๓ มกราคม ๒๕๖๙',
        '',
        'กลุ่มงานยุทธศาสตร์',
        'โทร. ๐ ๔๓๕๑ ๘๓๓๔',
      ),
    );
    expect(p).toMatchObject({
      kind: 'stamped',
      salutation: 'นายอำเภอ ทุกอำเภอ',
      subject: null,
      signatory: null,
      letterDate: { raw: '๒๓ มกราคม ๒๕๖๙', date: '2026-01-23' },
      ownerUnit: 'กลุ่มงานยุทธศาสตร์',
    });
  });
});

describe('parseLetter: layout tolerance', () => {
  it('reads a date line that shares its row with another column', () => {
    const p = parseLetter(
      external([], []).replace('๑๒ มีนาคม ๒๕๖๙', '๑๒ มีนาคม ๒๕๖๙          (ครุฑ)'),
    );
    expect(p.letterDate).toEqual({ raw: '๑๒ มีนาคม ๒๕๖๙', date: '2026-03-12' });
  });

  it('never takes a ลงวันที่ date of a วันที่ line in the head for the letter date', () => {
    // What is left of a stamp whose own date OCR garbled: its copy of the letter's date.
    for (const stampLine of [
      'วันที่ ๕ 1.0. ๒๕๙๙๘ ลงวันที่ ๑๕ ม.ค. ๒๕๖๙',
      'วันที่ xx ลว. ๑๐ มี.ค. ๒๕๖๙',
      'วันที่ ลงวันที ๑๑ มีนาคม ๒๕๖๙',
    ]) {
      const p = parseLetter(external([stampLine], []));
      expect(p.letterDate).toEqual({ raw: '๑๒ มีนาคม ๒๕๖๙', date: '2026-03-12' });
    }
  });

  it('accepts a colon after field labels', () => {
    const p = parseLetter(
      external([], []).replace('เรื่อง  ทดสอบ', 'เรื่อง: ทดสอบ').replace('เรียน  ', 'เรียน : '),
    );
    expect([p.subject, p.salutation]).toEqual(['ทดสอบ', 'ผู้ว่าราชการจังหวัด ทุกจังหวัด']);
  });
});

describe('parseLetter: speed and secrecy marks', () => {
  it.each([
    [['ด่วนที่สุด'], 'ด่วนที่สุด', null],
    [['ด่วนมาก'], 'ด่วนมาก', null],
    [['ด่วน'], 'ด่วน', null],
    [['ด่วน ที่สุด'], 'ด่วนที่สุด', null],
    [['ลับที่สุด'], null, 'ลับที่สุด'],
    [['ด่วนมาก ลับมาก'], 'ด่วนมาก', 'ลับมาก'],
    [['          ลับ', 'ด่วนที่สุด'], 'ด่วนที่สุด', 'ลับ'],
    [[], null, null],
  ])('head %j → %s / %s', (head, urgency, secrecy) => {
    const p = parseLetter(external(head, []));
    expect([p.urgency, p.secrecy]).toEqual([urgency, secrecy]);
  });

  it('reads a secrecy mark printed only at the foot', () => {
    expect(parseLetter(external([], [], ['', '          ลับมาก'])).secrecy).toBe('ลับมาก');
  });

  it('ignores marks of cited and enclosed letters and urgent words in the body', () => {
    const p = parseLetter(
      external(
        [],
        [
          'อ้างถึง  หนังสือกรม ด่วนที่สุด ที่ มท ๐๘๐๐/ว ๑ ลงวันที่ ๑ มีนาคม ๒๕๖๙',
          'สิ่งที่ส่งมาด้วย  สำเนาหนังสือ จำนวน ๑ ฉบับ',
          'ด่วนมาก ลับ ที่ ศค ๐๒๑๓/ว ๒ ลงวันที่ ๒ มีนาคม ๒๕๖๙',
        ],
        ['', 'โปรดแจ้งสายด่วน ๑๕๖๗ โดยด่วน'],
      ),
    );
    expect([p.urgency, p.secrecy]).toEqual([null, null]);
    expect(p.enclosures).toEqual([
      'สำเนาหนังสือ จำนวน ๑ ฉบับ ด่วนมาก ลับ ที่ ศค ๐๒๑๓/ว ๒ ลงวันที่ ๒ มีนาคม ๒๕๖๙',
    ]);
  });
});

describe('parseLetter: warnings', () => {
  it('warns about a letter date that is not in the calendar and keeps the raw text', () => {
    const p = parseLetter(external([], []).replace('๑๒ มีนาคม ๒๕๖๙', '๓๑ เมษายน ๒๕๖๙'));
    expect(p.letterDate).toEqual({ raw: '๓๑ เมษายน ๒๕๖๙', date: null });
    expect(p.warnings).toContainEqual({
      code: 'invalid_date',
      field: 'letterDate',
      reason: 'impossible_date',
    });
  });

  it('warns about a reference number it cannot read', () => {
    const p = parseLetter(external([], []).replace('มท ๐๒๑๐.๕/๒๖๓', 'มท ๐๒๑๐.๕/๒๖ก'));
    expect(p.referenceNumber).toBeNull();
    expect(p.warnings).toContainEqual({
      code: 'invalid_reference_number',
      field: 'referenceNumber',
      reason: 'serial_not_numeric',
    });
  });

  it('warns about legacy-encoding garbage without changing the text', () => {
    const p = parseLetter(external([], ['', '        ตามหนังสือ Ë¹Ñ§Ê×Í ที่แนบ']));
    expect(p.warnings).toEqual([{ code: 'legacy_encoding', field: 'text', sample: 'Ë¹Ñ§Ê×Í' }]);
  });
});

describe('parseLetter: references', () => {
  it('splits several unnumbered cited letters into items', () => {
    const p = parseLetter(
      external(
        [],
        [
          'อ้างถึง  หนังสือกรม ที่ มท ๐๘๐๐/ว ๑ ลงวันที่ ๑ มีนาคม ๒๕๖๙',
          '        และหนังสือจังหวัด ที่ รอ ๐๐๑๗/๒ ลงวันที่ ๕ มีนาคม ๒๕๖๙',
        ],
      ),
    );
    expect(p.references.map((r) => [r.raw, r.date])).toEqual([
      ['มท ๐๘๐๐/ว ๑', '2026-03-01'],
      ['รอ ๐๐๑๗/๒', '2026-03-05'],
    ]);
  });
});

describe('parseLetter: office words read by OCR', () => {
  const scanned = lines(
    'ที่ ชม ๐๐๒๓.๓/ว ๔๔๑                    ศาลากลางจังหวัดเชียงใหม่',
    '',
    '                 ๓ เมษายน ๒๕๗๐',
    '',
    'เรื่อง  การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง 0',
    'เรียน  นายกองค์การบริหารสวนตำบลแม่แฝก - 41',
    '',
    '        ด้วยจังหวัดขอแจ้งแนวทางการจัดเก็บภาษี',
    '',
    '                 ขอแสดงความนับถือ',
    '',
    '               (นางวิไลวรรณ ศรีสุข)',
    '             ท้องถินจังหวัดเชียงใหม่ ฝ1',
    '',
    'สำนักงานส่งเสรมการปกครองท้องถินจังหวัด .',
    'กลุ่มงานกฎหมายระเบียบและเรื่องร้องทุกข์ 7 0',
    'โทร. ๐ ๕๓๑๑ ๒๓๔๕',
  );

  it('puts back lost marks, drops dust, and shows the repaired fields as unsure', () => {
    const parsed = parseLetter(scanned);
    expect(parsed.subject).toBe('การจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง');
    expect(parsed.salutation).toBe('นายกองค์การบริหารส่วนตำบลแม่แฝก');
    expect(parsed.signatory).toEqual({
      name: 'นางวิไลวรรณ ศรีสุข',
      position: 'ท้องถิ่นจังหวัดเชียงใหม่',
    });
    expect(parsed.ownerUnit).toBe(
      'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด กลุ่มงานกฎหมายระเบียบและเรื่องร้องทุกข์',
    );
    const unsure = parsed.warnings.filter((w) => w.code === 'low_confidence').map((w) => w.field);
    expect(unsure.sort()).toEqual(['ownerUnit', 'salutation', 'signatory']);
  });

  it('leaves a letter printed in full as it is, with no doubt', () => {
    const printed = scanned
      .replace('สวนตำบล', 'ส่วนตำบล')
      .replace(/ท้องถิน/g, 'ท้องถิ่น')
      .replace('ส่งเสรม', 'ส่งเสริม');
    const parsed = parseLetter(printed);
    expect(parsed.salutation).toBe('นายกองค์การบริหารส่วนตำบลแม่แฝก');
    expect(parsed.warnings.filter((w) => w.code === 'low_confidence')).toEqual([]);
  });

  it('reads an addressee whose label has a speck glued before it, as unsure', () => {
    const text = lines(
      'ที่ ลพ ๐๐๑๗.๒/ว ๑๙                    ศาลากลางจังหวัดลำพูน',
      '',
      '                 ๘ มกราคม ๒๕๗๐',
      '',
      'เรื่อง  การประชุมคณะกรมการจังหวัด',
      "'เรียน นายอำเภอทุกอำเภอ",
      '',
      '        ด้วยจังหวัดกำหนดประชุม',
    );
    const parsed = parseLetter(text);
    expect(parsed.subject).toBe('การประชุมคณะกรมการจังหวัด');
    expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
    expect(parsed.warnings).toContainEqual({
      code: 'low_confidence',
      field: 'salutation',
      confidence: 0.5,
    });
  });

  it('reads a speck between a signatory’s names as the space it stands for, as unsure', () => {
    const text = scanned.replace('(นางวิไลวรรณ ศรีสุข)', '(นางวิไลวรรณ_ศรีสุข)');
    const parsed = parseLetter(text);
    expect(parsed.signatory?.name).toBe('นางวิไลวรรณ ศรีสุข');
    expect(parsed.warnings).toContainEqual({
      code: 'low_confidence',
      field: 'signatory',
      confidence: 0.5,
    });
  });

  it('reads an addressee line whose เรียน OCR read as Latin letters, as unsure', () => {
    const text = (second: string): string =>
      lines(
        'ที่ ยล ๐๐๑๗.๓/ว ๕๒                    ศาลากลางจังหวัดยะลา',
        '',
        '                 ๒ มีนาคม ๒๕๗๐',
        '',
        'เรื่อง  การจัดซื้อครุภัณฑ์คอมพิวเตอร์',
        second,
        '',
        '        ด้วยจังหวัดขอแจ้งแนวทาง',
      );
    const parsed = parseLetter(text('Rsu นายอำเภอทุกอำเภอ'));
    expect(parsed.subject).toBe('การจัดซื้อครุภัณฑ์คอมพิวเตอร์');
    expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
    expect(parsed.warnings).toContainEqual({
      code: 'low_confidence',
      field: 'salutation',
      confidence: 0.5,
    });
    // An acronym a subject wraps before, or Latin letters before other words, stay the subject's.
    expect(parseLetter(text('ICT สำนักงานจังหวัดยะลา')).subject).toBe(
      'การจัดซื้อครุภัณฑ์คอมพิวเตอร์ ICT สำนักงานจังหวัดยะลา',
    );
    expect(parseLetter(text('Wi ในห้องประชุม')).subject).toBe('การจัดซื้อครุภัณฑ์คอมพิวเตอร์ Wi ในห้องประชุม');
  });
});

describe('parseLetter: receipt stamp dates OCR damaged', () => {
  const letter = (stampDate: string): string =>
    lines(
      'สำนักงานจังหวัดตราด',
      'เลขรับ ๑๐๔',
      stampDate,
      'เวลา ๑๔.๑๕ น.',
      '',
      'ที่ มท ๐๓๑๓.๔/ว ๖๐๒                    กรมการปกครอง',
      '                                       ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
      '',
      '                 ๒๖ เมษายน ๒๕๗๐',
      '',
      'เรื่อง  การจัดทำทะเบียนราษฎร',
      'เรียน  ผู้ว่าราชการจังหวัดตราด',
      '',
      '        ด้วยกรมการปกครองขอแจ้งแนวทาง',
    );
  const stampUnsure = (text: string): boolean =>
    parseLetter(text).warnings.some(
      (w) => w.code === 'low_confidence' && w.field === 'receiptStamps',
    );

  it('places a month read as Latin letters just after the letter’s date, as unsure', () => {
    const text = letter('วันที่ ๓ WA. ๒๕๗๐');
    expect(parseLetter(text).receiptStamps).toEqual([
      { unit: 'สำนักงานจังหวัดตราด', receiptNumber: 104, date: '2027-05-03', time: '14:15' },
    ]);
    expect(stampUnsure(text)).toBe(true);
  });

  it('puts back a year digit OCR lost, as unsure', () => {
    const text = letter('วันที่ ๒๙ เม.ย. ๕๗๐');
    expect(parseLetter(text).receiptStamps[0]?.date).toBe('2027-04-29');
    expect(stampUnsure(text)).toBe(true);
  });

  it('leaves the date empty where the reading cannot be the receipt’s', () => {
    // Before the letter's date: the day was misread.
    expect(parseLetter(letter('วันที่ ๒๑ เม.ย. ๕๗๐')).receiptStamps[0]?.date).toBeNull();
    // Weeks after it: more likely a misread day than a late receipt.
    expect(parseLetter(letter('วันที่ ๒๑ WA. ๒๕๗๐')).receiptStamps[0]?.date).toBeNull();
    expect(stampUnsure(letter('วันที่ ๒๑ WA. ๒๕๗๐'))).toBe(false);
  });

  it('places a register date above the head the same way', () => {
    const text = lines('๒๘ UA. ๒๕๗๐', 'กรม ๓๕', '', ...letter('วันที่ ๓ พ.ค. ๒๕๗๐').split('\n'));
    expect(parseLetter(text).receiptStamps).toEqual([
      { unit: null, receiptNumber: 35, date: '2027-04-28', time: null },
      { unit: 'สำนักงานจังหวัดตราด', receiptNumber: 104, date: '2027-05-03', time: '14:15' },
    ]);
    expect(stampUnsure(text)).toBe(true);
  });

  it('reads a stamp printed in full with no doubt', () => {
    const text = letter('วันที่ ๓ พ.ค. ๒๕๗๐');
    expect(parseLetter(text).receiptStamps[0]?.date).toBe('2027-05-03');
    expect(stampUnsure(text)).toBe(false);
  });
});
