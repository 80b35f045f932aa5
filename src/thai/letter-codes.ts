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
  ...[...MINISTRY_CODES, ...RENAMED_MINISTRY_CODES].map(([code, name]) => ({
    code,
    names: [normalizeThaiText(name)],
  })),
  ...PROVINCE_CODES.map(([province, code]) => ({
    code,
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
 * The letter code OCR must have misread, from the code as read and the head of the letter
 * it was read in (the sender's unit and address, receipt stamps left out): when the code is
 * not one the system knows, and exactly one known code one letter off it belongs to an
 * owner the head names (`รถ` read for รอ in a head naming จังหวัดร้อยเอ็ด; อ and ถ differ by
 * a small stroke). Null otherwise: an unknown code with no such neighbour may be a real one.
 * The caller keeps the text as read and shows the number as unsure.
 */
export function letterCodeRepaired(code: string, head: string): string | null {
  if (CODES.has(code) || [...code].length !== 2) return null;
  const text = normalizeThaiText(head);
  const named = KNOWN.filter(
    (k) => oneLetterOff(k.code, code) && k.names.some((name) => text.includes(name)),
  );
  const codes = new Set(named.map((k) => k.code));
  return codes.size === 1 ? [...codes][0] : null;
}
