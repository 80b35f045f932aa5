/**
 * Letter codes (รหัสตัวพยัญชนะ) the system knows, with whom they stand for: the ministries'
 * (and the Prime Minister's Office's) codes from the correspondence regulation's annex, and the
 * provinces' (the same table as `src/modules/organisations/data/province-letter-codes.tsv`,
 * which seeds the unit tree; `test/unit/letter-codes.spec.ts` keeps the two equal). Agencies
 * outside these (departments' own codes, independent bodies) exist: a code missing here is
 * not wrong, only unknown.
 */
import { normalizeThaiText } from 'src/thai/normalize.js';

interface KnownCode {
  code: string;
  /** A province's code: its name in a head is mostly the sender's address. */
  province: boolean;
  /** How a letter's head names the owner: the ministry's full name, or จังหวัด + province. */
  names: readonly string[];
}

/** The Prime Minister's Office and the ministries of today, with their codes. */
export const MINISTRY_CODES: readonly (readonly [string, string])[] = [
  ['นร', 'สำนักนายกรัฐมนตรี'],
  ['กห', 'กระทรวงกลาโหม'],
  ['กค', 'กระทรวงการคลัง'],
  ['กต', 'กระทรวงการต่างประเทศ'],
  ['กก', 'กระทรวงการท่องเที่ยวและกีฬา'],
  ['พม', 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์'],
  ['อว', 'กระทรวงการอุดมศึกษา วิทยาศาสตร์ วิจัยและนวัตกรรม'],
  ['กษ', 'กระทรวงเกษตรและสหกรณ์'],
  ['คค', 'กระทรวงคมนาคม'],
  ['ทส', 'กระทรวงทรัพยากรธรรมชาติและสิ่งแวดล้อม'],
  ['ดศ', 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม'],
  ['พน', 'กระทรวงพลังงาน'],
  ['พณ', 'กระทรวงพาณิชย์'],
  ['มท', 'กระทรวงมหาดไทย'],
  ['ยธ', 'กระทรวงยุติธรรม'],
  ['รง', 'กระทรวงแรงงาน'],
  ['วธ', 'กระทรวงวัฒนธรรม'],
  ['ศธ', 'กระทรวงศึกษาธิการ'],
  ['สธ', 'กระทรวงสาธารณสุข'],
  ['อก', 'กระทรวงอุตสาหกรรม'],
];

/** Codes of ministries renamed since, still seen on letters that cite older ones. */
const RENAMED_MINISTRY_CODES: readonly (readonly [string, string])[] = [
  ['วท', 'กระทรวงวิทยาศาสตร์และเทคโนโลยี'],
  ['ทก', 'กระทรวงเทคโนโลยีสารสนเทศและการสื่อสาร'],
];

/**
 * Departments and offices of department level (the regulation's ส่วนราชการระดับกรม) that
 * write under their ministry's code (กรมการแพทย์ writes ที่ สธ …): a letter's head often
 * names the department alone, never its ministry.
 */
const DEPARTMENTS: readonly (readonly [string, readonly string[]])[] = [
  [
    'นร',
    [
      'กรมประชาสัมพันธ์',
      'สำนักเลขาธิการนายกรัฐมนตรี',
      'สำนักเลขาธิการคณะรัฐมนตรี',
      'สำนักข่าวกรองแห่งชาติ',
      'สำนักงบประมาณ',
      'สำนักงานสภาความมั่นคงแห่งชาติ',
      'สำนักงานคณะกรรมการกฤษฎีกา',
      'สำนักงานคณะกรรมการข้าราชการพลเรือน',
      'สำนักงานคณะกรรมการพัฒนาระบบราชการ',
      'สำนักงานสภาพัฒนาการเศรษฐกิจและสังคมแห่งชาติ',
      'สำนักงานคณะกรรมการคุ้มครองผู้บริโภค',
    ],
  ],
  ['กห', ['กองบัญชาการกองทัพไทย', 'กองทัพบก', 'กองทัพเรือ', 'กองทัพอากาศ']],
  [
    'กค',
    [
      'กรมบัญชีกลาง',
      'กรมสรรพากร',
      'กรมศุลกากร',
      'กรมสรรพสามิต',
      'กรมธนารักษ์',
      'สำนักงานบริหารหนี้สาธารณะ',
      'สำนักงานเศรษฐกิจการคลัง',
      'สำนักงานคณะกรรมการนโยบายรัฐวิสาหกิจ',
    ],
  ],
  [
    'กต',
    [
      'กรมการกงสุล',
      'กรมพิธีการทูต',
      'กรมสนธิสัญญาและกฎหมาย',
      'กรมสารนิเทศ',
      'กรมองค์การระหว่างประเทศ',
      'กรมเศรษฐกิจระหว่างประเทศ',
      'กรมความร่วมมือระหว่างประเทศ',
      'กรมอาเซียน',
      'กรมยุโรป',
      'กรมเอเชียตะวันออก',
    ],
  ],
  ['กก', ['กรมการท่องเที่ยว', 'กรมพลศึกษา']],
  [
    'พม',
    [
      'กรมกิจการเด็กและเยาวชน',
      'กรมกิจการสตรีและสถาบันครอบครัว',
      'กรมกิจการผู้สูงอายุ',
      'กรมพัฒนาสังคมและสวัสดิการ',
      'กรมส่งเสริมและพัฒนาคุณภาพชีวิตคนพิการ',
    ],
  ],
  ['อว', ['กรมวิทยาศาสตร์บริการ', 'สำนักงานปรมาณูเพื่อสันติ']],
  [
    'กษ',
    [
      'กรมชลประทาน',
      'กรมประมง',
      'กรมปศุสัตว์',
      'กรมพัฒนาที่ดิน',
      'กรมวิชาการเกษตร',
      'กรมส่งเสริมการเกษตร',
      'กรมส่งเสริมสหกรณ์',
      'กรมตรวจบัญชีสหกรณ์',
      'กรมการข้าว',
      'กรมหม่อนไหม',
      'สำนักงานการปฏิรูปที่ดินเพื่อเกษตรกรรม',
      'สำนักงานเศรษฐกิจการเกษตร',
    ],
  ],
  ['คค', ['กรมการขนส่งทางบก', 'กรมการขนส่งทางราง', 'กรมเจ้าท่า', 'กรมทางหลวง', 'กรมท่าอากาศยาน']],
  [
    'ทส',
    [
      'กรมควบคุมมลพิษ',
      'กรมทรัพยากรธรณี',
      'กรมทรัพยากรทางทะเลและชายฝั่ง',
      'กรมทรัพยากรน้ำ',
      'กรมป่าไม้',
      'กรมส่งเสริมคุณภาพสิ่งแวดล้อม',
      'กรมอุทยานแห่งชาติ สัตว์ป่า และพันธุ์พืช',
      'กรมการเปลี่ยนแปลงสภาพภูมิอากาศและสิ่งแวดล้อม',
    ],
  ],
  ['ดศ', ['กรมอุตุนิยมวิทยา', 'สำนักงานสถิติแห่งชาติ']],
  [
    'พน',
    [
      'กรมเชื้อเพลิงธรรมชาติ',
      'กรมธุรกิจพลังงาน',
      'กรมพัฒนาพลังงานทดแทนและอนุรักษ์พลังงาน',
      'สำนักงานนโยบายและแผนพลังงาน',
    ],
  ],
  [
    'พณ',
    [
      'กรมการค้าต่างประเทศ',
      'กรมการค้าภายใน',
      'กรมพัฒนาธุรกิจการค้า',
      'กรมทรัพย์สินทางปัญญา',
      'กรมเจรจาการค้าระหว่างประเทศ',
      'กรมส่งเสริมการค้าระหว่างประเทศ',
    ],
  ],
  [
    'มท',
    [
      'กรมการปกครอง',
      'กรมการพัฒนาชุมชน',
      'กรมที่ดิน',
      'กรมป้องกันและบรรเทาสาธารณภัย',
      'กรมโยธาธิการและผังเมือง',
      'กรมส่งเสริมการปกครองท้องถิ่น',
    ],
  ],
  [
    'ยธ',
    [
      'กรมคุมประพฤติ',
      'กรมพินิจและคุ้มครองเด็กและเยาวชน',
      'กรมราชทัณฑ์',
      'กรมบังคับคดี',
      'กรมคุ้มครองสิทธิและเสรีภาพ',
      'กรมสอบสวนคดีพิเศษ',
      'สำนักงานกิจการยุติธรรม',
    ],
  ],
  ['รง', ['กรมการจัดหางาน', 'กรมพัฒนาฝีมือแรงงาน', 'กรมสวัสดิการและคุ้มครองแรงงาน', 'สำนักงานประกันสังคม']],
  ['วธ', ['กรมการศาสนา', 'กรมศิลปากร', 'กรมส่งเสริมวัฒนธรรม', 'สำนักงานศิลปวัฒนธรรมร่วมสมัย']],
  [
    'ศธ',
    [
      'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
      'สำนักงานคณะกรรมการการอาชีวศึกษา',
      'สำนักงานเลขาธิการสภาการศึกษา',
      'สำนักงานเลขาธิการคุรุสภา',
    ],
  ],
  [
    'สธ',
    [
      'กรมการแพทย์',
      'กรมควบคุมโรค',
      'กรมวิทยาศาสตร์การแพทย์',
      'กรมสนับสนุนบริการสุขภาพ',
      'กรมสุขภาพจิต',
      'กรมอนามัย',
      'สำนักงานคณะกรรมการอาหารและยา',
    ],
  ],
  [
    'อก',
    [
      'กรมโรงงานอุตสาหกรรม',
      'กรมส่งเสริมอุตสาหกรรม',
      'กรมอุตสาหกรรมพื้นฐานและการเหมืองแร่',
      'สำนักงานมาตรฐานผลิตภัณฑ์อุตสาหกรรม',
      'สำนักงานเศรษฐกิจอุตสาหกรรม',
    ],
  ],
];

/** Agencies outside the ministries with codes of their own. */
const AGENCY_CODES: readonly (readonly [string, string])[] = [['ตช', 'สำนักงานตำรวจแห่งชาติ']];

/** The provinces' codes, as in province-letter-codes.tsv. */
export const PROVINCE_CODES: readonly (readonly [string, string])[] = [
  ['กระบี่', 'กบ'],
  ['กรุงเทพมหานคร', 'กท'],
  ['กาญจนบุรี', 'กจ'],
  ['กาฬสินธุ์', 'กส'],
  ['กำแพงเพชร', 'กพ'],
  ['ขอนแก่น', 'ขก'],
  ['จันทบุรี', 'จบ'],
  ['ฉะเชิงเทรา', 'ฉช'],
  ['ชลบุรี', 'ชบ'],
  ['ชัยนาท', 'ชน'],
  ['ชัยภูมิ', 'ชย'],
  ['ชุมพร', 'ชพ'],
  ['เชียงราย', 'ชร'],
  ['เชียงใหม่', 'ชม'],
  ['ตรัง', 'ตง'],
  ['ตราด', 'ตร'],
  ['ตาก', 'ตก'],
  ['นครนายก', 'นย'],
  ['นครปฐม', 'นฐ'],
  ['นครพนม', 'นพ'],
  ['นครราชสีมา', 'นม'],
  ['นครศรีธรรมราช', 'นศ'],
  ['นครสวรรค์', 'นว'],
  ['นนทบุรี', 'นบ'],
  ['นราธิวาส', 'นธ'],
  ['น่าน', 'นน'],
  ['บึงกาฬ', 'บก'],
  ['บุรีรัมย์', 'บร'],
  ['ปทุมธานี', 'ปท'],
  ['ประจวบคีรีขันธ์', 'ปข'],
  ['ปราจีนบุรี', 'ปจ'],
  ['ปัตตานี', 'ปน'],
  ['พระนครศรีอยุธยา', 'อย'],
  ['พะเยา', 'พย'],
  ['พังงา', 'พง'],
  ['พัทลุง', 'พท'],
  ['พิจิตร', 'พจ'],
  ['พิษณุโลก', 'พล'],
  ['เพชรบุรี', 'พบ'],
  ['เพชรบูรณ์', 'พช'],
  ['แพร่', 'พร'],
  ['ภูเก็ต', 'ภก'],
  ['มหาสารคาม', 'มค'],
  ['มุกดาหาร', 'มห'],
  ['แม่ฮ่องสอน', 'มส'],
  ['ยโสธร', 'ยส'],
  ['ยะลา', 'ยล'],
  ['ร้อยเอ็ด', 'รอ'],
  ['ระนอง', 'รน'],
  ['ระยอง', 'รย'],
  ['ราชบุรี', 'รบ'],
  ['ลพบุรี', 'ลบ'],
  ['ลำปาง', 'ลป'],
  ['ลำพูน', 'ลพ'],
  ['เลย', 'ลย'],
  ['ศรีสะเกษ', 'ศก'],
  ['สกลนคร', 'สน'],
  ['สงขลา', 'สข'],
  ['สตูล', 'สต'],
  ['สมุทรปราการ', 'สป'],
  ['สมุทรสงคราม', 'สส'],
  ['สมุทรสาคร', 'สค'],
  ['สระแก้ว', 'สก'],
  ['สระบุรี', 'สบ'],
  ['สิงห์บุรี', 'สห'],
  ['สุโขทัย', 'สท'],
  ['สุพรรณบุรี', 'สพ'],
  ['สุราษฎร์ธานี', 'สฎ'],
  ['สุรินทร์', 'สร'],
  ['หนองคาย', 'นค'],
  ['หนองบัวลำภู', 'นภ'],
  ['อ่างทอง', 'อท'],
  ['อำนาจเจริญ', 'อจ'],
  ['อุดรธานี', 'อด'],
  ['อุตรดิตถ์', 'อต'],
  ['อุทัยธานี', 'อน'],
  ['อุบลราชธานี', 'อบ'],
];

const KNOWN: readonly KnownCode[] = [
  ...[...MINISTRY_CODES, ...RENAMED_MINISTRY_CODES, ...AGENCY_CODES].map(([code, name]) => ({
    code,
    province: false,
    names: [name, ...(DEPARTMENTS.find(([c]) => c === code)?.[1] ?? [])].map(normalizeThaiText),
  })),
  ...PROVINCE_CODES.map(([province, code]) => ({
    code,
    province: true,
    // Bangkok is named by itself; a province by จังหวัด (or จ.) and its name.
    names:
      province === 'กรุงเทพมหานคร'
        ? [province]
        : [`จังหวัด${province}`, `จ.${province}`, `จ. ${province}`].map(normalizeThaiText),
  })),
];

const CODES: ReadonlySet<string> = new Set(KNOWN.map((k) => k.code));

/** Whether the system knows this letter code. */
export function isKnownLetterCode(code: string): boolean {
  return CODES.has(code);
}

function oneLetterOff(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length !== y.length) return false;
  return x.filter((ch, i) => ch !== y[i]).length === 1;
}

/**
 * Consonants OCR reads one for another on scanned letters, each pair differing by a small
 * stroke (a tail, a head's loop, a notch) or seen so on this project's scans: ธ as ล, อ, ง,
 * ถ, ฮ (ศล, ศอ, สง, สถ, สฮ for ศธ and สธ), อ as ถ (รถ for รอ), ช as ซ (ตซ for ตช), ษ as ศ (กศ
 * for กษ), ท as ฑ (มฑ for มท), ป as ฟ, พ as น, ค as ด.
 */
const LOOK_ALIKE_PAIRS = [
  'ธล',
  'ธอ',
  'ธง',
  'ธถ',
  'ธฮ',
  'ธร',
  'อถ',
  'อฮ',
  'ชซ',
  'ซย',
  'ขช',
  'ปฟ',
  'ปบ',
  'บษ',
  'ษศ',
  'ศส',
  'ทฑ',
  'พน',
  'พฟ',
  'พผ',
  'ผฝ',
  'คด',
  'ดต',
  'ถภ',
  'ฎฏ',
  'วร',
];
const LOOK_ALIKES: ReadonlySet<string> = new Set(
  LOOK_ALIKE_PAIRS.flatMap((pair) => [pair, [...pair].reverse().join('')]),
);

/** One letter of `read` differs from `code`, and it is a look-alike of the code's letter. */
function oneLookAlikeOff(code: string, read: string): boolean {
  const x = [...code];
  const y = [...read];
  if (x.length !== y.length) return false;
  const differing = x.flatMap((ch, i) => (ch === y[i] ? [] : [ch + y[i]]));
  return differing.length === 1 && LOOK_ALIKES.has(differing[0]);
}

/**
 * The letter code OCR must have misread, from the code as read and the head of the letter
 * it was read in (the sender's unit and address, receipt stamps left out), when the code is
 * not one the system knows: the one known code a letter off it whose owner the head names
 * (`รถ` read for รอ in a head naming จังหวัดร้อยเอ็ด; อ and ถ differ by a small stroke); where
 * the head names no owner a letter off, the one known code a look-alike letter off it
 * (LOOK_ALIKE_PAIRS: `ศล` for ศธ), unless the head names another ministry or department (a
 * province it names is mostly the sender's address: a school's letter names its province,
 * and writes under ศธ). A code the system knows is read as another only where the head
 * names no owner of it and names exactly one owner whose code it is a look-alike letter off
 * (`ยล`, Yala's, in a head naming กรมคุมประพฤติ: ยธ). Null otherwise: two
 * such codes, or none (an unknown code with no such neighbour may be a real one). The caller
 * keeps the text as read and shows the number as unsure.
 */
export function letterCodeRepaired(code: string, head: string): string | null {
  if ([...code].length !== 2) return null;
  const text = normalizeThaiText(head);
  const owners = KNOWN.filter((k) => k.names.some((name) => text.includes(name)));
  if (CODES.has(code)) {
    // A known code may be another misread (ยล for ยธ): only where the head names no owner of
    // it and exactly one owner whose code it is a look-alike letter off.
    if (owners.some((k) => k.code === code)) return null;
    const alike = new Set(owners.filter((k) => oneLookAlikeOff(k.code, code)).map((k) => k.code));
    return alike.size === 1 ? [...alike][0] : null;
  }
  const named = new Set(owners.filter((k) => oneLetterOff(k.code, code)).map((k) => k.code));
  if (named.size > 0) return named.size === 1 ? [...named][0] : null;
  const alike = new Set(KNOWN.filter((k) => oneLookAlikeOff(k.code, code)).map((k) => k.code));
  if (alike.size !== 1) return null;
  const [only] = alike;
  return owners.every((k) => k.province || k.code === only) ? only : null;
}
