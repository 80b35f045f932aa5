import { describe, expect, it } from 'vitest';
import { parseLetter } from 'src/thai/letter-parser.js';
import { parenthesisedName } from 'src/thai/letter-text.js';

/**
 * The letter's text fields (citations, enclosures, marks, subject, signatory, owning unit)
 * as OCR of a scan leaves them: specks beside labels and marks, item numbers read as Latin
 * letters, quantities without their spaces.
 */
const lines = (...l: string[]): string => l.join('\n');

const head = [
  'ที่ ลป ๐๐๒๓.๔/ว ๔๑๒                        ศาลากลางจังหวัดลำปาง',
  '            ๒๗ พฤษภาคม ๒๕๖๘',
  'เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ',
  'เรียน  นายอำเภอทุกอำเภอ',
];
const body = '        ตามหนังสือที่อ้างถึง จังหวัดขอความร่วมมือสำรวจข้อมูล';

describe('a speck one space before a head label', () => {
  it.each(['- อ้างถึง', "' อ้างถึง", '. ล้างถึง', '– อางถง'])('reads the citations after %s', (label) => {
    const parsed = parseLetter(
      lines(
        ...head,
        `${label} หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๓๘๘ ลงวันที่ ๒ พฤษภาคม ๒๕๖๘`,
        'สิ่งที่ส่งมาด้วย  แบบสำรวจแหล่งน้ำ                      จำนวน ๑ ชุด',
        body,
      ),
    );
    expect(parsed.references).toEqual([
      expect.objectContaining({ agencyPrefix: 'ลป', serial: 388, date: '2025-05-02' }),
    ]);
    expect(parsed.enclosures).toEqual(['แบบสำรวจแหล่งน้ำ จำนวน ๑ ชุด']);
  });

  it('reads a subject and an enclosure list after a speck, and flags them', () => {
    const parsed = parseLetter(
      lines(
        'ที่ ตก ๐๐๑๘/๗๗๐                        ศาลากลางจังหวัดตาก',
        '            ๑ ตุลาคม ๒๕๖๗',
        ': เรื่อง  รายงานผลการฝึกอบรม',
        'เรียน  ผู้อำนวยการสำนักงานจังหวัดตาก',
        '| สิ่งที่ส่งมาด้วย  รายชื่อผู้ผ่านการอบรม                 จำนวน ๒ แผ่น',
        '        ด้วยจังหวัดตากได้จัดการฝึกอบรม',
      ),
    );
    expect(parsed.subject).toBe('รายงานผลการฝึกอบรม');
    expect(parsed.enclosures).toEqual(['รายชื่อผู้ผ่านการอบรม จำนวน ๒ แผ่น']);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'subject' }),
    );
  });

  it.each(['0 เรียน', 'o เรียน', '๐ เรียน', 'O เรยน'])(
    'reads the addressee after a round speck in %s, and flags it',
    (label) => {
      const parsed = parseLetter(
        lines(
          head[0] ?? '',
          head[1] ?? '',
          'เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ 1',
          `${label}  นายอำเภอทุกอำเภอ`,
          body,
        ),
      );
      expect(parsed.subject).toBe('ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ');
      expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'low_confidence', field: 'salutation' }),
      );
    },
  );

  it.each(['7” แรื่อง', "a' เรื่อง", '1|เรือง', '1เรือง', 'iเรื่อง', '7เรอง'])(
    'reads the subject after a Latin letter or digit with a quote glued to it: %s',
    (label) => {
      const parsed = parseLetter(
        lines(head[0] ?? '', head[1] ?? '', `${label}  ขอความร่วมมือสำรวจข้อมูล`, head[3] ?? '', body),
      );
      expect(parsed.subject).toBe('ขอความร่วมมือสำรวจข้อมูล');
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'low_confidence', field: 'subject' }),
      );
    },
  );

  it('does not take a digit other than a zero, nor a zero glued to the word, for a speck', () => {
    for (const label of ['1 เรียน', '0เรียน', '00 เรียน', '1. เรียน', '2) เรียน']) {
      const parsed = parseLetter(
        lines(
          head[0] ?? '',
          head[1] ?? '',
          'เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ',
          `${label}  นายอำเภอทุกอำเภอ`,
          body,
        ),
      );
      expect(parsed.salutation).toBeNull();
    }
  });

  it('reads a label with a Latin letter or a digit glued before it', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        '7อ้างถึง หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๓๘๘ ลงวันที่ ๒ พฤษภาคม ๒๕๖๘',
        'lสิ่งที่ส่งมาด้วย  แบบสำรวจแหล่งน้ำ                      จำนวน ๑ ชุด',
        body,
      ),
    );
    expect(parsed.references).toEqual([
      expect.objectContaining({ agencyPrefix: 'ลป', serial: 388, date: '2025-05-02' }),
    ]);
    expect(parsed.enclosures).toEqual(['แบบสำรวจแหล่งน้ำ จำนวน ๑ ชุด']);
  });

  it('does not take a word after a letter or a number for a label', () => {
    const parsed = parseLetter(lines(...head, 'ก. อ้างถึง หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๓๘๘', body));
    expect(parsed.references).toEqual([]);
  });
});

describe('a subject whose เรื่อง OCR garbled past reading', () => {
  it.each(['1๐  ', 'Tos  ', 'ฆ  ', '4ๆ  '])(
    'reads the line between the date and เรียน after %s as the subject, unsure',
    (garble) => {
      const parsed = parseLetter(
        lines(
          head[0] ?? '',
          head[1] ?? '',
          `${garble}ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ`,
          head[3] ?? '',
          body,
        ),
      );
      expect(parsed.subject).toBe('ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ');
      expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'low_confidence', field: 'subject' }),
      );
    },
  );

  it('reads a memo’s subject under its ที่ and วันที่ line', () => {
    const parsed = parseLetter(
      lines(
        'บันทึกข้อความ',
        'ส่วนราชการ  สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาน่าน กลุ่มส่งเสริมการจัดการศึกษา',
        'ที่ ศธ ๐๔๒๙๓/๑๐๕๗                          วันที่ ๙ มกราคม ๒๕๖๙',
        '1๐  ขออนุญาตนำนักเรียนเข้าร่วมการแข่งขัน',
        'เรียน  ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาน่าน',
        body,
      ),
    );
    expect(parsed.subject).toBe('ขออนุญาตนำนักเรียนเข้าร่วมการแข่งขัน');
  });

  it.each([
    // A word first: a line of the letter, not a garbled label.
    ['กรม  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ'],
    // Dust, or no Thai word.
    ['a   ฆ   ๑7   ม'],
    ['Tos  ๑๒๓'],
  ])('takes no subject from %s', (line) => {
    const parsed = parseLetter(lines(head[0] ?? '', head[1] ?? '', line, head[3] ?? '', body));
    expect(parsed.subject).toBeNull();
    expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
  });

  it('takes no subject above the letter’s date, nor without a reference number or date', () => {
    const above = parseLetter(
      lines(head[0] ?? '', '1๐  ถนนพหลโยธิน เขตจตุจักร', head[1] ?? '', head[3] ?? '', body),
    );
    expect(above.subject).toBeNull();
    const bare = parseLetter(lines('1๐  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ', head[3] ?? '', body));
    expect(bare.subject).toBeNull();
  });
});

describe('a head label whose เ OCR read as แ', () => {
  it.each([
    ['แรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด', 'salutation', 'ผู้ว่าราชการจังหวัด ทุกจังหวัด'],
    ['แรื่อง  การจัดงานวันเด็กแห่งชาติ', 'subject', 'การจัดงานวันเด็กแห่งชาติ'],
    ['แรอง การจัดงานวันเด็กแห่งชาติ', 'subject', 'การจัดงานวันเด็กแห่งชาติ'],
  ] as const)('reads %s as the label, and flags the field', (line, field, value) => {
    const others =
      field === 'subject'
        ? [line, 'เรียน  นายอำเภอทุกอำเภอ']
        : ['เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ', line];
    const parsed = parseLetter(lines(head[0] ?? '', head[1] ?? '', ...others, body));
    expect(parsed[field]).toBe(value);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field }),
    );
  });

  it('does not read a word that starts with แ as a label', () => {
    const parsed = parseLetter(
      lines(
        head[0] ?? '',
        head[1] ?? '',
        'เรื่อง  ขอความร่วมมือสำรวจข้อมูล',
        'แรงงานต่างด้าว',
        'เรียน  นายอำเภอทุกอำเภอ',
        body,
      ),
    );
    expect(parsed.subject).toBe('ขอความร่วมมือสำรวจข้อมูล แรงงานต่างด้าว');
    expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
  });
});

describe('a speed or secrecy mark with a speck beside it', () => {
  it.each([
    ['ลบ 0', null, 'ลับ'],
    ['. ลบมาก', null, 'ลับมาก'],
    ['ดวนมาก a', 'ด่วนมาก', null],
  ])('reads %s at the foot as the mark, unsure', (mark, urgency, secrecy) => {
    const parsed = parseLetter(
      lines(
        ...head,
        body,
        '                 ขอแสดงความนับถือ',
        '               (นายวีระพงษ์ ใจมั่น)',
        '               ผู้ว่าราชการจังหวัดลำปาง',
        'สำนักงานจังหวัด',
        'โทร. ๐ ๕๔๒๖ ๕๐๕๐',
        mark,
      ),
    );
    expect([parsed.urgency, parsed.secrecy]).toEqual([urgency, secrecy]);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: secrecy ? 'secrecy' : 'urgency' }),
    );
  });

  it.each([
    ["'ด่วนที่สุด ที่ ลป ๐๐๒๓.๔/ว ๔๑๒", 'ด่วนที่สุด', null],
    ['|ด่วนทีสุด ที่ ลป ๐๐๒๓.๔/ว ๔๑๒', 'ด่วนที่สุด', null],
    ['“ลับ ด่วนมาก ที่ ลป ๐๐๒๓.๔/ว ๔๑๒', 'ด่วนมาก', 'ลับ'],
  ])('reads the mark a speck is glued before in %s', (line, urgency, secrecy) => {
    const parsed = parseLetter(
      lines(`${line}                        ศาลากลางจังหวัดลำปาง`, ...head.slice(1), body),
    );
    expect([parsed.urgency, parsed.secrecy]).toEqual([urgency, secrecy]);
    expect(parsed.referenceNumber).toEqual(
      expect.objectContaining({ agencyPrefix: 'ลป', serial: 412 }),
    );
  });

  it('takes no mark from a word after a glued speck', () => {
    const parsed = parseLetter(lines(...head, "'ลดการใช้พลังงาน", body));
    expect([parsed.urgency, parsed.secrecy]).toEqual([null, null]);
  });

  it('leaves a word with a number alone', () => {
    const parsed = parseLetter(lines(...head, body, 'ลบ ๒', 'ลบ 12'));
    expect(parsed.secrecy).toBeNull();
  });
});

describe('an item number OCR read as Latin letters or signs', () => {
  it.each(['“lo. ', 'lo.', 'b) ', '®. '])('starts the next citation at %s', (marker) => {
    const parsed = parseLetter(
      lines(
        ...head,
        'อ้างถึง ๑. หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๑๐๑ ลงวันที่ ๘ มกราคม ๒๕๖๘',
        `${marker}หนังสือกรมทรัพยากรน้ำ ที่ ทส ๐๖๒๑/ว ๕๕ ลงวันที่ ๒๐ เมษายน ๒๕๖๘`,
        body,
      ),
    );
    expect(parsed.references.map((r) => [r.agencyPrefix, r.serial, r.date])).toEqual([
      ['ลป', 101, '2025-01-08'],
      ['ทส', 55, '2025-04-20'],
    ]);
  });

  it('starts the next enclosure when the line ends with its quantity', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        'สิ่งที่ส่งมาด้วย ๑. แบบสำรวจแหล่งน้ำ                      จำนวน ๑ ชุด',
        'lo. คู่มือการสำรวจ                                 จำนวน ๑ เล่ม',
        "®) ' แผนที่ตำบล                                 จำนวน ๓ แผ่น",
        body,
      ),
    );
    expect(parsed.enclosures).toEqual([
      'แบบสำรวจแหล่งน้ำ จำนวน ๑ ชุด',
      'คู่มือการสำรวจ จำนวน ๑ เล่ม',
      'แผนที่ตำบล จำนวน ๓ แผ่น',
    ]);
  });

  it('does not split an unnumbered field, nor take in a body paragraph', () => {
    const unnumbered = parseLetter(
      lines(
        ...head,
        'อ้างถึง  หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๑๐๑ ลงวันที่ ๘ มกราคม ๒๕๖๘',
        'lo. หนังสือกรมทรัพยากรน้ำ ที่ ทส ๐๖๒๑/ว ๕๕ ลงวันที่ ๒๐ เมษายน ๒๕๖๘',
        body,
      ),
    );
    expect(unnumbered.references).toHaveLength(1);
    const paragraph = parseLetter(
      lines(
        ...head,
        'อ้างถึง ๑. หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๑๐๑ ลงวันที่ ๘ มกราคม ๒๕๖๘',
        'a. ตามหนังสือที่อ้างถึง ลงวันที่ ๘ มกราคม ๒๕๖๘ จังหวัดขอความร่วมมือ',
      ),
    );
    expect(paragraph.references).toHaveLength(1);
  });
});

describe('an enclosure quantity as OCR of a scan reads it', () => {
  it.each([
    ['แบบรายงานผลการสำรวจ จำนวน2ชุด', 'แบบรายงานผลการสำรวจ จำนวน 2 ชุด'],
    ['แบบรายงานผลการสำรวจ จำนวน๑ ฉบับ . i', 'แบบรายงานผลการสำรวจ จำนวน ๑ ฉบับ'],
    ['ตารางสรุปผล     :       จำนวน ๔ หน้า 0 7', 'ตารางสรุปผล จำนวน ๔ หน้า'],
    ['บัญชีรายชื่อ (จำนวน ๑ ชุด) Ei', 'บัญชีรายชื่อ (จำนวน ๑ ชุด)'],
    ['รายงานผลการวิเคราะห์ จำนวน ๑ ฉบับ,', 'รายงานผลการวิเคราะห์ จำนวน ๑ ฉบับ'],
    ['รายงานผลการวิเคราะห์ จำนวน ๑ ฉบับ. 7', 'รายงานผลการวิเคราะห์ จำนวน ๑ ฉบับ'],
  ])('%s', (item, expected) => {
    const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
    expect(parsed.enclosures).toEqual([expected]);
  });

  it.each([
    ['แนวทางการดำเนินงาน จำนว่น ๑ ชุด', 'แนวทางการดำเนินงาน จำนวน ๑ ชุด'],
    ['คู่มือการปฏิบัติงาน จำน้วน 2 เล่ม', 'คู่มือการปฏิบัติงาน จำนวน 2 เล่ม'],
    ['แผนที่เส้นทาง จ่ำนวน๓แผ่น', 'แผนที่เส้นทาง จำนวน ๓ แผ่น'],
    ['บัญชีรายชื่อผู้เข้าร่วม จำนว๊น 15 หน้า', 'บัญชีรายชื่อผู้เข้าร่วม จำนวน 15 หน้า'],
  ])(
    'reads จำนวน with a speck for a tone mark in %s, and flags the enclosures',
    (item, expected) => {
      const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
      expect(parsed.enclosures).toEqual([expected]);
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'low_confidence', field: 'enclosures' }),
      );
    },
  );

  it.each([
    [
      "แนวทางปฏิบัติการตรวจสอบคำร้องขอคืนภาษี จำนวน'1 ฉบับ",
      'แนวทางปฏิบัติการตรวจสอบคำร้องขอคืนภาษี จำนวน 1 ฉบับ',
    ],
    ['แบบรายงานผลการสำรวจ จำนวน“๒ชุด', 'แบบรายงานผลการสำรวจ จำนวน ๒ ชุด'],
    // Between the number and what it counts: a closing quote glued to the number.
    ['แผ่นพับประชาสัมพันธ์โครงการ จ้านวน ๒๐๐“แผ่น', 'แผ่นพับประชาสัมพันธ์โครงการ จำนวน ๒๐๐ แผ่น'],
    ["คู่มือการปฏิบัติงาน จำนวน 2' เล่ม", 'คู่มือการปฏิบัติงาน จำนวน 2 เล่ม'],
  ])(
    'drops a sign between จำนวน and its number in %s, and flags the enclosures',
    (item, expected) => {
      const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
      expect(parsed.enclosures).toEqual([expected]);
      expect(parsed.warnings).toContainEqual(
        expect.objectContaining({ code: 'low_confidence', field: 'enclosures' }),
      );
    },
  );

  it('keeps a quantity’s sign where a word, not the number, follows it', () => {
    const item = 'แบบรายงานผลการสำรวจ จำนวน: ตามรายชื่อแนบ';
    const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
    expect(parsed.enclosures).toEqual([item]);
  });

  it.each(['แผ่นพับ จำนวน 1,000 แผ่น', 'ภาพถ่าย จำนวน ๒๐ "ภาพ"'])(
    'keeps a sign inside a number or before a word that counts nothing: %s',
    (item) => {
      const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
      expect(parsed.enclosures).toEqual([item]);
    },
  );

  it('starts the next unnumbered item after a quantity read with a speck', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        'สิ่งที่ส่งมาด้วย  แบบสำรวจแหล่งน้ำ                      จำนว่น ๑ ชุด',
        '                  แผนที่ตำบล                            จำนวน ๓ แผ่น',
        body,
      ),
    );
    expect(parsed.enclosures).toEqual(['แบบสำรวจแหล่งน้ำ จำนวน ๑ ชุด', 'แผนที่ตำบล จำนวน ๓ แผ่น']);
  });

  it('leaves a word like จำนวน alone where no quantity follows, unflagged', () => {
    for (const item of ['รายงานจำนว่นผู้ประสบภัย', 'บัญชีจำนวนผู้ประสบภัย จำนว่น หลายราย']) {
      const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
      expect(parsed.enclosures).toEqual([item]);
      expect(parsed.warnings.filter((w) => w.code === 'low_confidence')).toEqual([]);
    }
  });

  it('puts back the marks of office and regulation words in an item, and flags it', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        'สิ่งที่ส่งมาด้วย ๑. สำเนาหนังสือสำนักงานปลัดกระทรวงการตางประเทศ จำนวน ๑ ฉบับ',
        '๒. ปฏิทินการปิดบัญชีสินปีงบประมาณ จำนวน ๑ ชุด',
        body,
      ),
    );
    expect(parsed.enclosures).toEqual([
      'สำเนาหนังสือสำนักงานปลัดกระทรวงการต่างประเทศ จำนวน ๑ ฉบับ',
      'ปฏิทินการปิดบัญชีสิ้นปีงบประมาณ จำนวน ๑ ชุด',
    ]);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'enclosures' }),
    );
  });

  it.each([
    ['แผนการรักษาความปลอดภัย (ลับมาก) - จำนวน ๑ ชุด', 'แผนการรักษาความปลอดภัย (ลับมาก) จำนวน ๑ ชุด'],
    ['คู่มือการปฏิบัติงาน – จำนวน 2 เล่ม', 'คู่มือการปฏิบัติงาน จำนวน 2 เล่ม'],
    // A range before the quantity keeps its dash.
    ['กำหนดการประชุม ๒๐ - ๒๔ มีนาคม จำนวน ๑ ฉบับ', 'กำหนดการประชุม ๒๐ - ๒๔ มีนาคม จำนวน ๑ ฉบับ'],
    ['บัญชีรายชื่อ เล่ม 1 - 3 จำนวน 3 เล่ม', 'บัญชีรายชื่อ เล่ม 1 - 3 จำนวน 3 เล่ม'],
  ])('drops a lone dash before the quantity that ends no range: %s', (item, expected) => {
    const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
    expect(parsed.enclosures).toEqual([expected]);
  });

  it('leaves printed items as they are, unflagged', () => {
    const parsed = parseLetter(
      lines(...head, 'สิ่งที่ส่งมาด้วย  บัญชีทรัพย์สินปีงบประมาณ ๒๕๖๗ จำนวน ๑ ชุด', body),
    );
    expect(parsed.enclosures).toEqual(['บัญชีทรัพย์สินปีงบประมาณ ๒๕๖๗ จำนวน ๑ ชุด']);
    expect(parsed.warnings.filter((w) => w.code === 'low_confidence')).toEqual([]);
  });

  it.each([
    ['กำหนดการพิธีมอบทุนการศึกษา "จำนวน ๑ ชุด', 'กำหนดการพิธีมอบทุนการศึกษา จำนวน ๑ ชุด'],
    ['แผนที่เส้นทางเลี่ยง “จำนวน ๒ แผ่น', 'แผนที่เส้นทางเลี่ยง จำนวน ๒ แผ่น'],
    ["คู่มือการปฏิบัติงาน 'จำนวน 2 เล่ม", 'คู่มือการปฏิบัติงาน จำนวน 2 เล่ม'],
  ])('drops a lone quote glued before the quantity: %s', (item, expected) => {
    const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
    expect(parsed.enclosures).toEqual([expected]);
  });

  it.each([
    // A pair of quotes is print.
    'ประกาศ "มาตรการประหยัดพลังงาน" จำนวน ๑ ฉบับ',
    'แบบฟอร์ม "จำนวนผู้เข้าร่วม" จำนวน ๑ แผ่น',
    // A quote before a word that is no quantity.
    'ตาราง "จำนวนผู้ประสบภัย',
  ])('keeps quotes that are print: %s', (item) => {
    const parsed = parseLetter(lines(...head, `สิ่งที่ส่งมาด้วย  ${item}`, body));
    expect(parsed.enclosures).toEqual([item]);
  });

  it('ends a numbered list at its quantity with specks after it, before dust', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        'สิ่งที่ส่งมาด้วย ๑. รายงานการสืบสวนข้อเท็จจริง                    จำนวน ๑ ชุด',
        '๒. บันทึกถ้อยคำของผู้เกี่ยวข้อง                                  จำนวน ๕ฉบับ 7,',
        '<4 @ dy = บ๐                        vy : oY                    ม a   a',
        body,
      ),
    );
    expect(parsed.enclosures).toEqual([
      'รายงานการสืบสวนข้อเท็จจริง จำนวน ๑ ชุด',
      'บันทึกถ้อยคำของผู้เกี่ยวข้อง จำนวน ๕ ฉบับ',
    ]);
  });

  it('goes on after a quantity followed by Thai text or a wrapped item', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        'สิ่งที่ส่งมาด้วย ๑. สำเนาหนังสือกรมควบคุมโรค จำนวน ๑ ฉบับ ด่วนที่สุด',
        'ที่ สธ ๐๔๑๐.๖/ว ๘๘ ลงวันที่ ๒๘ มกราคม ๒๕๖๙',
        '๒. แบบรายงาน                                  จำนวน ๕ ฉบับ',
        body,
      ),
    );
    expect(parsed.enclosures).toEqual([
      'สำเนาหนังสือกรมควบคุมโรค จำนวน ๑ ฉบับ ด่วนที่สุด ที่ สธ ๐๔๑๐.๖/ว ๘๘ ลงวันที่ ๒๘ มกราคม ๒๕๖๙',
      'แบบรายงาน จำนวน ๕ ฉบับ',
    ]);
  });

  it('keeps what is printed after a quantity', () => {
    const parsed = parseLetter(lines(...head, 'สิ่งที่ส่งมาด้วย  แผ่นพับ จำนวน ๕๐ แผ่น ต่ออำเภอ', body));
    expect(parsed.enclosures).toEqual(['แผ่นพับ จำนวน ๕๐ แผ่น ต่ออำเภอ']);
  });
});

describe('a subject as OCR of a scan reads it', () => {
  it('puts back its year and a regulation word, and flags it', () => {
    const parsed = parseLetter(
      lines(
        'ที่ นม ๐๐๑๗.๒/ว ๕๕๐                        ศาลากลางจังหวัดนครราชสีมา',
        '            ๙ มกราคม ๒๕๖๘',
        'เรื่อง  การเบกจ่ายค่าใช้จ่ายในการฝึกอบรม ประจำปีงบประมาณ Wa. ๕๕๖๘',
        'เรียน  นายอำเภอทุกอำเภอ',
        '        ด้วยจังหวัดนครราชสีมาขอแจ้งแนวทางการเบิกจ่าย',
      ),
    );
    expect(parsed.subject).toBe('การเบิกจ่ายค่าใช้จ่ายในการฝึกอบรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'subject' }),
    );
  });

  it('leaves a printed subject as it is, unflagged', () => {
    const parsed = parseLetter(
      lines(
        'ที่ นม ๐๐๑๗.๒/ว ๕๕๐                        ศาลากลางจังหวัดนครราชสีมา',
        '            ๙ มกราคม ๒๕๖๘',
        'เรื่อง  รายงานทรัพย์สินปีงบประมาณ พ.ศ. ๒๕๖๗',
        'เรียน  นายอำเภอทุกอำเภอ',
        '        ด้วยจังหวัดนครราชสีมาขอให้รายงาน',
      ),
    );
    expect(parsed.subject).toBe('รายงานทรัพย์สินปีงบประมาณ พ.ศ. ๒๕๖๗');
    expect(parsed.warnings.filter((w) => w.code === 'low_confidence')).toEqual([]);
  });
});

/** The head, a body and a closed, signed foot whose signature line is `signature`. */
const signedLetter = (signature: string): string =>
  lines(
    ...head,
    body,
    '                 ขอแสดงความนับถือ',
    signature,
    'รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน',
    'ผู้ว่าราชการจังหวัดลำปาง',
    'สำนักงานจังหวัด',
    'โทร. ๐ ๕๔๒๖ ๕๐๕๐',
  );

describe('a signature block with specks beside the name', () => {
  it.each([
    "' (นายประยูร แก้วมณี)",
    '(นายประยูร แก้วมณี) 7',
    '(นายประยูร แก้วมณี .)',
    '(นายประยูร แก้วมณี)                                  ก.',
    "'          (นายประยูร แก้วมณี)          ๊             0",
  ])('reads the signatory from %s', (signature) => {
    const parsed = parseLetter(signedLetter(signature));
    expect(parsed.signatory).toEqual({
      name: 'นายประยูร แก้วมณี',
      position: 'รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดลำปาง',
    });
    expect(parsed.ownerUnit).toBe('สำนักงานจังหวัด');
  });
});

describe('a signature line whose scan lost one parenthesis', () => {
  const lowSignatory: unknown = expect.objectContaining({
    code: 'low_confidence',
    field: 'signatory',
  });

  it.each([
    '(นายประยูร แก้วมณี',
    'นายประยูร แก้วมณี)',
    "' (นางสาวประยูร แก้วมณี",
    '(ว่าที่ร้อยตรีประยูร แก้วมณี               ก.',
  ])('reads the signatory from %s after the closing, flagged unsure', (signature) => {
    const parsed = parseLetter(signedLetter(signature));
    expect(parsed.signatory?.name).toMatch(/แก้วมณี$/);
    expect(parsed.signatory?.position).toBe('รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดลำปาง');
    expect(parsed.ownerUnit).toBe('สำนักงานจังหวัด');
    expect(parsed.warnings).toContainEqual(lowSignatory);
  });

  const memo = (...foot: string[]): string =>
    lines(
      'บันทึกข้อความ',
      'ส่วนราชการ  กองคลัง โทร. ๐ ๒๒๒๒ ๑๑๑๑',
      'ที่  มท ๐๒๐๑/๑๒๓                    วันที่  ๕ มกราคม ๒๕๖๙',
      'เรื่อง  ขออนุมัติเบิกจ่ายเงิน',
      'เรียน  ปลัดกระทรวงมหาดไทย',
      '        ด้วยกองคลังขออนุมัติเบิกจ่ายเงินตามโครงการ',
      ...foot,
    );

  it('in a memo without a closing, takes it only right above a post', () => {
    const parsed = parseLetter(memo('(นางสาวสุดา ทองดี', 'ผู้อำนวยการกองคลัง'));
    expect(parsed.signatory).toEqual({ name: 'นางสาวสุดา ทองดี', position: 'ผู้อำนวยการกองคลัง' });
    expect(parsed.warnings).toContainEqual(lowSignatory);
  });

  it.each([
    [['(นายกรัฐมนตรีได้สั่งการไว้', 'จึงเรียนมาเพื่อโปรดพิจารณา']],
    [['        ตามคำสั่งของ (นายอำเภอ', 'จึงเรียนมาเพื่อโปรดพิจารณา']],
    [['(นายสมชาย ใจดี ๑๒', 'ผู้อำนวยการกองคลัง']],
  ])('takes no signatory from a body line or a numbered one: %j', (foot) => {
    expect(parseLetter(memo(...foot)).signatory).toBeNull();
  });

  it('a name in both parentheses is read as before, not flagged', () => {
    const parsed = parseLetter(memo('(นางสาวสุดา ทองดี)', 'ผู้อำนวยการกองคลัง'));
    expect(parsed.signatory?.name).toBe('นางสาวสุดา ทองดี');
    expect(parsed.warnings).not.toContainEqual(lowSignatory);
  });
});

describe('a foot without its blank lines, the owning unit misread', () => {
  const foot = (...block: string[]): ReturnType<typeof parseLetter> =>
    parseLetter(lines(...head, body, '                 ขอแสดงความนับถือ', ...block));

  it.each([
    ['สำนัถนโยบายและแผน', 'กองทัพภาคที่ ๓'],
    ['ภองควบคุมการก่อสร้าง', 'กรมโยธาธิการและผังเมือง'],
    ['กลองป้องกันและบรรเทาสาธารณภัย', 'กรมส่งเสริมการปกครองท้องถิ่น'],
  ])('ends the position before %s', (unit, post) => {
    const parsed = foot(
      '(นายสมหมาย ใจกล้า)',
      `อธิบดี${post}`,
      unit,
      'กลุ่มงานป้องกันและบรรเทาสาธารณภัย',
      'โทร. 0 2241 9000',
    );
    expect(parsed.signatory).toEqual({ name: 'นายสมหมาย ใจกล้า', position: `อธิบดี${post}` });
    expect(parsed.ownerUnit).toContain('กลุ่มงานป้องกันและบรรเทาสาธารณภัย');
  });

  it('goes on with the acting phrase and the post it acts for', () => {
    const parsed = foot(
      '(นายวิชัย ศรีสุข)',
      'รองปลัดกระทรวงสาธารณสุข',
      'ปฏิบัติราชการแทน',
      'ปลัดกระทรวงสาธารณสุข',
      'กองบริหารการสาธารณสุข',
      'โทร. ๐ ๒๕๙๐ ๑๑๑๑',
    );
    expect(parsed.signatory?.position).toBe(
      'รองปลัดกระทรวงสาธารณสุข ปฏิบัติราชการแทน ปลัดกระทรวงสาธารณสุข',
    );
    expect(parsed.ownerUnit).toBe('กองบริหารการสาธารณสุข');
  });

  it('keeps a position wrapped after แทน, and a blank line still decides', () => {
    const wrapped = foot(
      '(นางสาวจันทร์เพ็ญ มีสุข)',
      'รองผู้ว่าราชการจังหวัด รักษาราชการแทน',
      'ผู้ว่าราชการจังหวัดน่าน',
      'สำนักงานจังหวัดน่าน',
      'โทร. ๐ ๕๔๗๑ ๐๐๐๐',
    );
    expect(wrapped.signatory?.position).toBe('รองผู้ว่าราชการจังหวัด รักษาราชการแทน ผู้ว่าราชการจังหวัดน่าน');
    const blank = foot(
      '(นายสมหมาย ใจกล้า)',
      'ประธานกรรมการตรวจสอบพัสดุ',
      'ประจำสำนักงานเขตพื้นที่',
      '',
      'กองคลัง',
      'โทร. ๐ ๒๒๒๒ ๑๑๑๑',
    );
    expect(blank.signatory?.position).toBe('ประธานกรรมการตรวจสอบพัสดุ ประจำสำนักงานเขตพื้นที่');
    expect(blank.ownerUnit).toBe('กองคลัง');
  });

  it.each([
    // A stamp's digits far right of the acting phrase, dust under it.
    [
      'รองปลัดกระทรวงสาธารณสุข ปฏิบัติราชการแทน               030',
      'a                             ~     ๑2',
    ],
    // Dust read between the acting phrase and the post, the phrase on its own line.
    ['รองปลัดกระทรวงสาธารณสุข', 'ปฏิบัติราชการแทน', '<4       สม ๕9        oy        i'],
    // A number far right of the phrase alone.
    ['รองปลัดกระทรวงสาธารณสุข ปฏิบัติราชการแทน          7'],
  ])('reads the post after the acting phrase through dust and a stray number (%s)', (...block) => {
    const parsed = foot(
      '(นายวิชัย ศรีสุข)',
      ...block,
      'ปลัดกระทรวงสาธารณสุข',
      'กองบริหารการสาธารณสุข',
      'โทร. ๐ ๒๕๙๐ ๑๑๑๑',
    );
    expect(parsed.signatory?.position).toBe(
      'รองปลัดกระทรวงสาธารณสุข ปฏิบัติราชการแทน ปลัดกระทรวงสาธารณสุข',
    );
    expect(parsed.ownerUnit).toBe('กองบริหารการสาธารณสุข');
  });

  it('ends the position at dust when no post follows it, and keeps a number after เขต', () => {
    const parsed = foot(
      '(นายวิชัย ศรีสุข)',
      'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต          1',
      'a                             ~     ๑2',
      'กลุ่มส่งเสริมการจัดการศึกษา',
      'โทร. ๐ ๕๔๗๑ ๐๐๐๐',
    );
    expect(parsed.signatory?.position).toBe('ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาน่าน เขต 1');
    expect(parsed.ownerUnit).toBe('กลุ่มส่งเสริมการจัดการศึกษา');
  });
});

describe('เรียน read as Latin letters under the subject', () => {
  const read = (addressee: string): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        head[0] ?? '',
        head[1] ?? '',
        'เรื่อง  แนวทางการเบิกจ่ายเงินสวัสดิการ',
        addressee,
        'อ้างถึง หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๓๘๘ ลงวันที่ ๒ พฤษภาคม ๒๕๖๘',
        body,
      ),
    );

  it.each([
    ['Sou คลังจังหวัด ทุกจังหวัด', 'คลังจังหวัด ทุกจังหวัด'],
    ['Bou แรงงานจังหวัดลำปาง', 'แรงงานจังหวัดลำปาง'],
    ['Seu ผู้ว่าราชการจังหวัดลำปาง', 'ผู้ว่าราชการจังหวัดลำปาง'],
  ])('reads the addressee of %s, and flags it', (line, salutation) => {
    const parsed = read(line);
    expect(parsed.subject).toBe('แนวทางการเบิกจ่ายเงินสวัสดิการ');
    expect(parsed.salutation).toBe(salutation);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'salutation' }),
    );
  });

  it('takes no addressee from a wrapped subject that names no post', () => {
    const parsed = read('Sou คลังสินค้าจังหวัด');
    expect(parsed.salutation).toBeNull();
  });
});

describe('a name in parentheses with cells beside it', () => {
  it.each([
    '(นายประยูร แก้วมณี)           ผู้ว่าราชการ',
    '(นายประยูร แก้วมณี)           (ลงชื่อ)',
    '(นายประยูร แก้วมณี)           12',
  ])('is no signature line when a cell beside it holds a word or a number: %s', (text) => {
    expect(parenthesisedName({ text, match: text })).toBeNull();
  });

  it.each([
    '00                    (นายอนุชา ประจำเมือง)',
    '- (นายอนุชา ประจำเมือง)                  00',
    '(นายอนุชา ประจำเมือง)          o0',
  ])('is the signature beside round specks read as zeros: %s', (text) => {
    expect(parenthesisedName({ text, match: text })).toBe('นายอนุชา ประจำเมือง');
  });

  it('reads the signature block after a closing with a speck a space after it', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        body,
        'จึงเรียนมาเพื่อทราบและดำเนินการ',
        'ขอแสดงความนับถือ 0',
        '00                    (นายอนุชา ประจำเมือง)',
        'นายอำเภอพิมาย',
        'ที่ทำการปกครองอำเภอพิมาย',
        'โทร. ๐ ๔๔๔๗ ๑๒๑๔',
      ),
    );
    expect(parsed.signatory).toEqual({ name: 'นายอนุชา ประจำเมือง', position: 'นายอำเภอพิมาย' });
    expect(parsed.ownerUnit).toBe('ที่ทำการปกครองอำเภอพิมาย');
  });

  it('takes no closing followed by a word', () => {
    const parsed = parseLetter(
      lines(...head, body, 'ขอแสดงความนับถือ มา ณ ที่นี้', '(นายอนุชา ประจำเมือง)', 'นายอำเภอพิมาย'),
    );
    // No closing: the name is still found by its title, as in a memo.
    expect(parsed.signatory?.name).toBe('นายอนุชา ประจำเมือง');
  });
});

describe('a speck one space before ที่', () => {
  const memo = (refLine: string): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'บันทึกข้อความ',
        'ส่วนราชการ กองบังคับการตำรวจภูธรจังหวัดน่าน ฝ่ายอำนวยการ',
        refLine,
        'เรื่อง ขออนุมัติจัดซื้อวัสดุสำนักงาน',
        'เรียน ผู้บังคับการตำรวจภูธรจังหวัดน่าน',
        '        ด้วยฝ่ายอำนวยการมีความจำเป็นต้องจัดซื้อวัสดุสำนักงาน',
      ),
    );

  it.each(['- ที่ ตช ๐๐๑๙.๙๑/๓๓๓ วันที่ ๒ มิถุนายน ๒๕๖๙', "' ที ตช 0019.91/333 วันที่ 2 มิถุนายน 2569"])(
    'reads the reference line %s, and the unit ends before it',
    (refLine) => {
      const parsed = memo(refLine);
      expect(parsed.referenceNumber).toEqual(
        expect.objectContaining({ agencyPrefix: 'ตช', serial: 333 }),
      );
      expect(parsed.letterDate?.date).toBe('2026-06-02');
      expect(parsed.ownerUnit).toBe('กองบังคับการตำรวจภูธรจังหวัดน่าน ฝ่ายอำนวยการ');
    },
  );

  it.each([
    ')          ที่ ตช ๐๐๑๙.๙๑/๓๓๓          วันที่ ๒ มิถุนายน ๒๕๖๙',
    '-:     ที่ ตช ๐๐๑๙.๙๑/๓๓๓          วันที่ ๒ มิถุนายน ๒๕๖๙',
    '[   ที ตช 0019.91/333          วันที่ 2 มิถุนายน 2569',
  ])(
    'reads the reference line %s: signs or a bracket alone across a gap are a speck',
    (refLine) => {
      const parsed = memo(refLine);
      expect(parsed.referenceNumber).toEqual(
        expect.objectContaining({ agencyPrefix: 'ตช', serial: 333 }),
      );
      expect(parsed.letterDate?.date).toBe('2026-06-02');
    },
  );

  it('does not take a letter or a digit before ที่ for a speck', () => {
    for (const refLine of [
      'ก ที่ ตช ๐๐๑๙.๙๑/๓๓๓',
      '1 ที่ ตช ๐๐๑๙.๙๑/๓๓๓',
      '(1)          ที่ ตช ๐๐๑๙.๙๑/๓๓๓',
      '-:)          ที่ ตช ๐๐๑๙.๙๑/๓๓๓',
    ]) {
      expect(memo(refLine).referenceNumber).toBeNull();
    }
  });
});

describe('a line of dust with digits between two header fields', () => {
  const letter = (dust: string): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'ที่ พย ๐๐๑๗.๒/ว ๕๕๐                        ศาลากลางจังหวัดพะเยา',
        '            ๙ มีนาคม ๒๕๗๐',
        'เรื่อง  ขอเชิญประชุมคณะกรรมการ',
        'เรียน  นายอำเภอทุกอำเภอ',
        dust,
        'สิ่งที่ส่งมาด้วย (๑) ระเบียบวาระการประชุม จำนวน ๑ ชุด',
        '(๒) แบบตอบรับ จำนวน ๑ แผ่น',
        '        ด้วยจังหวัดพะเยาจะจัดประชุมคณะกรรมการ',
      ),
    );

  it.each([
    'i       a a     ฆ        ๑7   ๑7 ๐     จ     ม      is !',
    'ง4 ๕ซ่       Ig        a      ส     ซ่    wu    4 ง',
    '   ๒    ;   e7   ๙  ',
    // An item number among the specks, not opening the line, is one of them.
    'บ ๕=      ฆ        7       a           6.       a a                        ณ ซ่',
    'a   ๑7   ๒.   ๙',
  ])('skips %s and reads the enclosures after it', (dust) => {
    const parsed = letter(dust);
    expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
    expect(parsed.enclosures).toEqual(['ระเบียบวาระการประชุม จำนวน ๑ ชุด', 'แบบตอบรับ จำนวน ๑ แผ่น']);
  });

  it.each([
    // A Thai word, an item number or a number of a date: letter text, not dust.
    'ทุก   อำเภอ   ๑7   a',
    '(๓)   a   ๑7   b',
    '๑.   a   b   c',
    '  ๒)   a   6.   c',
    'ข้อ   a   ๑7',
  ])('ends the header at %s', (text) => {
    expect(letter(text).enclosures).toEqual([]);
  });

  it('ends the header when no label follows the dust', () => {
    const parsed = parseLetter(
      lines(
        'ที่ พย ๐๐๑๗.๒/ว ๕๕๐                        ศาลากลางจังหวัดพะเยา',
        '            ๙ มีนาคม ๒๕๗๐',
        'เรื่อง  ขอเชิญประชุมคณะกรรมการ',
        'เรียน  นายอำเภอทุกอำเภอ',
        'i    ๑7    a    ฆ',
        '        ด้วยจังหวัดพะเยาจะจัดประชุมคณะกรรมการ',
        'สิ่งที่ส่งมาด้วย แบบตอบรับ จำนวน ๑ แผ่น',
      ),
    );
    expect(parsed.enclosures).toEqual([]);
  });
});

describe('the words naming an enclosed letter, read without their tone mark', () => {
  const enclosures = (item: string): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'ที่ นศ ๐๐๒๓.๔/ว ๗๑๒                        ศาลากลางจังหวัดนครศรีธรรมราช',
        '            ๓ เมษายน ๒๕๖๙',
        'เรื่อง  การเตรียมความพร้อมรับมืออุทกภัย',
        'เรียน  นายอำเภอทุกอำเภอ',
        `สิ่งที่ส่งมาด้วย  ${item}`,
        '        ด้วยจังหวัดได้รับแจ้งจากกรมป้องกันและบรรเทาสาธารณภัย',
      ),
    );

  it.each([
    [
      'สำเนาหนังสือกรมควบคุมโรค ที สธ ๐๔๑๐.๖/ว ๘๘ ลงวันที ๒๘ มกราคม ๒๕๖๙ จำนวน ๑ ฉบับ',
      'สำเนาหนังสือกรมควบคุมโรค ที่ สธ ๐๔๑๐.๖/ว ๘๘ ลงวันที่ ๒๘ มกราคม ๒๕๖๙ จำนวน ๑ ฉบับ',
    ],
    [
      'สำเนาหนังสือกรมชลประทาน ด่วนทีสุด ที กษ 0305/ว 41 ลงวันที 2 มีนาคม 2569',
      'สำเนาหนังสือกรมชลประทาน ด่วนที่สุด ที่ กษ 0305/ว 41 ลงวันที่ 2 มีนาคม 2569',
    ],
    [
      'ประกาศจังหวัดนครศรีธรรมราช เรือง การเฝ้าระวังน้ำท่วม จำนวน ๑ ฉบับ',
      'ประกาศจังหวัดนครศรีธรรมราช เรื่อง การเฝ้าระวังน้ำท่วม จำนวน ๑ ฉบับ',
    ],
  ])('reads %s with its marks back, and flags it', (item, expected) => {
    const parsed = enclosures(item);
    expect(parsed.enclosures).toEqual([expected]);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'enclosures' }),
    );
  });

  it.each([
    // ที as a word of its own, a surname, a name glued to its title: as printed.
    'รายชื่อนักเรียนที ผ่านการอบรม จำนวน ๑ ชุด',
    'ภาพถ่ายบ้านนายเรือง ศรีสุข จำนวน ๒ แผ่น',
    'ผลงานของนางสาวจันทร์ เรืองศรี จำนวน ๑ เล่ม',
    'แผนที่แสดงพื้นที่เสี่ยง จำนวน ๑ แผ่น',
  ])('keeps %s as printed, unflagged', (item) => {
    const parsed = enclosures(item);
    expect(parsed.enclosures).toEqual([item]);
    expect(parsed.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'enclosures' }),
    );
  });

  it('drops a vowel standing alone before the quantity, and keeps ๆ', () => {
    expect(enclosures('แบบฟอร์มต่าง ๆ และคำอธิบายการกรอกแบบฟอร์ม า จำนวน ๑ ชุด').enclosures).toEqual([
      'แบบฟอร์มต่าง ๆ และคำอธิบายการกรอกแบบฟอร์ม จำนวน ๑ ชุด',
    ]);
  });
});

describe('an item number whose dot was read as a comma', () => {
  const cited = (...items: string[]): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'ที่ สน ๐๐๑๗.๓/ว ๒๐๑                        ศาลากลางจังหวัดสกลนคร',
        '            ๒๔ สิงหาคม ๒๕๖๙',
        'เรื่อง  มาตรการประหยัดพลังงาน',
        'เรียน  นายอำเภอทุกอำเภอ',
        `อ้างถึง  ${items[0] ?? ''}`,
        ...items.slice(1),
        '        ตามที่คณะรัฐมนตรีได้มีมติเห็นชอบมาตรการประหยัดพลังงาน นั้น',
      ),
    );

  it.each([
    [
      '๑, มติคณะรัฐมนตรี เมื่อวันที่ ๑๘ สิงหาคม ๒๕๖๙',
      'lo. หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๑๑.๓/ว ๓๙๙๐ ลงวันที่ ๑ สิงหาคม ๒๕๖๙',
    ],
    [
      '1, มติคณะรัฐมนตรี เมื่อวันที่ 18 สิงหาคม 2569',
      '๒, หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๑๑.๓/ว ๓๙๙๐ ลงวันที่ ๑ สิงหาคม ๒๕๖๙',
    ],
  ])('splits %s / %s into two citations', (first, second) => {
    expect(cited(first, second).references).toEqual([
      expect.objectContaining({ raw: null, date: '2026-08-18' }),
      expect.objectContaining({ agencyPrefix: 'มท', serial: 3990, date: '2026-08-01' }),
    ]);
  });

  it('keeps a comma after a number inside an item as printed', () => {
    const parsed = cited('หนังสือกระทรวงมหาดไทย ที่ มท ๐๒๑๑.๓/ว ๓๙๙๐ ลงวันที่ ๑ สิงหาคม ๒๕๖๙ ข้อ ๓, ๔');
    expect(parsed.references).toEqual([
      expect.objectContaining({ agencyPrefix: 'มท', serial: 3990, date: '2026-08-01' }),
    ]);
  });
});

describe('a line of dust between the signature and the position', () => {
  const foot = (...footLines: string[]): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'ที่ มท ๐๘๐๔.๕/ว ๓๓๑๒                        กรมส่งเสริมการปกครองท้องถิ่น',
        '            ๑๒ มกราคม ๒๕๖๙',
        'เรื่อง  การเบิกจ่ายเงินอุดหนุน',
        'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
        '        ด้วยกรมส่งเสริมการปกครองท้องถิ่นขอแจ้งแนวทางการเบิกจ่าย',
        'จึงเรียนมาเพื่อโปรดพิจารณา',
        'ขอแสดงความนับถือ',
        ...footLines,
      ),
    );

  it.each(['a |       1    =                  Ed   =)', "'   .    ~", 'Iv)   iy   a'])(
    'reads the position and the owning unit across %s',
    (dust) => {
      const parsed = foot(
        '(นายวีระพงษ์ มณีรัตน์)',
        dust,
        'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น',
        'กองการเงินและบัญชี',
        'กลุ่มงานการเงิน',
        'โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๒๓๑',
      );
      expect(parsed.signatory).toEqual({
        name: 'นายวีระพงษ์ มณีรัตน์',
        position: 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น',
      });
      expect(parsed.ownerUnit).toBe('กองการเงินและบัญชี กลุ่มงานการเงิน');
    },
  );

  it('keeps a blank line under the name as the end of the signature block', () => {
    const parsed = foot('(นายวีระพงษ์ มณีรัตน์)', '', 'กองการเงินและบัญชี', 'โทร. ๐ ๒๒๔๑ ๙๐๐๐ ต่อ ๑๒๓๑');
    expect(parsed.signatory).toEqual({ name: 'นายวีระพงษ์ มณีรัตน์', position: null });
    expect(parsed.ownerUnit).toBe('กองการเงินและบัญชี');
  });
});

describe('a signature block and a subject as OCR of a scan leaves them', () => {
  const letter = (
    subject: string,
    name: string,
    position: string,
  ): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'ที่ กษ ๐๖๐๑/ว ๒๑๐                        กรมปศุสัตว์',
        '            ๒๐ มกราคม ๒๕๖๙',
        `เรื่อง  ${subject}`,
        'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
        '        ด้วยกรมปศุสัตว์ขอความร่วมมือเฝ้าระวังโรคระบาดสัตว์',
        'จึงเรียนมาเพื่อโปรดพิจารณา',
        'ขอแสดงความนับถือ',
        `(${name})`,
        position,
      ),
    );
  const flagged = (parsed: ReturnType<typeof parseLetter>, field: string): boolean =>
    parsed.warnings.some((w) => w.code === 'low_confidence' && w.field === field);

  it.each([
    ['นายสมศักดิ บุญประเสริฐ', 'นายสมศักดิ์ บุญประเสริฐ'],
    ['นางสาวกมลวรรณ พูลสวัสดิ', 'นางสาวกมลวรรณ พูลสวัสดิ์'],
    ['นายศักดิ ทองดี', 'นายศักดิ์ ทองดี'],
  ])('puts back the ์ of %s, and flags it', (read, printed) => {
    const parsed = letter('การเฝ้าระวังโรคระบาดสัตว์', read, 'อธิบดีกรมปศุสัตว์');
    expect(parsed.signatory?.name).toBe(printed);
    expect(flagged(parsed, 'signatory')).toBe(true);
  });

  it.each(['นายศักดินา ทองดี', 'นายสมศักดิ์ บุญประเสริฐ', 'นางสุดา ศรีสวัสดิ์'])(
    'keeps %s as read, unflagged',
    (name) => {
      const parsed = letter('การเฝ้าระวังโรคระบาดสัตว์', name, 'อธิบดีกรมปศุสัตว์');
      expect(parsed.signatory?.name).toBe(name);
      expect(flagged(parsed, 'signatory')).toBe(false);
    },
  );

  it('reads a position whose first letter was misread, and flags it', () => {
    const parsed = letter('การเฝ้าระวังโรคระบาดสัตว์', 'นายสมชวน รัตนมังคลานนท์', 'ลธิบดีกรมปศุสัตว์');
    expect(parsed.signatory?.position).toBe('อธิบดีกรมปศุสัตว์');
    expect(flagged(parsed, 'signatory')).toBe(true);
  });

  it.each([
    ['ขอส่งรายชื่อผู้ผ่านการประเมิน.', 'ขอส่งรายชื่อผู้ผ่านการประเมิน'],
    ['การจัดสรรเงินอุดหนุนอาหารกลางวัน.', 'การจัดสรรเงินอุดหนุนอาหารกลางวัน'],
  ])('drops the dot glued after the subject %s, and flags it', (read, printed) => {
    const parsed = letter(read, 'นายสมชวน รัตนมังคลานนท์', 'อธิบดีกรมปศุสัตว์');
    expect(parsed.subject).toBe(printed);
    expect(flagged(parsed, 'subject')).toBe(true);
  });

  it('puts back the tone marks of compounds in the subject and the owning unit, and flags them', () => {
    const parsed = parseLetter(
      lines(
        'ที่ กษ ๐๖๐๑/ว ๒๑๐                        กรมปศุสัตว์',
        '            ๒๐ มกราคม ๒๕๖๙',
        'เรื่อง  ขอให้สำรวจพืนทีเลียงสัตว์และแหลงนำ',
        'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
        '        ด้วยกรมปศุสัตว์ขอความร่วมมือเฝ้าระวังโรคระบาดสัตว์',
        'จึงเรียนมาเพื่อโปรดพิจารณา',
        'ขอแสดงความนับถือ',
        '(นายสมชวน รัตนมังคลานนท์)',
        'อธิบดีกรมปศุสัตว์',
        '',
        'กองควบคุมโรคระบาดสัตว์ กลุ่มงานเจ้าหน้าที',
        'โทร. ๐ ๒๖๕๓ ๔๔๔๔',
      ),
    );
    // เลียง stays as read: เลี้ยง alone is no compound of the list.
    expect(parsed.subject).toBe('ขอให้สำรวจพื้นที่เลียงสัตว์และแหล่งน้ำ');
    expect(parsed.ownerUnit).toBe('กองควบคุมโรคระบาดสัตว์ กลุ่มงานเจ้าหน้าที่');
    expect(flagged(parsed, 'subject')).toBe(true);
    expect(flagged(parsed, 'ownerUnit')).toBe(true);
  });

  it.each(['ขอเชิญประชุมผู้บริหาร สพฐ.', 'การสรรหาเลขาธิการ ก.พ.', 'การประสานงานกับ กทม.'])(
    'keeps the abbreviation ending %s',
    (subject) => {
      const parsed = letter(subject, 'นายสมชวน รัตนมังคลานนท์', 'อธิบดีกรมปศุสัตว์');
      expect(parsed.subject).toBe(subject);
    },
  );
});

describe('a receipt stamp read through a damaged time', () => {
  const stampOver = (timeLine: string): string =>
    lines('สำนักงานจังหวัดลำปาง', 'เลขรับ ๕๑๘๒', 'วันที่ ๒๘ พ.ค. ๒๕๖๘', timeLine, '', ...head, body);

  it('shows the stamps unsure when the time was read through damage', () => {
    const parsed = parseLetter(stampOver('เวลา ๐๘๕๐ น.'));
    expect(parsed.receiptStamps[0]?.time).toBe('08:50');
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'receiptStamps' }),
    );
  });

  it('keeps a stamp with its time read whole sure', () => {
    const parsed = parseLetter(stampOver('เวลา ๐๘.๕๐ น.'));
    expect(parsed.receiptStamps[0]?.time).toBe('08:50');
    expect(parsed.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'receiptStamps' }),
    );
  });
});

describe('a signatory whose title OCR misread', () => {
  it('gets the title back, unsure', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        body,
        '              ขอแสดงความนับถือ',
        '',
        '      (นางสำวสุดา ทองดี)',
        '  ผู้ว่าราชการจังหวัดลำปาง',
      ),
    );
    expect(parsed.signatory).toEqual({ name: 'นางสาวสุดา ทองดี', position: 'ผู้ว่าราชการจังหวัดลำปาง' });
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'signatory' }),
    );
  });
});

describe('a stray number far after the subject on its line', () => {
  const subjectOf = (subjectLine: string) =>
    parseLetter(lines(head[0] ?? '', head[1] ?? '', subjectLine, head[3] ?? '', body));

  it.each([
    [
      'เรื่อง  การอบรมหลักสูตรการดูแลผู้ป่วยระยะท้าย                        10',
      'การอบรมหลักสูตรการดูแลผู้ป่วยระยะท้าย',
    ],
    ['เรื่อง แนวทางการเบิกจ่ายเงินสวัสดิการ           ๊ 30', 'แนวทางการเบิกจ่ายเงินสวัสดิการ'],
    ['เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ          ๗', 'ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ'],
  ])('drops it from %s, unsure', (subjectLine, subject) => {
    const parsed = subjectOf(subjectLine);
    expect(parsed.subject).toBe(subject);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'subject' }),
    );
  });

  it.each([
    ['เรื่อง  การจัดงานวันแรงงานแห่งชาติ ประจำปี      ๒๕๖๙', 'การจัดงานวันแรงงานแห่งชาติ ประจำปี ๒๕๖๙'],
    ['เรื่อง  การประชุมคณะกรรมการ ครั้งที่     ๒', 'การประชุมคณะกรรมการ ครั้งที่ ๒'],
    ['เรื่อง  การอบรมหลักสูตรการดูแลผู้ป่วย  10', 'การอบรมหลักสูตรการดูแลผู้ป่วย 10'],
    ['เรื่อง  การอบรมหลักสูตรการดูแลผู้ป่วย       รุ่น 10', 'การอบรมหลักสูตรการดูแลผู้ป่วย รุ่น 10'],
    ['เรื่อง  การอบรมหลักสูตรการดูแลผู้ป่วย       123456', 'การอบรมหลักสูตรการดูแลผู้ป่วย 123456'],
  ])('keeps it in %s', (subjectLine, subject) => {
    expect(subjectOf(subjectLine).subject).toBe(subject);
  });
});

describe('an owning unit whose start the scan damaged', () => {
  const foot = (unit: string) =>
    parseLetter(
      lines(
        ...head,
        body,
        '              ขอแสดงความนับถือ',
        '',
        '      (นายสมชาย ใจดี)',
        '  ผู้ว่าราชการจังหวัดลำปาง',
        '',
        unit,
        'โทร. ๐ ๕๔๒๖ ๕๐๕๐',
      ),
    );

  it.each([
    ['ภองควบคุมการก่อสร้าง', 'กองควบคุมการก่อสร้าง'],
    ['.กองส่งเสริมสวัสดิการ', 'กองส่งเสริมสวัสดิการ'],
    ['ก้องมาตรฐานการตรวจสอบภาษี', 'กองมาตรฐานการตรวจสอบภาษี'],
    ['ก๋องความร่วมมือชายแดน', 'กองความร่วมมือชายแดน'],
  ])('reads %s as %s, unsure', (read, printed) => {
    const parsed = foot(read);
    expect(parsed.ownerUnit).toBe(printed);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'ownerUnit' }),
    );
  });

  it.each(['กองควบคุมการก่อสร้าง', 'ส่วนการเจ้าหน้าที่'])('leaves %s read whole sure', (unit) => {
    const parsed = foot(unit);
    expect(parsed.ownerUnit).toBe(unit);
    expect(parsed.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'ownerUnit' }),
    );
  });
});

describe('a stamp’s วันที่ line under the letter’s date, its number garbled', () => {
  const letter = (dateLines: string[], memo = false): string =>
    lines(
      ...(memo ? ['บันทึกข้อความ', 'ส่วนราชการ  กองคลัง  โทร. ๑๒๓๔'] : []),
      'ที่ อก ๐๓๐๗/๕๒๑๖                                  กรมโรงงานอุตสาหกรรม',
      'เขตราชเทวี กรุงเทพฯ ๑๐๔๐๐',
      ...dateLines,
      'เรื่อง  ผลการตรวจสอบ',
      'เรียน  อุตสาหกรรมจังหวัดระยอง',
      body,
    );

  it('keeps the letter’s date with its month in full, not the stamp’s abbreviated one', () => {
    for (const stampLines of [
      ['เลขรั้ป ๒๖๐๙', 'วันที๑๕ ก.ย.๐๕๖๙', 'เวลา ๐๘.๓๕ น.'],
      ['0                            สำนักงานอุตสาหกรรมจังหวัดระยอง', 'วันที่ ๑ ก.ย. ๒๕๖๙'],
    ]) {
      const parsed = parseLetter(letter(['๒๗ สิงหาคม ๒๕๖๙', ...stampLines]));
      expect(parsed.letterDate).toEqual(
        expect.objectContaining({ raw: '๒๗ สิงหาคม ๒๕๖๙', date: '2026-08-27' }),
      );
    }
  });

  it('still takes a วันที่ date where no date in full stands above it, or one in full', () => {
    expect(parseLetter(letter(['วันที่ ๑ ก.ย. ๒๕๖๙'])).letterDate?.date).toBe('2026-09-01');
    expect(parseLetter(letter(['๒๗ สิงหาคม ๒๕๖๙', 'วันที่ ๑ กันยายน ๒๕๖๙'])).letterDate?.date).toBe(
      '2026-09-01',
    );
  });
});

describe('a receipt stamp whose year OCR misread far from the letter’s', () => {
  // The letter prints its year again in its text: its date is not the misread one.
  const stamped = (dateLine: string): string =>
    lines(
      'สำนักงานจังหวัดลำปาง',
      'เลขรับ ๕๑๘๒',
      dateLine,
      'เวลา ๐๘.๕๐ น.',
      '',
      ...head,
      `${body} ประจำปีงบประมาณ ๒๕๖๘`,
    );

  it('reads the one look-alike year that puts it just after the letter, unsure', () => {
    const parsed = parseLetter(stamped('วันที่ ๒ มิ.ย. ๒๕๐๘'));
    expect(parsed.receiptStamps[0]?.date).toBe('2025-06-02');
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'receiptStamps' }),
    );
  });

  it('keeps a year no look-alike digit brings near the letter, and a year read right', () => {
    expect(parseLetter(stamped('วันที่ ๒ มิ.ย. ๒๕๓๑')).receiptStamps[0]?.date).toBe('1988-06-02');
    const right = parseLetter(stamped('วันที่ ๒ มิ.ย. ๒๕๖๘'));
    expect(right.receiptStamps[0]?.date).toBe('2025-06-02');
    expect(right.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'receiptStamps' }),
    );
  });
});

describe('a stamp unit whose start the scan damaged, read through the parser', () => {
  it('is read as the unit, unsure', () => {
    const parsed = parseLetter(
      lines('ลงค์การบริหารส่วนจังหวัดร้อยเอ็ด 0', 'เลขรับ 1,024', 'วันที่ ๒๘ พ.ค. ๒๕๖๘', '', ...head, body),
    );
    expect(parsed.receiptStamps[0]?.unit).toBe('องค์การบริหารส่วนจังหวัดร้อยเอ็ด');
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'receiptStamps' }),
    );
  });
});

describe('a speck after the ทุก… that ends an addressee', () => {
  const salutationOf = (addressee: string) =>
    parseLetter(lines(head[0] ?? '', head[1] ?? '', head[2] ?? '', `เรียน  ${addressee}`, body));

  it.each([
    ['สรรพากรภาค ทุกภาค 7', 'สรรพากรภาค ทุกภาค'],
    ['ผู้อำนวยการโรงเรียนในสังกัด ทุกโรงเรียน.', 'ผู้อำนวยการโรงเรียนในสังกัด ทุกโรงเรียน'],
  ])('drops it from %s, unsure', (addressee, expected) => {
    const parsed = salutationOf(addressee);
    expect(parsed.salutation).toBe(expected);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'salutation' }),
    );
  });

  it.each([
    'นายอำเภอ ทุกอำเภอ',
    'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1',
    'หัวหน้าส่วนราชการ ทุกส่วน 12',
  ])('leaves %s as read', (addressee) => {
    const parsed = salutationOf(addressee);
    expect(parsed.salutation).toBe(addressee);
    expect(parsed.warnings).not.toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'salutation' }),
    );
  });
});

describe('a damaged mark repeated at the foot, with a speck glued to it', () => {
  const letter = (foot: string, headMark = 'ลับมาก'): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        headMark,
        'ที่ ดศ ๐๒๑๒/๔๑                        กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม',
        '            ๓ เมษายน ๒๕๖๘',
        'เรื่อง  รายงานเหตุการณ์',
        'เรียน  ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม',
        '        ด้วยเกิดเหตุการณ์โจมตีทางไซเบอร์',
        'ขอแสดงความนับถือ',
        '(นางสาวปาริชาติ เรืองฤทธิ์)',
        'ผู้อำนวยการกองความมั่นคงปลอดภัยไซเบอร์',
        foot,
      ),
    );

  it.each(['ลบมาก63', 'ลบมาก', 'ลับมาก'])('ends the position at %s', (foot) => {
    const parsed = letter(foot);
    expect(parsed.signatory?.position).toBe('ผู้อำนวยการกองความมั่นคงปลอดภัยไซเบอร์');
    expect(parsed.secrecy).toBe('ลับมาก');
  });

  it('reads the secrecy from it, unsure, where the head has none', () => {
    const parsed = letter('ลบมาก63', '');
    expect(parsed.secrecy).toBe('ลับมาก');
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'low_confidence', field: 'secrecy' }),
    );
  });

  it('takes no mark with a Thai digit glued to it: a digit is never a speck', () => {
    expect(letter('ลบมาก๖๓', '').secrecy).toBeNull();
  });
});

describe('a signatory whose ์ or ว่าที่’s tone mark OCR lost', () => {
  const signatoryOf = (name: string): ReturnType<typeof parseLetter> =>
    parseLetter(lines(...head, body, 'ขอแสดงความนับถือ', `(${name})`, 'ผู้ว่าราชการจังหวัดลำปาง'));
  const flagged = (parsed: ReturnType<typeof parseLetter>): boolean =>
    parsed.warnings.some((w) => w.code === 'low_confidence' && w.field === 'signatory');

  it.each([
    ['นางสาวปาริชาติ เรืองฤทธิ', 'นางสาวปาริชาติ เรืองฤทธิ์'],
    ['ว่าทีร้อยตรีอภิชาติ แสงทอง', 'ว่าที่ร้อยตรีอภิชาติ แสงทอง'],
  ])('reads %s as %s, unsure', (read, printed) => {
    const parsed = signatoryOf(read);
    expect(parsed.signatory?.name).toBe(printed);
    expect(flagged(parsed)).toBe(true);
  });

  it.each(['นายฤทธิเดช ใจดี', 'ว่าที่ร้อยตรีอภิชาติ แสงทอง', 'นายวาทีวุฒิ ใจดี'])(
    'keeps %s as read, sure',
    (name) => {
      const parsed = signatoryOf(name);
      expect(parsed.signatory?.name).toBe(name);
      expect(flagged(parsed)).toBe(false);
    },
  );
});

describe('a line of scattered specks in the header fields', () => {
  const letter = (...rest: string[]): ReturnType<typeof parseLetter> =>
    parseLetter(lines(...head, ...rest, body));

  it.each([
    '<4       สม ๕9                  oy                               i',
    '{ds                                                           ไว        ๐',
  ])('skips %s before a label not read yet', (dust) => {
    const parsed = letter(dust, 'สิ่งที่ส่งมาด้วย  แบบสำรวจแหล่งน้ำ          จำนวน ๑ ชุด');
    expect(parsed.salutation).toBe('นายอำเภอทุกอำเภอ');
    expect(parsed.enclosures).toEqual(['แบบสำรวจแหล่งน้ำ จำนวน ๑ ชุด']);
  });

  it('skips it between two items of a numbered list', () => {
    const parsed = letter(
      'สิ่งที่ส่งมาด้วย ๑. แบบสำรวจแหล่งน้ำ                    จำนวน ๑ ฉบับ',
      '£4      ๑ฉ๑7      sa                                                                 ๐',
      '๒. รายชื่อผู้ประสานงาน                  จำนวน ๑ ชุด',
    );
    expect(parsed.enclosures).toEqual(['แบบสำรวจแหล่งน้ำ จำนวน ๑ ฉบับ', 'รายชื่อผู้ประสานงาน จำนวน ๑ ชุด']);
  });

  it.each([
    // A word of print: three letters, or two with a mark read over them.
    'ทุก      อำเภอ      ๐',
    'ข้อ      ๑7      a',
    // Two cells: too few to tell from a wrapped line.
    'สม      ๕9',
  ])('ends the header at %s', (text) => {
    expect(letter(text, 'สิ่งที่ส่งมาด้วย  แบบสำรวจแหล่งน้ำ  จำนวน ๑ ชุด').enclosures).toEqual([]);
  });

  it('ends a list at it when no item number follows', () => {
    const parsed = letter(
      'สิ่งที่ส่งมาด้วย ๑. แบบสำรวจแหล่งน้ำ                    จำนวน ๑ ฉบับ',
      '£4      ๑ฉ๑7      sa                                                                 ๐',
      'รายชื่อผู้ประสานงาน                  จำนวน ๑ ชุด',
    );
    expect(parsed.enclosures).toEqual(['แบบสำรวจแหล่งน้ำ จำนวน ๑ ฉบับ']);
  });
});

describe('an enclosure list as OCR of a scan breaks it', () => {
  const enclosuresOf = (...items: string[]): ReturnType<typeof parseLetter> =>
    parseLetter(lines(...head, ...items, body));
  const flagged = (parsed: ReturnType<typeof parseLetter>): boolean =>
    parsed.warnings.some((w) => w.code === 'low_confidence' && w.field === 'enclosures');

  it.each(['จ้านวน', 'จานวน'])('reads %s before a quantity as จำนวน, unsure', (word) => {
    const parsed = enclosuresOf(
      'สิ่งที่ส่งมาด้วย แบบตรวจสอบความปลอดภัยอาคาร                 จำนวน ๑ ชุด',
      `คู่มือการตรวจสอบอาคาร                 ${word} ๑ เล่ม`,
    );
    expect(parsed.enclosures).toEqual([
      'แบบตรวจสอบความปลอดภัยอาคาร จำนวน ๑ ชุด',
      'คู่มือการตรวจสอบอาคาร จำนวน ๑ เล่ม',
    ]);
    expect(flagged(parsed)).toBe(true);
  });

  it('ends an item at its quantity with specks glued around it', () => {
    const parsed = enclosuresOf(
      'สิ่งที่ส่งมาด้วย แบบสำรวจข้อมูลแรงงาน              -จำนวน ๑ ชุด-',
      '6 - ตามหนังสือที่อ้างถึง จังหวัดขอให้สำรวจข้อมูล',
    );
    expect(parsed.enclosures).toEqual(['แบบสำรวจข้อมูลแรงงาน จำนวน ๑ ชุด']);
  });

  it('drops a straight quote glued before the quantity, keeps a pair of quotes', () => {
    expect(enclosuresOf("สิ่งที่ส่งมาด้วย ร่างกำหนดการเยือน' จำนวน ๑ ฉบับ").enclosures).toEqual([
      'ร่างกำหนดการเยือน จำนวน ๑ ฉบับ',
    ]);
    expect(enclosuresOf('สิ่งที่ส่งมาด้วย โปสเตอร์ "รักษ์น้ำ" จำนวน ๑ แผ่น').enclosures).toEqual([
      'โปสเตอร์ "รักษ์น้ำ" จำนวน ๑ แผ่น',
    ]);
  });

  it('keeps a dash after a number: it closes a range', () => {
    expect(enclosuresOf('สิ่งที่ส่งมาด้วย รายงานการประชุม ครั้งที่ ๑ - ๓ -จำนวน ๓ ฉบับ').enclosures).toEqual([
      'รายงานการประชุม ครั้งที่ ๑ - ๓ -จำนวน ๓ ฉบับ',
    ]);
  });

  it('starts the next item at the number the list expects, its dot lost', () => {
    const parsed = enclosuresOf(
      'สิ่งที่ส่งมาด้วย 1. แบบคำขอขึ้นทะเบียน                  จำนวน 1 ฉบับ',
      '2 คู่มือการจัดทำรายละเอียดสินค้า                 จำนวน 1 เล่ม',
    );
    expect(parsed.enclosures).toEqual([
      'แบบคำขอขึ้นทะเบียน จำนวน 1 ฉบับ',
      'คู่มือการจัดทำรายละเอียดสินค้า จำนวน 1 เล่ม',
    ]);
  });

  it('takes no other number without its dot for an item number: it stays in the text', () => {
    const parsed = enclosuresOf(
      'สิ่งที่ส่งมาด้วย 1. แบบคำขอขึ้นทะเบียน                  จำนวน 1 ฉบับ',
      '3 คู่มือการจัดทำรายละเอียดสินค้า                 จำนวน 1 เล่ม',
    );
    expect(parsed.enclosures).toEqual([
      'แบบคำขอขึ้นทะเบียน จำนวน 1 ฉบับ',
      '3 คู่มือการจัดทำรายละเอียดสินค้า จำนวน 1 เล่ม',
    ]);
  });

  it('starts the next citation at a damaged number before a resolution and its date', () => {
    const parsed = parseLetter(
      lines(
        ...head,
        'อ้างถึง ๑. หนังสือจังหวัดลำปาง ที่ ลป ๐๐๒๓.๔/ว ๑๐๑ ลงวันที่ ๘ กรกฎาคม ๒๕๖๘',
        'lo. มติคณะรัฐมนตรี เมื่อวันที่ ๒๖ สิงหาคม ๒๕๖๘',
        'สิ่งที่ส่งมาด้วย  แบบสำรวจข้อมูลผู้สูงอายุ                 จำนวน ๑ ชุด',
        body,
      ),
    );
    expect(parsed.references.map((r) => [r.agencyPrefix, r.date])).toEqual([
      ['ลป', '2025-07-08'],
      [null, '2025-08-26'],
    ]);
    expect(parsed.enclosures).toEqual(['แบบสำรวจข้อมูลผู้สูงอายุ จำนวน ๑ ชุด']);
  });
});

describe('the ที่ of an ordinal before its number, its tone mark lost', () => {
  const subjectOf = (subject: string): ReturnType<typeof parseLetter> =>
    parseLetter(lines(head[0] ?? '', head[1] ?? '', `เรื่อง  ${subject}`, head[3] ?? '', body));
  const flagged = (parsed: ReturnType<typeof parseLetter>): boolean =>
    parsed.warnings.some((w) => w.code === 'low_confidence' && w.field === 'subject');

  it.each([
    [
      'การรายงานข้อมูลนักเรียน ภาคเรียนที ๒ ปีการศึกษา ๒๕๖๘',
      'การรายงานข้อมูลนักเรียน ภาคเรียนที่ ๒ ปีการศึกษา ๒๕๖๘',
    ],
    ['การประชุมคณะกรรมการ ครั้งที 3/2568', 'การประชุมคณะกรรมการ ครั้งที่ 3/2568'],
  ])('reads %s as %s, unsure', (read, printed) => {
    const parsed = subjectOf(read);
    expect(parsed.subject).toBe(printed);
    expect(flagged(parsed)).toBe(true);
  });

  it.each([
    'การอบรมหลักสูตรออนไลน์ ๙๐ นาที ๒ รุ่น',
    'การแจ้งเหตุทันที 2 ช่องทาง',
    'การรายงานข้อมูลนักเรียน ภาคเรียนที่ ๒',
    'การจัดทำแผนที่ ๒ ฉบับ',
  ])('keeps %s as read, sure', (subject) => {
    const parsed = subjectOf(subject);
    expect(parsed.subject).toBe(subject);
    expect(flagged(parsed)).toBe(false);
  });
});

describe('a reference number whose space after its letter code OCR lost', () => {
  const letter = (ref: string, cited: string): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        `ที่ ${ref}                        ศาลากลางจังหวัดลำปาง`,
        '            ๒๗ พฤษภาคม ๒๕๖๘',
        'เรื่อง  ขอความร่วมมือสำรวจข้อมูลแหล่งน้ำ',
        'เรียน  นายอำเภอทุกอำเภอ',
        `อ้างถึง  หนังสือกระทรวงมหาดไทย ที่ ${cited} ลงวันที่ ๒ พฤษภาคม ๒๕๖๘`,
        body,
      ),
    );

  it('gets the space back in the raw text of the letter’s and the cited number', () => {
    const parsed = letter('ลป๐๐๒๓.๔/ว ๔๑๒', 'มท๐๓๐๗.๒/ว ๙๖๒');
    expect(parsed.referenceNumber).toMatchObject({
      raw: 'ลป ๐๐๒๓.๔/ว ๔๑๒',
      agencyNumber: '0023.4',
    });
    expect(parsed.references[0]).toMatchObject({ raw: 'มท ๐๓๐๗.๒/ว ๙๖๒', serial: 962 });
  });

  it('keeps a number printed with its spaces, and ว glued to its serial, as read', () => {
    const parsed = letter('ลป ๐๐๒๓.๔/ว๔๑๒', 'มท ๐๓๐๗.๒/ว๙๖๒');
    expect(parsed.referenceNumber?.raw).toBe('ลป ๐๐๒๓.๔/ว๔๑๒');
    expect(parsed.references[0]?.raw).toBe('มท ๐๓๐๗.๒/ว๙๖๒');
  });
});

describe('the foot’s owning unit as a scan leaves it', () => {
  const foot = (...rest: string[]): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(...head, body, 'ขอแสดงความนับถือ', '(นายสมศักดิ์ ทองประเสริฐ)', 'อธิบดีกรมทางหลวง', ...rest),
    );
  const flagged = (parsed: ReturnType<typeof parseLetter>): boolean =>
    parsed.warnings.some((w) => w.code === 'low_confidence' && w.field === 'ownerUnit');

  it('ends the position and the unit at โทร. with a speck glued before it', () => {
    const parsed = foot('สำนักบำรุงทาง', "'โทร.๐ ๒๓๕๔ ๖๖๖๖");
    expect(parsed.signatory?.position).toBe('อธิบดีกรมทางหลวง');
    expect(parsed.ownerUnit).toBe('สำนักบำรุงทาง');
  });

  it('leaves out a number far across a column gap from the name, unsure', () => {
    const parsed = foot('', 'กลุ่มงานการเจ้าหน้าที่           0300', 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
    expect(parsed.ownerUnit).toBe('กลุ่มงานการเจ้าหน้าที่');
    expect(flagged(parsed)).toBe(true);
  });

  it.each([
    ["สำนักงานจังหวัด กลุ่มงานอำนวยการ '                08จฐจ", 'สำนักงานจังหวัด กลุ่มงานอำนวยการ'],
    ['กองคลัง          12จต', 'กองคลัง'],
  ])('leaves out a far cell of digits glued to bare letters in %s, unsure', (line, unit) => {
    const parsed = foot('', line, 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
    expect(parsed.ownerUnit).toBe(unit);
    expect(flagged(parsed)).toBe(true);
  });

  it.each(['สำนักงานเขตพื้นที่การศึกษา          ม.3', 'กองคลัง          ชั้น6', 'กองคลัง ฝ่าย2ก'])(
    'keeps a far cell that is print, or one with no column gap: %s',
    (line) => {
      const parsed = foot('', line, 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
      expect(parsed.ownerUnit).toBe(line.replace(/\s+/g, ' '));
    },
  );

  it('drops a lone letter glued before a long unit word, unsure', () => {
    const parsed = foot('', 'จสำนักการสอบสวนและนิติการ', 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
    expect(parsed.ownerUnit).toBe('สำนักการสอบสวนและนิติการ');
    expect(flagged(parsed)).toBe(true);
  });

  it.each(['กลุ่มงาน ๒', 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต       1'])(
    'keeps the number of %s, sure',
    (unit) => {
      const parsed = foot('', unit, 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
      expect(parsed.ownerUnit).toBe(unit.replace(/\s+/g, ' '));
      expect(flagged(parsed)).toBe(false);
    },
  );

  it('drops a dot glued after a unit’s bracketed division, unsure; keeps an abbreviation’s', () => {
    const dotted = foot('', 'สำนักงานจังหวัดลำปาง (กลุ่มงานอำนวยการ).', 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
    expect(dotted.ownerUnit).toBe('สำนักงานจังหวัดลำปาง (กลุ่มงานอำนวยการ)');
    expect(flagged(dotted)).toBe(true);
    const abbreviated = foot('', 'ฝ่ายบริหารทั่วไป สนจ.', 'โทร. ๐ ๔๓๕๑ ๑๒๓๕');
    expect(abbreviated.ownerUnit).toBe('ฝ่ายบริหารทั่วไป สนจ.');
    expect(flagged(abbreviated)).toBe(false);
  });
});

describe('a cited letter’s date whose year OCR damaged', () => {
  const letter = (date: string, cited: string): ReturnType<typeof parseLetter> =>
    parseLetter(
      lines(
        'ที่ ตช ๐๐๓๑.๒๑/๔๔๔                        สำนักงานตำรวจแห่งชาติ',
        `            ${date}`,
        'เรื่อง  การรักษาความปลอดภัยบุคคลสำคัญ',
        'เรียน  ผู้ว่าราชการจังหวัดเชียงราย',
        `อ้างถึง  หนังสือจังหวัดเชียงราย ที่ ชร ๐๐๑๗.๔/๑๑๑ ลงวันที่ ${cited}`,
        body,
      ),
    );
  const flagged = (parsed: ReturnType<typeof parseLetter>): boolean =>
    parsed.warnings.some((w) => w.code === 'low_confidence' && w.field === 'references');

  it.each([
    ['๓๐ ตุลาคม ๒๕๖๙', '๒๒ ตุลาคม ๒๕๙', '2026-10-22'],
    ['๑๕ มกราคม ๒๕๖๙', '๒๐ ธันวาคม ๒๕๘', '2025-12-20'],
    ['๓๐ ตุลาคม ๒๕๖๙', '๒๒ ตุลาคม ๒๕๖๖๙', '2026-10-22'],
  ])('on a letter of %s, places %s before it, unsure', (date, cited, iso) => {
    const parsed = letter(date, cited);
    expect(parsed.references[0]?.date).toBe(iso);
    expect(flagged(parsed)).toBe(true);
  });

  it.each([
    // Two digits off: the day may be misread too.
    ['๓๐ ตุลาคม ๒๕๖๙', '๘ กรกฎาคม ๖๘๖๙'],
    // More than half a year before the letter: its year cannot be told.
    ['๓๐ ตุลาคม ๒๕๖๙', '๒ มีนาคม ๒๕๙'],
  ])('on a letter of %s, leaves %s undated', (date, cited) => {
    const parsed = letter(date, cited);
    expect(parsed.references[0]?.date).toBeNull();
    expect(flagged(parsed)).toBe(false);
  });

  it('keeps a cited date read whole, sure', () => {
    const parsed = letter('๓๐ ตุลาคม ๒๕๖๙', '๒๒ ตุลาคม ๒๕๖๙');
    expect(parsed.references[0]?.date).toBe('2026-10-22');
    expect(flagged(parsed)).toBe(false);
  });
});
