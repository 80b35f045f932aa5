import { describe, expect, it } from 'vitest';
import { dropDust, repairOfficeWords } from 'src/thai/office-words.js';

describe('repairOfficeWords', () => {
  it.each([
    // A tone mark lost.
    ['ท้องถิ่นจังหวัดลำพูน', 'ท้องถินจังหวัดลำพูน'],
    ['นายกองค์การบริหารส่วนตำบลหนองแวง', 'นายกองค์การบริหารสวนตำบลหนองแวง'],
    // An upper vowel lost, and one read as its look-alike.
    ['ศึกษาธิการจังหวัดกาฬสินธุ์', 'ศึกษาธการจังหวัดกาฬสินธุ์'],
    ['สำนักงานสาธารณสุขจังหวัดพิษณุโลก', 'สำนักงานสาธารณสขจังหวัดพิษณุโลก'],
    ['ที่ทำการปกครองอำเภอโพนพิสัย', 'ทีทำการปกครองอำเภอโพนพิสัย'],
    ['ปลัดกระทรวงการต่างประเทศ', 'ปลัดกระทรวงการตางประเทศ'],
    // Several marks lost in a long name.
    ['สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดตราด', 'สำนักงานปองกันและบรรเทาสาธารณภยจังหวัดตราด'],
    ['ผู้ว่าราชการจังหวัดอุตรดิตถ์', 'ผูวาราชการจังหวัดอุตรดิตถ์'],
    // A speck read as a mark over a letter that has none.
    ['กระทรวงอุตสาหกรรม', 'กระทรวงอุตส่าหกรรม'],
    // A part of a joined name used alone (…และความมั่นคงของมนุษย์).
    ['กลุ่มงานความมั่นคง', 'กลุ่มงานความมันคง'],
    // One consonant misread in a long word.
    ['ผู้อำนวยการสำนักงานศึกษาธิการจังหวัดสตูล', 'ผู้อำนวยการสำนักงานศึกษาถิการจังหวัดสตูล'],
    ['สำนักงานสาธารณสุขอำเภอบางบาล', 'สำนักงานสาธารณสุขอำเกอบางบาล'],
  ])('puts back %s from %s', (printed, read) => {
    expect(repairOfficeWords(read)).toEqual({ text: printed, repaired: true });
  });

  it.each([
    // Printed in full: nothing to do.
    'องค์การบริหารส่วนจังหวัดเชียงราย',
    'รองผู้ว่าราชการจังหวัดสระแก้ว ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดสระแก้ว',
    // Short words are other words without their marks (สวน, ปลด).
    'สวนสาธารณะ',
    'ปลดหนี้',
    'สำนักงานที่ดินจังหวัดชุมพร',
    // A mark of another kind where the word has one (ุ where ท้องถิ่น has ิ): another text.
    'ท้องถุ่นเดิม',
    // Names and words the list does not hold stay as read.
    'นายสมศักดิ ใจดี',
    'กองคลัง',
    // A short word with a letter changed is another word (อำเภอ, อำเกอ stay apart alone).
    'อำเกอ',
    // Two letters changed in a long word: not the word.
    'สำนักงานสาธารณสุกอำเกอ',
  ])('leaves %s alone', (text) => {
    expect(repairOfficeWords(text)).toEqual({ text, repaired: false });
  });

  it('does not repair a word whose marks are damaged beyond its length', () => {
    // ส่งเสริม has six letters: one damaged mark is a repair, three are another text.
    expect(repairOfficeWords('กรมสงเสริมการเกษตร').text).toBe('กรมส่งเสริมการเกษตร');
    expect(repairOfficeWords('สงเสรมสข').repaired).toBe(false);
  });
});

describe('dropDust', () => {
  it.each([
    ['กองคลัง 0 7', 'กองคลัง'],
    ['สำนักงานเกษตรอำเภอบ้านไผ่ .', 'สำนักงานเกษตรอำเภอบ้านไผ่'],
    ["'กลุ่มงานบริหารทั่วไป]", 'กลุ่มงานบริหารทั่วไป'],
    ['นายอำเภอเมืองเลย ฝ1 - ปฏิบัติราชการแทน', 'นายอำเภอเมืองเลย ปฏิบัติราชการแทน'],
    [
      'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต ๒',
      'ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำปาง เขต ๒',
    ],
    ['ศูนย์อนามัยที่ 9 | 4', 'ศูนย์อนามัยที่ 9'],
    ['สำนักงาน ป.ป.ช. ประจำจังหวัดตาก', 'สำนักงาน ป.ป.ช. ประจำจังหวัดตาก'],
    ['ศูนย์ ICT จังหวัดยะลา', 'ศูนย์ ICT จังหวัดยะลา'],
  ])('in names: %s → %s', (read, printed) => {
    expect(dropDust(read, 'all')).toBe(printed);
  });

  it.each([
    ['การสำรวจข้อมูลประชากร ประจำปี ๒๕๗๐ 0', 'การสำรวจข้อมูลประชากร ประจำปี ๒๕๗๐'],
    ['ขออนุมัติเดินทางไปราชการ ฆ/ ๐', 'ขออนุมัติเดินทางไปราชการ'],
    ['การประชุมครั้งที่ 3', 'การประชุมครั้งที่ 3'],
    ['รายงานผลการดำเนินงานไตรมาส 2/2570', 'รายงานผลการดำเนินงานไตรมาส 2/2570'],
    ['การใช้งานระบบ "e-office" ของหน่วยงาน', 'การใช้งานระบบ "e-office" ของหน่วยงาน'],
    ['การประชุมผ่านระบบ e-Meeting', 'การประชุมผ่านระบบ e-Meeting'],
    ['มาตรการป้องกันโรค COVID-19', 'มาตรการป้องกันโรค COVID-19'],
    ['การจัดซื้อ iPad', 'การจัดซื้อ iPad'],
    ['การปฏิบัติตามระเบียบ ข้อ 5', 'การปฏิบัติตามระเบียบ ข้อ 5'],
    ['การใช้อำนาจตามมาตรา ๗', 'การใช้อำนาจตามมาตรา ๗'],
    ['การพัฒนาหลักสูตร ระยะ 2', 'การพัฒนาหลักสูตร ระยะ 2'],
    ['การทดสอบความรู้นักเรียนชั้น ป.๖', 'การทดสอบความรู้นักเรียนชั้น ป.๖'],
    ['การรับสมัครนักเรียน ม.4 .', 'การรับสมัครนักเรียน ม.4'],
    ['ขอเชิญประชุมคณะทำงาน ul', 'ขอเชิญประชุมคณะทำงาน'],
  ])('at the end of free text: %s → %s', (read, printed) => {
    expect(dropDust(read, 'end')).toBe(printed);
  });

  it('gives null when only dust is left', () => {
    expect(dropDust('. 0 ]', 'all')).toBeNull();
  });
});
