import { describe, expect, it } from 'vitest';
import { parseLetter } from 'src/thai/letter-parser.js';

/**
 * The letter's numbers as OCR of a scan leaves them: reference numbers, letter dates and
 * the citations and enclosures around them.
 */
const lines = (...l: string[]): string => l.join('\n');

describe('letter date: a receipt stamp dated with วันที่ above the head', () => {
  it('takes the unlabelled date under the reference number, not the stamp line above it', () => {
    // A receipt stamp read in pieces: its second date line is left in the head.
    const parsed = parseLetter(
      lines(
        '๒ ก.ค. ๒๕๖๗',
        'กอง ๑๔',
        'กลุ่มงานแผนงาน',
        "5' 0       เลขที่รับ ex     1",
        'วันที 3 ก.ค. 2567',
        'เวลา 13.20 น.',
        'ที่ ลป ๐๐๒๓.๓/๕๑๒',
        '            ๒๘ มิถุนายน ๒๕๖๗',
        'เรื่อง  แจ้งกำหนดการ',
        'เรียน  ผู้ว่าราชการจังหวัดลำปาง',
      ),
    );
    expect(parsed.letterDate).toEqual({ raw: '๒๘ มิถุนายน ๒๕๖๗', date: '2024-06-28' });
  });

  it('still takes a labelled date above a reference number when the head has no other', () => {
    const parsed = parseLetter(
      lines('วันที่ ๓ กรกฎาคม ๒๕๖๗', 'ที่ ชม ๐๐๑๗.๒/๘๘', 'เรื่อง  ขอเชิญประชุม', 'เรียน  นายอำเภอทุกอำเภอ'),
    );
    expect(parsed.letterDate?.date).toBe('2024-07-03');
  });

  it('keeps a memo’s วันที่ on its own line, above or below ที่', () => {
    const parsed = parseLetter(
      lines(
        'บันทึกข้อความ',
        'ส่วนราชการ  สำนักงานจังหวัดตาก กลุ่มงานอำนวยการ',
        'วันที่ 21 สิงหาคม 2568',
        'ที่ ตก 0017.1/77',
        'เรื่อง  ขออนุมัติ',
        'เรียน  ผู้ว่าราชการจังหวัดตาก',
      ),
    );
    expect(parsed.letterDate?.date).toBe('2025-08-21');
  });
});
