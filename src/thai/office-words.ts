/**
 * Office words: the names of units, unit kinds and posts that official letters print in
 * their owning unit, signature block, addressee and receipt stamps, and a repair of OCR
 * readings of them that lost or confused their vowel and tone marks (ท้องถิน for ท้องถิ่น,
 * ทีทำการ for ที่ทำการ).
 *
 * The words come from domain-wide sources only: the kinds, names and head posts of the
 * national unit tree (src/modules/organisations/national-tree.ts), the full names of the
 * unit abbreviations the parser knows (letter-text.ts), the twenty ministries and the
 * provinces (both from letter-codes.ts), the units most ministries have
 * (สำนักนโยบายและยุทธศาสตร์ …), a few words of the budget regulations (เบิกจ่าย, หลักเกณฑ์),
 * and the posts that sign letters (ระเบียบงานสารบรรณ: ปฏิบัติราชการแทน …).
 *
 * A reading is repaired only where a listed word's letters (its marks left out) stand in
 * the text and the text's marks differ from the word's by what OCR does to marks: a mark
 * missing, an upper vowel or tone mark read as its look-alike (ี for ื), a speck read as a
 * mark over a letter that has none. A mark of another kind where the word has one means
 * another text: no repair; a speck read as a mark beside a letter's own marks, all read, is
 * damage too (ภู่ธร). ็ and ิ are look-alikes (ร้อยเอิด). In a long word one consonant after
 * its first may also be misread (ศึกษาถิการ, า for ำ) or inserted inside it (สำนบัก), weighing as two marks. Short words are never repaired (สวน is a word, ส่วน another), and
 * the longer the word, the more damage it may carry and still be the only word it can be.
 */
import { MINISTRY_CODES, PROVINCE_CODES } from 'src/thai/letter-codes.js';
import {
  applyRepairs,
  type MarkClusters,
  markClusters,
  type MarkRepair,
  type WordRepair,
} from 'src/thai/mark-clusters.js';

const MARK = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/;

/** Marks OCR reads one for another: the upper vowels, the tone marks. */
const LOOK_ALIKES: readonly string[] = [
  '\u0E34\u0E35\u0E36\u0E37', // ิ ี ึ ื
  '\u0E34\u0E47', // ิ ็ (ร้อยเอิด): a small upper curl either way
  '\u0E48\u0E49\u0E4A\u0E4B', // ่ ้ ๊ ๋
  '\u0E38\u0E39', // ุ ู
];

function lookAlike(a: string, b: string): boolean {
  return LOOK_ALIKES.some((group) => group.includes(a) && group.includes(b));
}

function clustersOf(text: string): MarkClusters {
  return markClusters(text, MARK);
}

/**
 * How far a letter's marks as read are from the word's: one per mark missing or read as
 * a look-alike; null when the reading has a mark that the word cannot explain.
 */
function markDistance(read: string, word: string): number | null {
  const missing = [...word];
  const extra: string[] = [];
  for (const mark of read) {
    const k = missing.indexOf(mark);
    if (k >= 0) missing.splice(k, 1);
    else extra.push(mark);
  }
  let cost = 0;
  // Every mark of the word read as printed: an extra mark on top is a speck (ภู่ธร).
  const allRead = missing.length === 0;
  for (const mark of extra) {
    const k = missing.findIndex((m) => lookAlike(m, mark));
    // A mark where the word has none at all is a speck read as a mark (ก่ระทรวง), and so is
    // one beside the word's own marks read whole: it counts. A letter that lost a mark of
    // the word may only have read it as its look-alike; another mark there is another text.
    if (k < 0 && !allRead) return null;
    if (k >= 0) missing.splice(k, 1);
    cost++;
  }
  return cost + missing.length;
}

/** Words of this many letters or more may have one consonant misread (ศึกษาถิการ). */
const MISREAD_LETTER_FROM = 8;
/** A misread consonant weighs as much as two damaged marks. */
const MISREAD_LETTER_COST = 2;
const CONSONANT = /[\u0E01-\u0E2E]/;
/**
 * ำ is ํ over า: OCR loses the small circle or reads it as an upper vowel (สิานักงาน), so า
 * for ำ counts as a misread letter.
 */
const AM = '\u0E33';
const AA = '\u0E32';

/**
 * Where a word's letters stand in the text's: as they are, or for a long word with one
 * consonant after its first read as another (ศึกษาถิการ), or one consonant inserted inside it (สำนบัก: OCR
 * split a letter with its mark in two). `inserted` is the inserted letter's offset from
 * `start`, -1 when none; `span` how many letters of the text the word covers.
 */
function placesOf(
  text: string,
  word: string,
): { start: number; span: number; misread: number; inserted: number }[] {
  const places: { start: number; span: number; misread: number; inserted: number }[] = [];
  if (word.length < MISREAD_LETTER_FROM) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      places.push({ start: at, span: word.length, misread: 0, inserted: -1 });
    }
    return places;
  }
  for (let start = 0; start + word.length <= text.length; start++) {
    let misread = 0;
    // The first letter never counts as misread: another first letter before the same tail
    // is most often another word as printed (รายอำเภอ, ห้องเลขาธิการ: not นายอำเภอ, รองเลขาธิการ).
    if (text.charAt(start) !== word.charAt(0)) continue;
    for (let k = 1; k < word.length && misread <= 1; k++) {
      const a = text.charAt(start + k);
      const b = word.charAt(k);
      if (a === b) continue;
      misread += (CONSONANT.test(a) && CONSONANT.test(b)) || (a === AA && b === AM) ? 1 : 2;
    }
    if (misread <= 1) {
      places.push({ start, span: word.length, misread, inserted: -1 });
      continue;
    }
    // One consonant inserted after the word's first letter and before its last.
    if (start + word.length + 1 > text.length) continue;
    let k = 1;
    while (k < word.length && text.charAt(start + k) === word.charAt(k)) k++;
    if (k >= word.length - 1 || !CONSONANT.test(text.charAt(start + k))) continue;
    // The word itself one letter on: the letter before it is the word before's last
    // (ถนนนครราชสีมา is ถนน and นครราชสีมา), not one inserted inside it.
    if (text.startsWith(word, start + 1)) continue;
    if (text.slice(start + k + 1, start + word.length + 1) === word.slice(k)) {
      places.push({ start, span: word.length + 1, misread: 1, inserted: k });
    }
  }
  return places;
}

/** How many damaged marks a word of this many letters may carry and still be repaired. */
function markBudget(letters: number): number {
  if (letters < 5) return 0;
  if (letters < 7) return 1;
  if (letters < 10) return 2;
  return 3;
}

/** The national tree's units and head posts (place names left out: the provinces are in letter-codes.ts). */
const TREE_UNITS = [
  'สำนักงานปลัดกระทรวงมหาดไทย',
  'ปลัดกระทรวงมหาดไทย',
  'รัฐมนตรีว่าการกระทรวงมหาดไทย',
  'กรมส่งเสริมการปกครองท้องถิ่น',
  'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น',
  'กรมการปกครอง',
  'อธิบดีกรมการปกครอง',
  'ผู้ว่าราชการจังหวัด',
  'ผู้ว่าราชการกรุงเทพมหานคร',
  'สำนักงานจังหวัด',
  'หัวหน้าสำนักงานจังหวัด',
  'ฝ่ายบริหารทั่วไป',
  'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด',
  'กลุ่มงานบริหารยุทธศาสตร์',
  'กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร',
  'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
  'ท้องถิ่นจังหวัด',
  'องค์การบริหารส่วนจังหวัด',
  'นายกองค์การบริหารส่วนจังหวัด',
  'สำนักงานเขต',
  'ผู้อำนวยการเขต',
  'นายอำเภอ',
  'เทศบาลนคร',
  'เทศบาลเมือง',
  'เทศบาลตำบล',
  'นายกเทศมนตรี',
  'องค์การบริหารส่วนตำบล',
  'นายกองค์การบริหารส่วนตำบล',
];

/** The full names of the unit abbreviations letter-text.ts knows (สถอ., สสจ., สพฐ. …). */
const ABBREVIATED_UNITS = [
  'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ',
  'สำนักงานท้องถิ่นอำเภอ',
  'ท้องถิ่นอำเภอ',
  'สำนักงานสาธารณสุขจังหวัด',
  'สำนักงานสาธารณสุขอำเภอ',
  'สาธารณสุขจังหวัด',
  'สาธารณสุขอำเภอ',
  'โรงพยาบาลส่งเสริมสุขภาพตำบล',
  'สำนักงานเขตพื้นที่การศึกษาประถมศึกษา',
  'สำนักงานเขตพื้นที่การศึกษามัธยมศึกษา',
  'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
  'คณะกรรมการการศึกษาขั้นพื้นฐาน',
  'สำนักงานศึกษาธิการจังหวัด',
  'สำนักงานศึกษาธิการภาค',
  'ศึกษาธิการจังหวัด',
  'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด',
  'สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัด',
  'ป้องกันและบรรเทาสาธารณภัย',
  'สำนักงานปศุสัตว์จังหวัด',
  'สำนักงานปศุสัตว์อำเภอ',
  'สำนักงานเกษตรจังหวัด',
  'สำนักงานเกษตรอำเภอ',
  'สถานีตำรวจภูธร',
  'กองบังคับการ',
  'กองบัญชาการ',
  'กองกำกับการ',
  'สำนักงานปลัดจังหวัด',
  'สำนักงานสรรพากรจังหวัด',
  'สำนักงานคลังจังหวัด',
  'สำนักงานยุติธรรมจังหวัด',
  'สำนักงานการตรวจเงินแผ่นดิน',
  'สำนักงานตำรวจแห่งชาติ',
];

/**
 * Units most ministries and departments have under these names (their common internal
 * structure: the secretariat, the policy, personnel and audit units).
 */
const COMMON_UNITS = [
  'สำนักนโยบายและยุทธศาสตร์',
  'สำนักนโยบายและแผน',
  'กองนโยบายและแผน',
  'กองยุทธศาสตร์และแผนงาน',
  'สำนักงานเลขานุการกรม',
  'สำนักบริหารกลาง',
  'กองการเจ้าหน้าที่',
  'กลุ่มตรวจสอบภายใน',
  'กลุ่มพัฒนาระบบบริหาร',
  'ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร',
];

/**
 * Words of the budget and disbursement regulations that subjects name (ระเบียบการเบิกจ่ายเงิน
 * จากคลัง, หลักเกณฑ์…), long enough that no other word shares their letters, and สิ้นปีงบประมาณ
 * (the year-end the regulations set), whose letters only ทรัพย์สิน / หนี้สิน before ปีงบประมาณ
 * share (NOT_AFTER).
 */
const REGULATION_WORDS = ['เบิกจ่าย', 'หลักเกณฑ์', 'ปีงบประมาณ', 'สิ้นปีงบประมาณ'];

/**
 * Words whose first letters, marks lost, end other words: สิ้นปีงบประมาณ read as สินปีงบประมาณ
 * is also ทรัพย์สินปีงบประมาณ or หนี้สินปีงบประมาณ as printed. Such a word is not repaired
 * where the letters before it (marks left out) end like those.
 */
const NOT_AFTER: ReadonlyMap<string, RegExp> = new Map([['สิ้นปีงบประมาณ', /(?:ทรพย|หน)$/]]);

/** Kinds of units, offices and the posts that sign letters. */
const OFFICE_WORDS = [
  'สำนักงาน',
  'กลุ่มงาน',
  'ส่งเสริม',
  'การปกครองท้องถิ่น',
  'ปกครองท้องถิ่น',
  'ท้องถิ่น',
  'ที่ทำการปกครองจังหวัด',
  'ที่ทำการปกครองอำเภอ',
  'ที่ว่าการอำเภอ',
  'ศาลากลางจังหวัด',
  'ปลัดจังหวัด',
  'ปลัดอำเภอ',
  'ปลัดกระทรวง',
  'รองปลัดกระทรวง',
  'รองผู้ว่าราชการจังหวัด',
  'ผู้ตรวจราชการ',
  'อธิบดี',
  'รองอธิบดี',
  'เลขาธิการ',
  'รองเลขาธิการ',
  'ผู้อำนวยการ',
  'รองผู้อำนวยการ',
  'หัวหน้า',
  'ปฏิบัติราชการแทน',
  'รักษาราชการแทน',
  'ทำการแทน',
  'สารบรรณ',
  'สารบรรณกลาง',
];

/**
 * The words of a name, and the parts it joins with และ / ของ / เพื่อ (การพัฒนาสังคมและ
 * ความมั่นคงของมนุษย์: ความมั่นคง, มนุษย์), which other names use on their own.
 */
function partsOf(name: string): string[] {
  const words = name.split(' ');
  return [...words, ...words.flatMap((w) => w.split(/และ|ของ|เพื่อ/).slice(1))].filter(
    (w) => w !== '',
  );
}

/**
 * Posts an addressee line starts with (เรียน ผู้ว่าราชการจังหวัด…, นายอำเภอ…), and the heads of
 * the ministries' provincial offices, addressed by their office's name and จังหวัด
 * (คลังจังหวัด, แรงงานจังหวัด …).
 */
const POST_START =
  /^(?:รอง)?(?:ผู้ว่าราชการ|นายอำเภอ|ปลัด|นายก|อธิบดี|ผู้อำนวยการ|หัวหน้า|เลขาธิการ|ท้องถิ่น|ประธาน|รัฐมนตรี|ผู้บัญชาการ|ผู้บังคับการ|ผู้กำกับการ|ผู้ตรวจราชการ|อธิการบดี|คณบดี|สาธารณสุข|ศึกษาธิการ|เกษตร|ปศุสัตว์|พัฒนาการ|(?:คลัง|สรรพากร|พาณิชย์|แรงงาน|อุตสาหกรรม|โยธาธิการและผังเมือง|ประมง|สหกรณ์|วัฒนธรรม|ยุติธรรม|พลังงาน|ประชาสัมพันธ์|สถิติ)จังหวัด)/;

/**
 * Posts a signatory's position starts with, long enough that the rest after their first
 * letter (ธิบดี, องปลัด…) is no other post's.
 */
const POSTS = [
  'อธิบดี',
  'รองอธิบดี',
  'อธิการบดี',
  'ผู้อำนวยการ',
  'รองผู้อำนวยการ',
  'รองปลัด',
  'เลขาธิการ',
  'รองเลขาธิการ',
  'ผู้ว่าราชการ',
  'รองผู้ว่าราชการ',
  'นายอำเภอ',
  'ผู้บังคับการ',
  'รองผู้บังคับการ',
  'ผู้บัญชาการ',
  'รองผู้บัญชาการ',
  'ผู้กำกับการ',
  'หัวหน้า',
  'ผู้ตรวจราชการ',
  'รัฐมนตรี',
];
const CLUSTER_MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
/** A letter's first cluster: a leading vowel, then a consonant and its marks. */
const FIRST_CLUSTER = /^[\u0E40-\u0E44]?[\u0E01-\u0E2E][\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]*/;

/**
 * A position whose first letter OCR misread or doubled (ถธิบดี, ลธิบดี, ว๊องปลัด for
 * อธิบดี and รองปลัด; เอธิบดี with a speck read as เ before it): the post with its first
 * letter as printed, when the rest of the post follows it to the letter. The rest is at
 * least four characters, so no short word is taken for a post. Null when nothing changes.
 */
export function postStartRepaired(position: string): string | null {
  for (const post of POSTS) {
    if (position.startsWith(post)) return null;
  }
  const first = FIRST_CLUSTER.exec(position)?.[0];
  if (first === undefined) return null;
  for (const post of POSTS) {
    const head = FIRST_CLUSTER.exec(post)?.[0] ?? '';
    const rest = post.slice(head.length);
    if (rest.length < 4) continue;
    // The first letter read as another (ลธิบดี), or a speck read before the post (เอธิบดี).
    if (position.slice(first.length).startsWith(rest)) {
      return post + position.slice(first.length + rest.length);
    }
    if (/^[\u0E40-\u0E44]/.test(position) && position.slice(1).startsWith(post)) {
      return position.slice(1);
    }
    // The first letter doubled (ออธิบดี, ผผู้ว่า…): a speck beside it read as its twin.
    const letter = (cluster: string): string => cluster.replace(CLUSTER_MARKS, '');
    if (letter(first) === letter(head) && position.slice(first.length).startsWith(post)) {
      return position.slice(first.length);
    }
  }
  return null;
}

/** The acting phrase between a signatory's own post and the post signed for. */
const ACTING_PHRASE = /(?:ปฏิบัติราชการแทน|รักษาราชการแทน|รักษาการแทน|ทำการแทน)\s+/;

/**
 * postStartRepaired on a position's first post and on the post after its acting phrase
 * (รองอธิบดี ปฏิบัติราชการแทน ออธิบดีกรมสรรพากร): each starts a line of the signature block,
 * where the scan damages a first letter alike. Null when nothing changes.
 */
export function positionPostsRepaired(position: string): string | null {
  const own = postStartRepaired(position) ?? position;
  const acting = ACTING_PHRASE.exec(own);
  const after = acting === null ? null : own.slice(acting.index + acting[0].length);
  const signedFor = after === null ? null : postStartRepaired(after);
  const repaired =
    acting === null || signedFor === null
      ? own
      : own.slice(0, acting.index + acting[0].length) + signedFor;
  return repaired === position ? null : repaired;
}

export function startsWithPost(text: string): boolean {
  return POST_START.test(text.trimStart());
}

function entriesOf(words: readonly string[]): { word: string; clusters: MarkClusters }[] {
  const seen = new Set<string>();
  const out: { word: string; clusters: MarkClusters }[] = [];
  for (const word of words) {
    for (const part of partsOf(word)) {
      if (seen.has(part)) continue;
      seen.add(part);
      out.push({ word: part, clusters: clustersOf(part) });
    }
  }
  // Longest first: a long word is the surest, and once placed no shorter word overrides it.
  return out.sort((a, b) => b.clusters.bases.length - a.clusters.bases.length);
}

const LEXICON = entriesOf([
  ...TREE_UNITS,
  ...COMMON_UNITS,
  ...REGULATION_WORDS,
  ...ABBREVIATED_UNITS,
  ...MINISTRY_CODES.map(([, ministry]) => ministry),
  ...OFFICE_WORDS,
  ...PROVINCE_CODES.map(([province]) => province),
]);

/**
 * Put back the marks OCR lost or confused in office words (see the module comment). Text
 * with no such damage comes back unchanged.
 */
export function repairOfficeWords(text: string): MarkRepair {
  const words = officeWordsRepaired(text);
  const province = provinceAfterJangwat(words.text);
  return { text: province.text, repaired: words.repaired || province.repaired };
}

const PROVINCES = entriesOf(PROVINCE_CODES.map(([province]) => province));
/** A province's name after จังหวัด may have a consonant misread from this many letters. */
const PROVINCE_MISREAD_FROM = 5;
const AFTER_JANGWAT = /(?<=จังหวัด)[\u0E01-\u0E4E]+/g;

/**
 * The province named right after จังหวัด, read with one consonant misread and its marks
 * damaged as an office word's may be (ร้อยเล็ด, ลำบ่าง: a consonant and a speck read as a
 * tone mark): after จังหวัด only a province's name stands, so the one province of as many
 * letters that fits is taken. Names of fewer than five letters keep their consonants (ตาม
 * is one consonant off ตาก) and get back only a mark OCR lost or confused (กระบี, นาน for
 * กระบี่, น่าน); a word run on past the name stays as read.
 */
function provinceAfterJangwat(text: string): MarkRepair {
  const repairs: WordRepair[] = [];
  for (const m of text.matchAll(AFTER_JANGWAT)) {
    const read = clustersOf(m[0]);
    // A short name keeps its consonants: only its marks may be repaired (กระบี for กระบี่).
    const misreadAllowed = read.bases.length >= PROVINCE_MISREAD_FROM ? 1 : 0;
    if (PROVINCES.some(({ word }) => word === m[0])) continue;
    const fits = PROVINCES.filter(({ clusters }) => {
      if (clusters.bases.length !== read.bases.length) return false;
      let cost = 0;
      let misread = 0;
      for (let k = 0; k < read.bases.length; k++) {
        const a = read.bases.charAt(k);
        const b = clusters.bases.charAt(k);
        if (a !== b) {
          if (!CONSONANT.test(a) || !CONSONANT.test(b)) return false;
          misread++;
        }
        const d = markDistance(read.marks[k] ?? '', clusters.marks[k] ?? '');
        if (d === null) return false;
        cost += d;
      }
      return misread <= misreadAllowed && cost <= 1 && misread + cost > 0;
    });
    const [only] = fits;
    if (fits.length === 1 && only !== undefined) {
      repairs.push({ from: m.index, to: m.index + m[0].length, word: only.word });
    }
  }
  return applyRepairs(text, repairs);
}

function officeWordsRepaired(text: string): MarkRepair {
  const read = clustersOf(text);
  /**
   * Per letter of the text: the marks the word placed over it gives it (as printed or
   * repaired), null while no word is placed there.
   */
  const placed: (string | null)[] = read.marks.map(() => null);
  const repairs: WordRepair[] = [];
  /** Where each placed word starts, in letters. */
  const starts: number[] = [];
  for (const { word, clusters } of LEXICON) {
    const budget = markBudget(clusters.bases.length);
    const notAfter = NOT_AFTER.get(word);
    for (const place of placesOf(read.bases, clusters.bases)) {
      const { start, misread, inserted } = place;
      if (notAfter?.test(read.bases.slice(0, start)) === true) continue;
      const free = freeSpan(place, clusters, read, placed);
      if (free === null) continue;
      let cost: number | null = misread * MISREAD_LETTER_COST;
      for (let k = 0; k < clusters.bases.length && cost !== null; k++) {
        const at = start + k + (inserted >= 0 && k >= inserted ? 1 : 0);
        // An inserted letter split off the one before it, with its marks (นั read as นบั).
        const marks =
          (read.marks[at] ?? '') + (k === inserted - 1 ? (read.marks[at + 1] ?? '') : '');
        const d = markDistance(marks, clusters.marks[k] ?? '');
        cost = d === null ? null : cost + d;
      }
      if (cost === null || cost > budget) continue;
      for (let k = free.from; k < free.to; k++) {
        // A word read with a letter misread or inserted shares none of its letters.
        placed[k] = misread > 0 || inserted >= 0 ? UNSHARED : (clusters.marks[k - start] ?? '');
      }
      if (clusters.bases.length >= KIND_BEFORE_FROM) starts.push(start);
      if (cost > 0) {
        // Only the letters no other word holds are written; the shared ones read as printed.
        const wordAt = (k: number): number => clusters.at[k - start] ?? word.length;
        repairs.push({
          from: read.at[free.from] ?? 0,
          to: read.at[free.to] ?? text.length,
          word: word.slice(wordAt(free.from), wordAt(free.to)),
        });
      }
    }
  }
  for (const start of starts) {
    const kind = unitKindBefore(text, read, start, placed);
    if (kind !== null) repairs.push(kind);
  }
  return applyRepairs(text, repairs);
}

/** The marks a letter placed by a word read with a consonant misread or inserted is given. */
const UNSHARED = '\u0000';

/**
 * The letters of a word's place no word placed before it holds, as [from, to). A longer word
 * placed first may share letters with it (กระทรวง of a ministry's name after ปลัดกระทรวง, in
 * สำนักงานปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม): the place is still the word's where the
 * shared letters are one run at its start or its end, read exactly as both words print them,
 * and some letters are left to it. Null when the place is taken: the two words disagree there,
 * or this one is read with a letter misread or inserted.
 */
function freeSpan(
  place: { start: number; span: number; misread: number; inserted: number },
  clusters: MarkClusters,
  read: MarkClusters,
  placed: readonly (string | null)[],
): { from: number; to: number } | null {
  const { start, span } = place;
  const end = start + span;
  let from = start;
  while (from < end && placed[from] !== null) from++;
  let to = end;
  while (to > from && placed[to - 1] !== null) to--;
  if (from === to) return null;
  for (let k = from; k < to; k++) if (placed[k] !== null) return null;
  if (from === start && to === end) return { from, to };
  if (place.misread > 0 || place.inserted >= 0) return null;
  for (let k = start; k < end; k++) {
    if (k >= from && k < to) continue;
    const marks = clusters.marks[k - start] ?? '';
    if (placed[k] !== marks || read.marks[k] !== marks) return null;
  }
  return { from, to };
}

/**
 * Names this long only are a unit's whose kind may be glued before them: a short word
 * (ท้องถิ่น) also follows free text (กลองท้องถิ่น, a local drum).
 */
const KIND_BEFORE_FROM = 10;

/** The kinds a unit's name is glued to (กองป้องกันและบรรเทาสาธารณภัย). */
const UNIT_KINDS = ['สำนักงาน', 'สำนัก', 'กลุ่มงาน', 'กลุ่ม', 'กอง', 'ฝ่าย', 'ศูนย์', 'งาน'];

/**
 * A unit's kind glued before a listed name and read with one consonant inserted inside it
 * (กลองป้องกันและบรรเทาสาธารณภัย: กลอง is a word, but no word is glued to a unit's name
 * there): the kind as printed. `start` is where the listed name begins, in letters; the
 * kind runs from the start of its space-parted word. Null when there is none.
 */
function unitKindBefore(
  text: string,
  read: MarkClusters,
  start: number,
  placed: readonly (string | null)[],
): WordRepair | null {
  let first = start;
  while (first > 0 && read.bases.charAt(first - 1) !== ' ') first--;
  if (first === start) return null;
  for (let k = first; k < start; k++) if (placed[k] !== null) return null;
  const from = read.at[first] ?? 0;
  const to = read.at[start] ?? text.length;
  const prefix = text.slice(from, to);
  for (const kind of UNIT_KINDS) {
    if (prefix.length !== kind.length + 1) continue;
    for (let i = 1; i < prefix.length - 1; i++) {
      if (!CONSONANT.test(prefix.charAt(i))) continue;
      if (prefix.slice(0, i) + prefix.slice(i + 1) === kind) return { from, to, word: kind };
    }
  }
  return null;
}

/**
 * Words a number follows: in a unit's name or an addressee (เขต ๑, ภาค ๓, กองพันที่ ๒), and the
 * counters of law and office text a subject may end with (มาตรา ๗, ข้อ ๕, ระยะ ๒, รุ่น ๓).
 */
const TAKES_A_NUMBER =
  /(?:ที่?|เขต|ภาค|ชั้น|หมู่|ซอย|ฉบับ|ครั้ง|พ\.ศ\.|ค\.ศ\.|ปี|ข้อ|มาตรา|วรรค|หมวด|ส่วน|บท|ตอน|ระยะ|รุ่น|ชุด|ประเภท|ระดับ|ขั้น|เล่ม|งวด|รอบ|ลำดับ|หมายเลข|เลข|หน้า|ห้อง|อาคาร|ชั้นปี|ไตรมาส)$/;
/** A one-letter Thai abbreviation with its number (ป.๖, ม.๓, ว.๒): a class, a grade, a rule. */
const ABBREVIATION_NUMBER = /^[\u0E01-\u0E2E]\.[0-9\u0E50-\u0E59]+$/;
const THAI_LETTER = /[\u0E01-\u0E2E\u0E40-\u0E44]/g;
const NUMBER = /^\(?[0-9\u0E50-\u0E59]+(?:[./][0-9\u0E50-\u0E59]+)*\)?$/;
/**
 * Latin letters in a field are kept as a word when they look like one (SMS, ICT, Excel), also
 * inside a token with a hyphen or digits (e-Meeting, iPad, COVID-19).
 */
const LATIN_WORD = /[A-Z]{2,}|[A-Z][a-z]{3,}|[A-Za-z]{4,}/;
/**
 * Box rules and quotes a scan leaves at a word's edge (สาธารณสุข], 'สำนัก), a comma and a
 * dash (ร้อยเอ็ด-): Thai names of units and posts have none there; a dash inside a word
 * (e-Service, ๐๒-๑๒๓) stays.
 */
const EDGE_DUST = /^['"`|[\]_~,\-–]+|['"`|[\]_~,\-–]+$/g;

/**
 * Whether a word of a field is OCR dust rather than print: fewer than two Thai letters (a
 * word or an abbreviation such as ป.ป.ช. has two), not a Latin word, and not a number that
 * the word before it takes (or, where `longNumbers`, anything with two digits in a row).
 */
function isDust(token: string, previous: string | undefined, longNumbers: boolean): boolean {
  if ((token.match(THAI_LETTER) ?? []).length >= 2 || LATIN_WORD.test(token)) return false;
  if (ABBREVIATION_NUMBER.test(token)) return false;
  if (longNumbers && /[0-9\u0E50-\u0E59]{2}/.test(token)) return false;
  if (NUMBER.test(token)) return previous === undefined || !TAKES_A_NUMBER.test(previous);
  return true;
}

/** Divisions numbered after their name (กองเอเชียตะวันออก ๓, กลุ่มงาน ๒, ฝ่ายปกครอง ๑). */
const NUMBERED_DIVISION = /^(?:กอง|กลุ่ม|ฝ่าย|ส่วน|งาน|แผนก)[\u0E01-\u0E4E]/;
/** A division's number: 1 to 19, no leading zero. */
const DIVISION_NUMBER = /^(?:[1-9\u0E51-\u0E59]|[1\u0E51][0-9\u0E50-\u0E59])$/;

/**
 * Whether `token`, read right after the word `previous` with no speck between them, is the
 * number of the division that word names: it ends the field or a Thai word follows it. A
 * number among specks is one of them (กองคลัง 0 7, …เรื่องร้องทุกข์ 7 0).
 */
function numbersDivision(
  token: string,
  previous: string | undefined,
  next: string | undefined,
): boolean {
  return (
    previous !== undefined &&
    DIVISION_NUMBER.test(token) &&
    NUMBERED_DIVISION.test(previous) &&
    (next === undefined || (next.match(THAI_LETTER) ?? []).length >= 2)
  );
}

/**
 * A field's text without the dust a scan left in it (กองการพัสดุภาครัฐ 0 50, ฝ่ายบริหาร .):
 * words with no Thai word, Latin word or meaningful number in them. `where` 'end' drops them
 * at the end only, for free text such as a subject, where a number of two digits or more
 * may be the text's own (ปีงบประมาณ ๒๕๖๙); 'all' everywhere, with box rules and quotes at
 * the words' edges, for names of units and posts and for addressees, where a number only
 * follows a word that takes one (เขต ๒) or a division's name (กองเอเชียตะวันออก ๓). Returns null when nothing is left.
 */
export function dropDust(text: string, where: 'end' | 'all'): string | null {
  const kept: string[] = [];
  if (where === 'all') {
    const tokens = text.split(' ').filter((t) => t !== '');
    // Whether the last word seen was kept: a division's number follows its name directly.
    let afterKept = false;
    tokens.forEach((token, at) => {
      const bare = token.replace(EDGE_DUST, '');
      const last = kept[kept.length - 1];
      afterKept =
        bare !== '' &&
        (!isDust(bare, last, false) || (afterKept && numbersDivision(bare, last, tokens[at + 1])));
      if (afterKept) kept.push(bare);
    });
  } else {
    kept.push(...text.split(' ').filter((t) => t !== ''));
    while (kept.length > 1 && isDust(kept[kept.length - 1] ?? '', kept[kept.length - 2], true)) {
      kept.pop();
    }
  }
  return kept.length === 0 ? null : kept.join(' ');
}
