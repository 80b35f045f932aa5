/**
 * Tone marks OCR of a scan lost or confused in the compound words official letters print in
 * their subjects, enclosure items and unit names (พืนที for พื้นที่, รายชือ for รายชื่อ, จัดซื่อ
 * for จัดซื้อ, ทรัพยากรนำ for ทรัพยากรน้ำ).
 *
 * A short word alone cannot be repaired (ที and ที่, นำ and น้ำ, ชื่อ and ซื่อ are all words),
 * but a compound fixes the one word its syllables make: ทรัพยากร before นำ can only be น้ำ. The
 * list holds compounds of government correspondence whose letters, tone marks left out or
 * confused, spell no other Thai text; compounds that would (ข้อเสนอ read as ขอเสนอ, a request;
 * ร้องเรียน as รองเรียน) are left out on purpose.
 *
 * Only tone marks (่ ้ ๊ ๋) are put back: each letter's vowels must be read as printed. A tone
 * mark may be missing or read as another tone mark; one tone mark over a letter the compound
 * gives none is a speck read as a mark (พัฒน่า, แน่วทาง), dropped.
 */

import {
  applyRepairs,
  type MarkClusters,
  markClusters,
  type MarkRepair,
  type WordRepair,
} from 'src/thai/mark-clusters.js';

const COMPOUNDS = [
  // Places and areas.
  'พื้นที่',
  'สถานที่',
  'ท้องที่',
  'ที่ดิน',
  'ที่อยู่',
  'ที่ตั้ง',
  'ที่พัก',
  'ที่ประชุม',
  'แผนที่',
  // People and posts.
  'เจ้าหน้าที่',
  'หน้าที่',
  'ผู้บริหาร',
  'ผู้ประสบภัย',
  'ผู้สูงอายุ',
  'ผู้พิการ',
  'ผู้เข้าร่วม',
  'ผู้ปฏิบัติงาน',
  'ผู้รับผิดชอบ',
  'ลูกจ้าง',
  'พนักงานจ้าง',
  'แต่งตั้ง',
  'เลือกตั้ง',
  // Names and lists.
  'รายชื่อ',
  'ลายมือชื่อ',
  // Procurement and payment.
  'จัดซื้อ',
  'จัดจ้าง',
  'ซื้อขาย',
  'ค่าใช้จ่าย',
  'ค่าตอบแทน',
  'ค่าเดินทาง',
  'ค่าเช่าบ้าน',
  // Water, disasters, health.
  'น้ำท่วม',
  'น้ำบาดาล',
  'แหล่งน้ำ',
  'ทรัพยากรน้ำ',
  'บรรทุกน้ำ',
  'คุณภาพน้ำ',
  'ระบายน้ำ',
  'ภัยแล้ง',
  'ไฟป่า',
  'ติดเชื้อ',
  'เชื้อโรค',
  'เชื้อเพลิง',
  'สิ่งแวดล้อม',
  // Words of every letter with no tone mark, where a speck read as one (พัฒน่า, แน่วทาง)
  // makes no other word.
  'พัฒนา',
  'แนวทาง',
  'ดำเนินการ',
  'โครงการ',
  'ประชาชน',
  'ประเมิน',
  'สถานการณ์',
  'สนับสนุน',
  'ตรวจสอบ',
  'ติดตาม',
  'กิจกรรม',
  'บริหาร',
  'ราชการ',
  'ระเบียบ',
  // Tourism, sport and culture.
  'ท่องเที่ยว',
  // Procedure.
  'ช่วยเหลือ',
  'ป้องกัน',
  'แก้ไข',
  'ขั้นตอน',
  'เบื้องต้น',
  'ต่อเนื่อง',
  'ทั่วไป',
  'ทั่วประเทศ',
];

const TONE = /[\u0E48-\u0E4B]/;
/** A mark that belongs to the letter before it: a word cannot end or start inside it. */
const MARK = /[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]/;
const LEADING_VOWEL = /[\u0E40-\u0E44]/;

function tonelessOf(text: string): MarkClusters {
  return markClusters(text, TONE);
}

const ENTRIES = COMPOUNDS.map((word) => ({ word, toneless: tonelessOf(word) })).sort(
  (a, b) => b.toneless.bases.length - a.toneless.bases.length,
);

/** A letter's tone marks as read are the word's, lost, or one read as another. */
function toneFits(read: string, printed: string): boolean {
  if (read === printed || read === '') return true;
  return read.length === 1 && printed.length === 1;
}

/** A tone mark read over a letter the compound gives none: a speck, once per compound. */
function speckTone(read: string, printed: string): boolean {
  return printed === '' && read.length === 1;
}

/** Put back the tone marks OCR lost or confused in the listed compounds (module comment). */
export function repairToneMarks(text: string): MarkRepair {
  const read = tonelessOf(text);
  const placed: boolean[] = read.marks.map(() => false);
  const repairs: WordRepair[] = [];
  for (const { word, toneless } of ENTRIES) {
    const span = toneless.bases.length;
    for (
      let start = read.bases.indexOf(toneless.bases);
      start >= 0;
      start = read.bases.indexOf(toneless.bases, start + 1)
    ) {
      // The compound's first and last letters are whole letters of the reading: no vowel of
      // the letter after it, no leading vowel of the letter before it.
      if (MARK.test(read.bases.charAt(start + span))) continue;
      if (LEADING_VOWEL.test(read.bases.charAt(start - 1))) continue;
      let taken = false;
      let fits = true;
      let damaged = false;
      let specks = 0;
      for (let k = 0; k < span; k++) {
        taken ||= placed[start + k] === true;
        const got = read.marks[start + k] ?? '';
        const want = toneless.marks[k] ?? '';
        if (speckTone(got, want)) specks++;
        else fits &&= toneFits(got, want);
        damaged ||= got !== want;
      }
      if (taken || !fits || specks > 1) continue;
      for (let k = start; k < start + span; k++) placed[k] = true;
      if (damaged) {
        repairs.push({ from: read.at[start] ?? 0, to: read.at[start + span] ?? text.length, word });
      }
    }
  }
  return applyRepairs(text, repairs);
}
