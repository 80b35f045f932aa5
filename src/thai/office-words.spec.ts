import { describe, expect, it } from 'vitest';
import {
  dropDust,
  positionPostsRepaired,
  postStartRepaired,
  repairOfficeWords,
} from 'src/thai/office-words.js';

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
    // Units most ministries have, specks read as marks and a mark lost.
    ['กรมการแพทย์ สำนักนโยบายและยุทธศาสตร์', 'กรมการแพทย์ สำนักนโยบ่ายและยุทธ์ศาสตร์'],
    ['สำนักงานเลขานุการกรม', 'สำนักงานเลขานการกรม'],
    ['กลุ่มตรวจสอบภายใน', 'กลุมตรวจสอบภายใน'],
    // Words of the budget regulations a subject names.
    ['ขอทราบแนวทางการเบิกจ่ายค่าตอบแทน', 'ขอทราบแนวทางการเบกจ่ายค่าตอบแทน'],
    ['หลักเกณฑ์การจัดสรรงบประมาณ', 'หลกเกณฑ์การจัดสรรงบประมาณ'],
    ['แผนการใช้จ่ายปีงบประมาณ', 'แผนการใช้จ่ายปงบประมาณ'],
    // สิ้นปีงบประมาณ: the tone mark lost, or both marks, or a mark read as its look-alike.
    ['ก่อนสิ้นปีงบประมาณ พ.ศ. ๒๕๖๙', 'ก่อนสินปีงบประมาณ พ.ศ. ๒๕๖๙'],
    ['ณ วันสิ้นปีงบประมาณ', 'ณ วันสนปีงบประมาณ'],
    ['รายงานเงินคงเหลือสิ้นปีงบประมาณ 2568', 'รายงานเงินคงเหลือสี้นปีงบประมาณ 2568'],
    // ็ read as ิ, its look-alike.
    ['ที่ว่าการอำเภอเมืองร้อยเอ็ด', 'ที่ว่าการอำเภอเมืองร้อยเอิด'],
    // A speck read as a tone mark beside the letter's own marks, all read.
    ['สำนักงานสาธารณสุขจังหวัดสงขลา', 'สำนักงานสาธารณสุ่ขจังหวัดสงขลา'],
    ['องค์การบริหารส่วนตำบลนาดี', 'องค์การบริหารสุ่วนตำบลนาดี'],
    // One consonant inserted inside a long word, the letter split with its mark, or doubled.
    ['สำนักนโยบายและยุทธศาสตร์', 'สำนลักนโยบายและยุทธศาสตร์'],
    ['กองนโยบายและแผน', 'กองนโยบบายและแผน'],
    ['กองยุทธศาสตร์และแผนงาน', 'กองยุทธศาสตร์และแผนวงาน'],
    // ำ read as า, its circle lost or read as an upper vowel.
    ['สำนักงานเกษตรจังหวัดยโสธร', 'สานักงานเกษตรจังหวัดยโสธร'],
    ['ที่ทำการปกครองอำเภอเมือง', 'ที่ทิาการปกครองอำเภอเมือง'],
    // A unit's kind glued before a long listed name, one consonant inserted in it.
    ['ศูนย์ป้องกันและบรรเทาสาธารณภัยเขต ๑๐', 'ศูนรย์ป้องกันและบรรเทาสาธารณภัยเขต ๑๐'],
    ['กรมปศุสัตว์ กองการปกครองท้องถิ่น', 'กรมปศุสัตว์ กอลงการปกครองท้องถิ่น'],
    // A word sharing its last letters with a longer name placed first (กระทรวง of a
    // ministry's name after ปลัดกระทรวง).
    [
      'สำเนาหนังสือสำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม',
      'สำเนาหนังสือสำนักงานปลั้ดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม',
    ],
    ['รองปลัดกระทรวงการคลัง', 'รองปลดกระทรวงการคลัง'],
    ['สำนักงานปลัดกระทรวงสาธารณสุข ', 'สำนักงานปลดกระทรวงสาธารณสุข '],
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
    // A letter inserted in a short word, at a long word's edge, or in a name not listed.
    'กองคลังกลาง',
    'สำนักงานเลขานุการกรมม',
    'สำนลักนโยบายการคลัง',
    // า for ำ in a short word may be another word and stays; with a second letter misread
    // in a long one it is no longer the word.
    'สานักปลัด',
    'สานักงานใหม่',
    'สานักงานจังหวัคตราด',
    // กลอง before a short word or apart from the name: free text (a drum).
    'การแสดงกลองท้องถิ่น',
    'กลอง ป้องกันและบรรเทาสาธารณภัย',
    // Names and words the list does not hold stay as read.
    'นายสมศักดิ ใจดี',
    'กองคลัง',
    // A short word with a letter changed is another word (อำเภอ, อำเกอ stay apart alone).
    'อำเกอ',
    // Another first letter before a listed word's tail is another word as printed: ราย
    // (per) before อำเภอ is not นายอำเภอ, ห้อง before เลขาธิการ not รองเลขาธิการ.
    'ข้อมูลผลผลิตรายอำเภอ',
    'หน้าห้องเลขาธิการ สมช.',
    'ห้องผู้อำนวยการกอง',
    'สายอำเภอเมือง',
    // A word before ending in the listed word's first letter, as printed: nothing inserted.
    'ถนนนครราชสีมา เขตดุสิต',
    'ตำบลลำปางหลวง',
    // Two letters changed in a long word: not the word.
    'สำนักงานสาธารณสุกอำเกอ',
    // A word that ends as a listed one begins (ทรัพย์สิน before ปีงบประมาณ) is left as printed.
    'บัญชีทรัพย์สินปีงบประมาณ',
    'รายงานหนี้สินปีงบประมาณ ๒๕๖๘',
    // Also when the reading lost a mark of the word before (ทรัพยสิน).
    'ทะเบียนทรัพยสินปีงบประมาณ',
    // Printed in full.
    'ก่อนสิ้นปีงบประมาณ',
    'เบิกจ่ายตรง',
    // Two listed words sharing letters, both printed in full.
    'สำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม',
    'รองปลัดกระทรวงการคลัง',
  ])('leaves %s alone', (text) => {
    expect(repairOfficeWords(text)).toEqual({ text, repaired: false });
  });

  it('does not repair a word whose marks are damaged beyond its length', () => {
    // ส่งเสริม has six letters: one damaged mark is a repair, three are another text.
    expect(repairOfficeWords('กรมสงเสริมการเกษตร').text).toBe('กรมส่งเสริมการเกษตร');
    expect(repairOfficeWords('สงเสรมสข').repaired).toBe(false);
  });

  it('shares letters between two words only where both print them as read', () => {
    // กระทรวง read with a speck: the ministry's name is repaired, ปลด beside it is not taken
    // for ปลัดกระทรวง through letters the two words read differently.
    expect(repairOfficeWords('ปลดกร่ะทรวงการคลัง').text).toBe('ปลดกระทรวงการคลัง');
    // Nor are the letters of a word read with a consonant misread (ศึกษาถิการ).
    expect(repairOfficeWords('ปลดกระทรวงศึกษาถิการ').text).toBe('ปลดกระทรวงศึกษาธิการ');
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
    // A comma at a word's edge: Thai unit names have none.
    [
      'สำนักงานสาธารณสุขจังหวัดอุดรธานี กลุ่มงานควบคุมโรคติดต่อ,',
      'สำนักงานสาธารณสุขจังหวัดอุดรธานี กลุ่มงานควบคุมโรคติดต่อ',
    ],
    [',กองคลัง ฝ่ายการเงิน', 'กองคลัง ฝ่ายการเงิน'],
    // A dash glued to a word's edge is a speck; one inside a word is printed.
    ['นายกองค์การบริหารส่วนจังหวัดร้อยเอ็ด-', 'นายกองค์การบริหารส่วนจังหวัดร้อยเอ็ด'],
    ['-สำนักงานจังหวัดยโสธร กลุ่มงานอำนวยการ –', 'สำนักงานจังหวัดยโสธร กลุ่มงานอำนวยการ'],
    ['ศูนย์ e-Service กรมการขนส่งทางบก', 'ศูนย์ e-Service กรมการขนส่งทางบก'],
    // A division numbered after its name keeps its number…
    ['กรมเอเชียตะวันออก กองเอเชียตะวันออก ๓', 'กรมเอเชียตะวันออก กองเอเชียตะวันออก ๓'],
    ['กองยุโรป 2 กรมยุโรป', 'กองยุโรป 2 กรมยุโรป'],
    ['สำนักงานพัฒนาชุมชนจังหวัดน่าน กลุ่มงาน ๑๒', 'สำนักงานพัฒนาชุมชนจังหวัดน่าน กลุ่มงาน ๑๒'],
    ['ฝ่ายปกครอง 1 ที่ทำการปกครองอำเภอ', 'ฝ่ายปกครอง 1 ที่ทำการปกครองอำเภอ'],
    // …but not a number no division takes, nor one after a speck or a place.
    ['กองคลัง 0 7', 'กองคลัง'],
    ['กลุ่มงานกฎหมายระเบียบและเรื่องร้องทุกข์ 7 0', 'กลุ่มงานกฎหมายระเบียบและเรื่องร้องทุกข์'],
    ['ฝ่ายปกครอง 1 |', 'ฝ่ายปกครอง'],
    ['กองคลัง ๐๗', 'กองคลัง'],
    ['กองคลัง 45', 'กองคลัง'],
    ['กองคลัง ฝ่ายการเงิน - 3', 'กองคลัง ฝ่ายการเงิน'],
    ['สำนักงานจังหวัดน่าน 4', 'สำนักงานจังหวัดน่าน'],
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

describe('postStartRepaired', () => {
  it.each([
    ['ถธิบดีกรมโยธาธิการและผังเมือง', 'อธิบดีกรมโยธาธิการและผังเมือง'],
    ['ลธิบดีกรมปศุสัตว์', 'อธิบดีกรมปศุสัตว์'],
    ['เอธิบดีกรมการแพทย์', 'อธิบดีกรมการแพทย์'],
    ['ว๊องผู้บังคับการตำรวจภูธรจังหวัดน่าน', 'รองผู้บังคับการตำรวจภูธรจังหวัดน่าน'],
    ['ว๊องปลัดกระทรวงมหาดไทย', 'รองปลัดกระทรวงมหาดไทย'],
    ['ฝู้อำนวยการกองคลัง', 'ผู้อำนวยการกองคลัง'],
    ['ทัวหน้ากลุ่มงานควบคุมโรคติดต่อ', 'หัวหน้ากลุ่มงานควบคุมโรคติดต่อ'],
    // The first letter doubled.
    ['ออธิบดีกรมสรรพากร', 'อธิบดีกรมสรรพากร'],
    ['ผผู้ว่าราชการจังหวัดลำปาง', 'ผู้ว่าราชการจังหวัดลำปาง'],
  ])('%s → %s', (read, printed) => {
    expect(postStartRepaired(read)).toBe(printed);
  });

  it.each([
    'อธิบดีกรมบัญชีกลาง',
    'รองผู้ว่าราชการจังหวัดลำปาง',
    'นายกเทศมนตรีตำบลเมืองสรวง',
    // A post of three letters after its first (ปลัด, นายก) is too short to be sure of.
    'ปลัดจังหวัดสงขลา',
    'ขลัดจังหวัดสงขลา',
    'ประธานกรรมการ',
    'พันตำรวจเอก',
  ])('leaves %s alone', (position) => {
    expect(postStartRepaired(position)).toBeNull();
  });
});

describe('positionPostsRepaired', () => {
  it.each([
    ['รองอธิบดี ปฏิบัติราชการแทน ออธิบดีกรมสรรพากร', 'รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมสรรพากร'],
    [
      'รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ฝู้ว่าราชการจังหวัดลำปาง',
      'รองผู้ว่าราชการจังหวัด ปฏิบัติราชการแทน ผู้ว่าราชการจังหวัดลำปาง',
    ],
    [
      'ว๊องปลัดกระทรวง รักษาราชการแทน ลธิบดีกรมการปกครอง',
      'รองปลัดกระทรวง รักษาราชการแทน อธิบดีกรมการปกครอง',
    ],
    ['ลธิบดีกรมปศุสัตว์', 'อธิบดีกรมปศุสัตว์'],
  ])('%s → %s', (read, printed) => {
    expect(positionPostsRepaired(read)).toBe(printed);
  });

  it.each([
    'รองอธิบดี ปฏิบัติราชการแทน อธิบดีกรมสรรพากร',
    'รองปลัดกระทรวงมหาดไทย ปฏิบัติราชการแทน ปลัดกระทรวงมหาดไทย',
    'รองอธิบดี ปฏิบัติราชการแทน ขลัดกระทรวง',
    'ผู้อำนวยการกองคลัง',
    'อำนวยการกองคลัง',
  ])('leaves %s as read', (position) => {
    expect(positionPostsRepaired(position)).toBeNull();
  });
});

describe('a province after จังหวัด read with a consonant or a mark misread', () => {
  it.each([
    ['ผู้ว่าราชการจังหวัดร้อยเล็ด', 'ผู้ว่าราชการจังหวัดร้อยเอ็ด'],
    ['สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำบ่าง', 'สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดลำปาง'],
    ['สำนักงานจังหวัดนครสวรรศ์ เลขรับ', 'สำนักงานจังหวัดนครสวรรค์ เลขรับ'],
    // A short name with its consonants as printed gets back a mark it lost.
    ['สำนักงานการท่องเที่ยวและกีฬาจังหวัดกระบี', 'สำนักงานการท่องเที่ยวและกีฬาจังหวัดกระบี่'],
    ['สำนักงานจังหวัดนาน', 'สำนักงานจังหวัดน่าน'],
  ])('%s → %s', (read, printed) => {
    expect(repairOfficeWords(read)).toEqual({ text: printed, repaired: true });
  });

  it.each([
    'ผู้ว่าราชการจังหวัดร้อยเอ็ด',
    // Short words after จังหวัด are too many: ตาม is one consonant off ตาก.
    'การประเมินผลจังหวัดตาม ตัวชี้วัด',
    // …nor does a short name with a mark another province's would have, read whole.
    'สำนักงานจังหวัดเลย',
    'สำนักงานจังหวัดตาก',
    // A word run on past the name, and two consonants off.
    'สำนักงานจังหวัดลำปางกลุ่มงานอำนวยการ',
    'สำนักงานจังหวัดลบบาง',
    'ทุกจังหวัดดำเนินการ',
  ])('leaves %s as read', (text) => {
    expect(repairOfficeWords(text)).toEqual({ text, repaired: false });
  });
});
