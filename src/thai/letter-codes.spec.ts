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

  it.each([
    // A department writes under its ministry's code; the head names the department alone.
    ['สง', 'กรมการแพทย์ ถนนติวานนท์ นนทบุรี', 'สธ'],
    ['มฑ', 'กรมส่งเสริมการปกครองท้องถิ่น ถนนนครราชสีมา', 'มท'],
    ['กศ', 'กรมชลประทาน ถนนสามเสน', 'กษ'],
    ['ศอ', 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน ถนนราชดำเนินนอก', 'ศธ'],
    ['ยอ', 'กรมคุมประพฤติ ศูนย์ราชการ', 'ยธ'],
    ['คด', 'กรมทางหลวง ถนนศรีอยุธยา', 'คค'],
    // An agency outside the ministries with a code of its own.
    ['ตซ', 'สำนักงานตำรวจแห่งชาติ ถนนพระรามที่ ๑', 'ตช'],
    // A department of another ministry than the codes a letter off: nothing.
    ['สง', 'กรมชลประทาน ถนนสามเสน', null],
    ['กศ', 'กรมการแพทย์ ถนนติวานนท์', null],
    // A known code is not changed for a department whose code is no look-alike off it.
    ['มท', 'กรมการแพทย์', null],
    // A known code a look-alike letter off the code of the one owner the head names, its own
    // owner not named: ยล (Yala) for ยธ in กรมคุมประพฤติ's head, ตซ… as above.
    ['ยล', 'กรมคุมประพฤติ ศูนย์ราชการเฉลิมพระเกียรติ ถนนแจ้งวัฒนะ', 'ยธ'],
    // Its own owner named too: the code stands.
    ['ยล', 'สำนักงานคุมประพฤติจังหวัดยะลา กรมคุมประพฤติ', null],
    ['ยล', 'ศาลากลางจังหวัดยะลา', null],
  ])('%s in a head naming %s → %s (departments)', (code, head, want) => {
    expect(letterCodeRepaired(code, head)).toBe(want);
  });

  it('changes nothing when the head names no owner a letter off', () => {
    expect(letterCodeRepaired('ขข', 'กรมการปกครอง ถนนอัษฎางค์')).toBeNull();
    // ตาก is named, but ตก is two letters off ขข.
    expect(letterCodeRepaired('ขข', 'ศาลากลางจังหวัดตาก')).toBeNull();
    // A province named without จังหวัด (a road, a person's name) does not count.
    expect(letterCodeRepaired('ลห', 'ถนนลำพูน')).toBeNull();
  });

  it.each([
    // No owner a letter off is named: the one known code a look-alike letter off.
    ['ศล', 'โรงเรียนบ้านหนองบัว ตำบลหนองบัว อำเภอเมือง', 'ศธ'],
    ['สฮ', 'ถนนติวานนท์', 'สธ'],
    ['สถ', '', 'สธ'],
    ['ตซ', '', 'ตช'],
    ['รถ', 'ถนนเทวาภิบาล', 'รอ'],
    // ร is a look-alike of ธ and ศ of ส: ศธ and สร (สุรินทร์) are both a look-alike off.
    ['ศร', '', null],
    // จ has no look-alike: ชจ is no known code's misreading.
    ['ชจ', '', null],
    // Known codes are not changed where the head names no owner, nor a code whose head
    // names another owner.
    ['ยล', '', null],
    ['สป', '', null],
    ['สง', 'กรมชลประทาน ถนนสามเสน', null],
    ['ศล', 'กรมการแพทย์ ถนนติวานนท์', null],
    // A province in the head is the sender's address, not its code's owner.
    ['ศล', 'โรงเรียนบ้านหนองบัว อำเภอชุมแพ จังหวัดขอนแก่น ๔๐๑๓๐', 'ศธ'],
  ])('%s in a head naming %s → %s (look-alike letters)', (code, head, want) => {
    expect(letterCodeRepaired(code, head)).toBe(want);
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

  it('reads the code the head names, writes it in the text, and is unsure', () => {
    const text = memo('ที่ ชซ ๐๐๒๓.๔/๗๘', 'สำนักงานจังหวัดชัยภูมิ กลุ่มงานอำนวยการ');
    expect(parseLetter(text).referenceNumber).toEqual({
      raw: 'ชย ๐๐๒๓.๔/๗๘',
      agencyPrefix: 'ชย',
      agencyNumber: '0023.4',
      circular: false,
      serial: 78,
    });
    expect(unsure(text)).toBe(true);
  });

  it('leaves a known code alone, and sure', () => {
    const text = memo('ที่ ชน ๐๐๒๓.๔/๗๘', 'สำนักงานจังหวัดชัยภูมิ กลุ่มงานอำนวยการ');
    expect(parseLetter(text).referenceNumber).toMatchObject({
      raw: 'ชน ๐๐๒๓.๔/๗๘',
      agencyPrefix: 'ชน',
    });
    expect(unsure(text)).toBe(false);
  });

  it('writes the code in the text where OCR glued it to the number, the rest as read', () => {
    const text = memo('ที่ ชซ๐๐๒๓.๔/ว  ๗๘', 'สำนักงานจังหวัดชัยภูมิ กลุ่มงานอำนวยการ');
    expect(parseLetter(text).referenceNumber).toMatchObject({
      raw: 'ชย ๐๐๒๓.๔/ว ๗๘',
      agencyPrefix: 'ชย',
    });
    expect(unsure(text)).toBe(true);
  });

  it('reads a code a look-alike letter off one known code, where the head names no owner', () => {
    const text = memo('ที่ ศล ๐๔๑๗/ว ๑๒', 'โรงเรียนบ้านหนองบัว ตำบลหนองบัว');
    expect(parseLetter(text).referenceNumber).toMatchObject({
      raw: 'ศธ ๐๔๑๗/ว ๑๒',
      agencyPrefix: 'ศธ',
      serial: 12,
    });
    expect(unsure(text)).toBe(true);
  });

  it('reads a known code as the look-alike the head names the owner of, and is unsure', () => {
    const text = memo('ที่ ยล ๐๗๐๒/ว ๖๕', 'กรมคุมประพฤติ กองแผนงานและประเมินผล');
    expect(parseLetter(text).referenceNumber).toMatchObject({
      raw: 'ยธ ๐๗๐๒/ว ๖๕',
      agencyPrefix: 'ยธ',
    });
    expect(unsure(text)).toBe(true);
    // A head that names no owner a look-alike off keeps the code, and sure.
    const other = memo('ที่ ยล ๐๗๐๒/ว ๖๕', 'กรมการปกครอง กองการเจ้าหน้าที่');
    expect(parseLetter(other).referenceNumber?.agencyPrefix).toBe('ยล');
    expect(unsure(other)).toBe(false);
  });

  it('never takes the owner from the addressee or a receipt stamp', () => {
    // ชจ is a letter off ชย (ชัยภูมิ, named only as the addressee), but no look-alike of it.
    const external = lines(
      'ที่ ชจ ๐๐๒๓.๔/ว ๑๒                          ศาลากลาง',
      '                          ถนนบรรณาการ',
      '            ๓ เมษายน ๒๕๖๘',
      'เรื่อง  ขอเชิญประชุม',
      'เรียน  ผู้ว่าราชการจังหวัดชัยภูมิ',
    );
    expect(parseLetter(external).referenceNumber).toMatchObject({
      raw: 'ชจ ๐๐๒๓.๔/ว ๑๒',
      agencyPrefix: 'ชจ',
    });
  });
});

describe('a cited letter with its code misread', () => {
  const letter = (cited: string): string =>
    [
      'ที่ มท ๐๒๑๑/ว ๔๔                             กระทรวงมหาดไทย',
      '                                  ถนนอัษฎางค์ กทม. ๑๐๒๐๐',
      '              ๑๐ มีนาคม ๒๕๖๙',
      'เรื่อง  การเฝ้าระวังโรค',
      'เรียน  ผู้ว่าราชการจังหวัด ทุกจังหวัด',
      `อ้างถึง  ${cited}`,
      '          ตามหนังสือที่อ้างถึง นั้น',
    ].join('\n');
  const unsure = (text: string): boolean =>
    parseLetter(text).warnings.some((w) => w.code === 'low_confidence' && w.field === 'references');

  it('reads the code the citation names the sender of, writes it in the text, and is unsure', () => {
    const text = letter('หนังสือกรมควบคุมโรค ที่ สถ ๐๔๑๐.๔/ว ๑๒๐ ลงวันที่ ๕ มีนาคม ๒๕๖๙');
    const [cited] = parseLetter(text).references;
    expect(cited).toMatchObject({ raw: 'สธ ๐๔๑๐.๔/ว ๑๒๐', agencyPrefix: 'สธ', serial: 120 });
    expect(unsure(text)).toBe(true);
  });

  it('takes each cited letter’s sender from its own citation', () => {
    const text = letter(
      'หนังสือกรมการแพทย์ ที่ สธ ๐๒๐๑/๑๑ ลงวันที่ ๑ มีนาคม ๒๕๖๙ และหนังสือสำนักงานตำรวจแห่งชาติ ที่ ตซ ๐๐๓๑/๔๐๐ ลงวันที่ ๒ มีนาคม ๒๕๖๙',
    );
    expect(parseLetter(text).references.map((r) => r.agencyPrefix)).toEqual(['สธ', 'ตช']);
  });

  it('reads a code a look-alike letter off one known code where the citation names no sender', () => {
    const unnamed = letter('หนังสือที่ สถ ๐๔๑๐.๔/ว ๑๒๐ ลงวันที่ ๕ มีนาคม ๒๕๖๙');
    expect(parseLetter(unnamed).references[0]).toMatchObject({
      raw: 'สธ ๐๔๑๐.๔/ว ๑๒๐',
      agencyPrefix: 'สธ',
    });
    expect(unsure(unnamed)).toBe(true);
  });

  it('leaves a code alone when no owner is a letter off it, two are, or it is known', () => {
    // The sender is named only in the letter's head, not in the citation; จ has no look-alike.
    const unnamed = letter('หนังสือที่ สจ ๐๔๑๐.๔/ว ๑๒๐ ลงวันที่ ๕ มีนาคม ๒๕๖๙');
    expect(parseLetter(unnamed).references[0]).toMatchObject({
      raw: 'สจ ๐๔๑๐.๔/ว ๑๒๐',
      agencyPrefix: 'สจ',
    });
    expect(unsure(unnamed)).toBe(false);
    // ศธ and สร are both a look-alike letter off ศร.
    const two = letter('หนังสือที่ ศร ๐๔๑๐.๔/ว ๑๒๐ ลงวันที่ ๕ มีนาคม ๒๕๖๙');
    expect(parseLetter(two).references[0]).toMatchObject({
      raw: 'ศร ๐๔๑๐.๔/ว ๑๒๐',
      agencyPrefix: 'ศร',
    });
    const known = letter('หนังสือกรมควบคุมโรค ที่ มท ๐๔๑๐.๔/ว ๑๒๐ ลงวันที่ ๕ มีนาคม ๒๕๖๙');
    expect(parseLetter(known).references[0]?.agencyPrefix).toBe('มท');
    expect(unsure(known)).toBe(false);
  });
});
