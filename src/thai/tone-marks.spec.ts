import { describe, expect, it } from 'vitest';
import { repairToneMarks } from 'src/thai/tone-marks.js';

describe('repairToneMarks', () => {
  it.each([
    // Tone marks lost over both syllables, or over one.
    ['การสำรวจพื้นที่เกษตรกรรม', 'การสำรวจพืนทีเกษตรกรรม'],
    ['แผนที่พื้นที่เสี่ยงภัย', 'แผนที่พื้นทีเสี่ยงภัย'],
    ['ขอความร่วมมือเจ้าหน้าที่ผู้รับผิดชอบ', 'ขอความร่วมมือเจ้าหนาทีผู้รับผิดชอบ'],
    ['แจ้งรายชื่อผู้เข้าร่วมอบรม', 'แจ้งรายชือผู้เขารวมอบรม'],
    // A tone mark read as another.
    ['รายงานผลการจัดจ้างและจัดซื้อ', 'รายงานผลการจัดจ่างและจัดซื่อ'],
    ['การเฝ้าระวังผู้ติดเชื้อรายใหม่', 'การเฝ้าระวังผู้ติดเชื่อรายใหม่'],
    // A short word made sure by the compound it ends.
    ['สำรวจแหล่งน้ำเพื่อการเกษตร', 'สำรวจแหลงนำเพื่อการเกษตร'],
    ['สำนักงานทรัพยากรน้ำภาค ๔', 'สำนักงานทรัพยากรนำภาค ๔'],
    ['ขอเบิกค่าใช้จ่ายในการเดินทาง', 'ขอเบิกคาใชจายในการเดินทาง'],
    ['รายงานผลการวิเคราะห์คุณภาพน้ำ', 'รายงานผลการวิเคราะห์คุณภาพนำ'],
    ['แผนที่เส้นทางเลี่ยง', 'แผนทีเส้นทางเลี่ยง'],
    ['กองส่งเสริมการท่องเที่ยว', 'กองส่งเสริมการท่องเทียว'],
    // A speck read as a tone mark over a letter that has none.
    ['การพัฒนาระบบประปาหมู่บ้าน', 'การพัฒน่าระบบประปาหมู่บ้าน'],
    ['แนวทางการติดตามผล', 'แนวท้างการติดตามผล'],
    ['การติดเชื้อในโรงเรียน', 'การติ่ดเชื้อในโรงเรียน'],
  ])('puts back %s from %s', (printed, read) => {
    expect(repairToneMarks(read)).toEqual({ text: printed, repaired: true });
  });

  it.each([
    // Printed text.
    'การสำรวจพื้นที่เกษตรกรรม',
    // Words alone that are words without the mark: ที, นำ, ขอ …
    'นำเสนอที่ประชุมทีละเรื่อง',
    'ขอเสนอโครงการ',
    'ขอส่งรองเรียนรายงาน',
    // A vowel read otherwise is another text (ำ read as า, ี as ิ).
    'รถบรรทุกน้า',
    'พื้นทิ',
    // Two tone marks where the compound has none: not one speck.
    'ติ่ดเชื้อ่',
    'ร่าชก้าร',
    // The compound's last letter carries a vowel of the next syllable, or its first a
    // leading vowel: the letters belong to other words.
    'ที่ดินี',
    'เติดเชือ',
  ])('leaves %s as it is', (text) => {
    expect(repairToneMarks(text)).toEqual({ text, repaired: false });
  });
});
