import { describe, expect, it } from 'vitest';
import { parseLetter, type ParsedLetter } from 'src/thai/letter-parser.js';
import { formatLetterSummary } from 'src/thai/letter-summary.js';

const seedLike: ParsedLetter = {
  kind: 'external',
  urgency: 'ด่วนที่สุด',
  secrecy: null,
  referenceNumber: {
    raw: 'มท ๐๒๑๐.๕/๒๖๓',
    agencyPrefix: 'มท',
    agencyNumber: '0210.5',
    circular: false,
    serial: 263,
  },
  letterDate: { raw: '๑๒ มกราคม ๒๕๖๘', date: '2025-01-12' },
  subject: 'ทดสอบ SMS',
  salutation: 'ผู้ว่าราชการจังหวัดทุกจังหวัด',
  references: [
    {
      raw: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      circular: true,
      serial: 10557,
      date: '2025-11-19',
    },
    { raw: null, agencyPrefix: null, agencyNumber: null, circular: null, serial: null, date: null },
  ],
  enclosures: ['แบบรายงาน จำนวน ๑ ฉบับ'],
  signatory: { name: 'นายสมชาย ใจดี', position: 'ปลัดกระทรวงมหาดไทย' },
  ownerUnit: 'สำนักงานปลัดกระทรวง',
  receiptStamps: [{ unit: null, receiptNumber: 26, date: '2026-01-15', time: '10:55' }],
  warnings: [{ code: 'year_slip', field: 'letterDate', suggested: '2026-01-12' }],
};

describe('formatLetterSummary', () => {
  it('writes every field with Buddhist-era dates in Thai digits by default', () => {
    expect(formatLetterSummary(seedLike).split('\n')).toEqual([
      'ประเภท: หนังสือภายนอก',
      'ชั้นความเร็ว: ด่วนที่สุด',
      'ชั้นความลับ: -',
      'ที่: มท ๐๒๑๐.๕/๒๖๓',
      'ลงวันที่: ๑๒ มกราคม ๒๕๖๘ (ตามที่พิมพ์: ๑๒ มกราคม ๒๕๖๘)',
      'เรื่อง: ทดสอบ SMS',
      'เรียน: ผู้ว่าราชการจังหวัดทุกจังหวัด',
      'อ้างถึง:',
      '  ๑. ที่ มท ๐๒๑๐.๕/ว ๑๐๕๕๗ ลงวันที่ ๑๙ พฤศจิกายน ๒๕๖๘',
      '  ๒. (ไม่มีเลขที่)',
      'สิ่งที่ส่งมาด้วย:',
      '  ๑. แบบรายงาน จำนวน ๑ ฉบับ',
      'ผู้ลงนาม: นายสมชาย ใจดี (ปลัดกระทรวงมหาดไทย)',
      'ส่วนราชการเจ้าของเรื่อง: สำนักงานปลัดกระทรวง',
      'ตรารับ:',
      '  ๑. (ไม่ระบุหน่วยงาน) เลขรับ ๒๖ วันที่ ๑๕ ม.ค. ๒๕๖๙ เวลา ๑๐.๕๕ น.',
      'ข้อสังเกต:',
      '  - ปี พ.ศ. ของวันที่หนังสืออาจพิมพ์ผิด น่าจะเป็น ๑๒ มกราคม ๒๕๖๙ (ไม่ได้แก้ไขให้)',
    ]);
  });

  it('writes derived values in Arabic digits when asked, printed text as printed', () => {
    const text = formatLetterSummary(seedLike, { digits: 'arabic' });
    expect(text).toContain('ที่: มท 0210.5/263');
    expect(text).toContain('ลงวันที่: 12 มกราคม 2568 (ตามที่พิมพ์: ๑๒ มกราคม ๒๕๖๘)');
    expect(text).toContain('  1. (ไม่ระบุหน่วยงาน) เลขรับ 26 วันที่ 15 ม.ค. 2569 เวลา 10.55 น.');
    expect(text).toContain('  1. แบบรายงาน จำนวน ๑ ฉบับ');
  });

  it('shows dashes for an empty parse and ถึง for a stamped letter', () => {
    const empty = parseLetter('');
    expect(formatLetterSummary(empty)).toContain('เรื่อง: -');
    expect(formatLetterSummary({ ...empty, kind: 'stamped' })).toContain('ถึง: -');
    expect(formatLetterSummary(empty)).toContain('ตรารับ: -');
  });

  it('describes every warning in Thai', () => {
    const text = formatLetterSummary({
      ...seedLike,
      warnings: [
        { code: 'cited_date_after_letter_date', field: 'references', index: 0, date: '2026-03-15' },
        { code: 'cited_date_after_letter_date', field: 'enclosures', index: 1, date: '2026-03-15' },
        { code: 'letter_date_after_receipt', field: 'receiptStamps', index: 0, date: '2026-01-01' },
        { code: 'invalid_date', field: 'letterDate', reason: 'impossible_date' },
        { code: 'invalid_reference_number', field: 'referenceNumber', reason: 'no_slash' },
        { code: 'legacy_encoding', field: 'text', sample: 'Ë¹Ñ§' },
      ],
    });
    expect(text.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(6);
  });
});
