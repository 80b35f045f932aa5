import { execFileSync } from 'node:child_process';

import fc from 'fast-check';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  renderRegisterCsv,
  renderRegisterPrintout,
  type RegisterPrintoutInput,
  type RegisterPrintoutRow,
} from 'src/modules/registers/register-printout.renderer.js';

/** Page text in content-stream order; a missing pdftotext fails the test, never skips it. */
function pageText(pdf: Uint8Array, page: number): string {
  try {
    return execFileSync(
      'pdftotext',
      ['-raw', '-enc', 'UTF-8', '-f', `${page}`, '-l', `${page}`, '-', '-'],
      { input: pdf, maxBuffer: 64 * 1024 * 1024 },
    ).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftotext is missing: install poppler-utils (apt-get install poppler-utils)',
        {
          cause: error,
        },
      );
    }
    throw error;
  }
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');
const thai = (n: number, width = 1): string =>
  String(n)
    .padStart(width, '0')
    .replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);

const SUBJECTS = [
  'ขอความร่วมมืองดส่งข้อความสั้น (SMS) และไปรษณีย์อิเล็กทรอนิกส์ที่มีลิงก์ถึงประชาชน ตามมติคณะรัฐมนตรี',
  'ขอเชิญประชุมคณะกรรมการพัฒนาจังหวัดร้อยเอ็ด ครั้งที่ ๑/๒๕๖๙',
  'การเตรียมความพร้อมรับมือสถานการณ์ภัยแล้งและการบริหารจัดการน้ำในพื้นที่ลุ่มน้ำชี ' +
    'ปู่ ญี่ปุ่น ปั้น ฟั่น ฤๅษี ผู้ว่าราชการจังหวัดขอให้ทุกอำเภอรายงานผลการดำเนินงานภายในวันที่ ๓๑ มกราคม ๒๕๖๙',
  'ทราบ',
];

/** Row i: a receipt number no other row's text contains, and a subject that names it. */
const row = (i: number): RegisterPrintoutRow => ({
  receiptNumber: `รับ${thai(i + 1, 3)}`,
  referenceNumber: `มท ๐๒๑๐.๕/ว${thai(10000 + i)}`,
  letterDate: `${thai((i % 28) + 1)} ม.ค. ๒๕๖๙`,
  from: i % 3 ? 'กระทรวงมหาดไทย' : 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดร้อยเอ็ด',
  to: 'ผู้ว่าราชการจังหวัดร้อยเอ็ด',
  subject: `${SUBJECTS[i % SUBJECTS.length]} (แถว ${thai(i + 1, 3)})`,
  action: i % 2 ? 'กลุ่มงานยุทธศาสตร์' : 'ส่งอำเภอทุกอำเภอและ อปท. ทราบ',
  remarks: i % 5 ? '-' : 'ด่วนที่สุด',
});

const INPUT: RegisterPrintoutInput = {
  unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
  registerName: 'ทะเบียนหนังสือรับ',
  periodText: '๑ ม.ค. ๒๕๖๙ – ๓๑ ม.ค. ๒๕๖๙',
  digits: 'thai',
  rows: Array.from({ length: 120 }, (_, i) => row(i)),
};

const HEADERS = ['เลขทะเบียนรับ', 'ที่', 'ลงวันที่', 'จาก', 'ถึง', 'เรื่อง', 'การปฏิบัติ', 'หมายเหตุ'];

describe('renderRegisterPrintout', () => {
  let pdf: Uint8Array;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderRegisterPrintout(INPUT);
    const count = (await PDFDocument.load(pdf)).getPageCount();
    pages = Array.from({ length: count }, (_, k) => pageText(pdf, k + 1));
  });

  it('prints A4 landscape pages, several for 120 long rows', async () => {
    const doc = await PDFDocument.load(pdf);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of doc.getPages()) {
      expect(page.getWidth()).toBeCloseTo(841.89, 1);
      expect(page.getHeight()).toBeCloseTo(595.28, 1);
    }
  });

  it('repeats the header and numbers every page หน้า k/N in Thai digits', () => {
    pages.forEach((text, k) => {
      expect(text).toContain(`หน้า ${thai(k + 1)}/${thai(pages.length)}`);
      expect(text).toContain(INPUT.unitName);
      expect(text).toContain(INPUT.periodText);
      expect(text).toContain(INPUT.registerName);
      // Column headers, in the regulation's order (a long header may wrap inside its cell).
      const squeezed = squeeze(text);
      let from = 0;
      for (const header of HEADERS) {
        const at = squeezed.indexOf(header, from);
        expect(at, `${header} on page ${k + 1}`).toBeGreaterThanOrEqual(from);
        from = at + header.length;
      }
    });
  });

  it('prints every row once, whole on one page, in order', () => {
    const squeezed = pages.map(squeeze);
    let lastPage = 0;
    INPUT.rows.forEach((r) => {
      const onPages = squeezed.flatMap((text, k) => (text.includes(r.receiptNumber) ? [k] : []));
      expect(onPages, `${r.receiptNumber} printed once`).toHaveLength(1);
      const [k] = onPages;
      expect(k).toBeGreaterThanOrEqual(lastPage);
      lastPage = k;
      // The wrapped subject is contiguous in content order, so the whole text is on page k.
      expect(squeezed[k]).toContain(squeeze(r.subject));
      expect(squeezed[k]).toContain(squeeze(r.from));
      expect(squeezed[k]).toContain(squeeze(r.referenceNumber));
    });
  });

  it('gives the same bytes for the same input', async () => {
    const again = await renderRegisterPrintout(structuredClone(INPUT));
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('takes the first header from the caller, and Arabic page numbers', async () => {
    const out = await renderRegisterPrintout({
      ...INPUT,
      registerName: 'ทะเบียนหนังสือส่ง',
      numberColumnHeader: 'เลขทะเบียนส่ง',
      digits: 'arabic',
      rows: INPUT.rows.slice(0, 3),
    });
    const text = pageText(out, 1);
    expect(squeeze(text)).toContain('เลขทะเบียนส่ง');
    expect(squeeze(text)).not.toContain('เลขทะเบียนรับ');
    expect(text).toContain('หน้า 1/1');
  });

  it('prints an empty period as one page that says so', async () => {
    const out = await renderRegisterPrintout({ ...INPUT, rows: [] });
    expect((await PDFDocument.load(out)).getPageCount()).toBe(1);
    expect(pageText(out, 1)).toContain('ไม่มีรายการ');
    expect(pageText(out, 1)).toContain('หน้า ๑/๑');
  });

  it('continues a row taller than a whole page on the next page, losing nothing', async () => {
    const huge = 'รายละเอียดของเรื่องที่ยาวมากเป็นพิเศษ ผู้ว่าราชการจังหวัดสั่งการ '.repeat(50);
    const blank = {
      referenceNumber: '',
      letterDate: '',
      from: '',
      to: '',
      action: '',
      remarks: '',
    };
    const out = await renderRegisterPrintout({
      ...INPUT,
      rows: [row(0), { ...row(1), ...blank, subject: huge }, row(2)],
    });
    const count = (await PDFDocument.load(out)).getPageCount();
    expect(count).toBeGreaterThanOrEqual(2);
    // Each page's body follows its column headers, the last of which is หมายเหตุ; a
    // continued part starts with the entry's number marked (ต่อ).
    const continued = `${row(1).receiptNumber}(ต่อ)`;
    const bodies = Array.from({ length: count }, (_, k) => {
      const text = squeeze(pageText(out, k + 1));
      const body = text.slice(text.indexOf('หมายเหตุ') + 'หมายเหตุ'.length);
      if (k > 0) expect(body.startsWith(continued)).toBe(true);
      return body.replace(continued, '');
    });
    expect(bodies.join('')).toContain(
      squeeze(`${row(1).receiptNumber}${huge}${row(2).receiptNumber}`),
    );
  });
});

/** RFC 4180 reader, for checking what a spreadsheet would read back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

const values = (r: RegisterPrintoutRow): string[] => [
  r.receiptNumber,
  r.referenceNumber,
  r.letterDate,
  r.from,
  r.to,
  r.subject,
  r.action,
  r.remarks,
];

describe('renderRegisterCsv', () => {
  it('starts with a UTF-8 BOM and the header row, one record per row, CRLF ends', () => {
    const csv = renderRegisterCsv(INPUT);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${HEADERS.join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([HEADERS, ...INPUT.rows.map(values)]);
  });

  it('round-trips quotes, commas and line breaks', () => {
    const tricky: RegisterPrintoutRow = {
      ...row(0),
      subject: 'เรื่อง "ด่วน", ขอเชิญประชุม\nบรรทัดที่สอง\r\nบรรทัดที่สาม',
      from: 'กระทรวงมหาดไทย, กรมการปกครอง',
      remarks: '"',
      action: '',
    };
    const csv = renderRegisterCsv({ ...INPUT, numberColumnHeader: 'เลขทะเบียนส่ง', rows: [tricky] });
    const [header, record] = parseCsv(csv.slice(1));
    expect(header[0]).toBe('เลขทะเบียนส่ง');
    expect(record).toEqual(values(tricky));
  });

  it('round-trips any text that is not a spreadsheet formula', () => {
    const text = fc
      .string({ unit: fc.constantFrom('ก', 'ู', '่', 'a', ' ', ',', '"', '\n', '\r', '๑') })
      .filter((cell) => !cell.startsWith('\r')); // a leading CR is defused, as below
    fc.assert(
      fc.property(fc.array(text, { minLength: 8, maxLength: 8 }), (cells) => {
        const [receiptNumber, referenceNumber, letterDate, from, to, subject, action, remarks] =
          cells;
        const r = {
          receiptNumber,
          referenceNumber,
          letterDate,
          from,
          to,
          subject,
          action,
          remarks,
        };
        const [, record] = parseCsv(renderRegisterCsv({ ...INPUT, rows: [r] }).slice(1));
        expect(record).toEqual(cells);
      }),
    );
  });

  it('defuses cells a spreadsheet would run as formulas, and leaves a lone dash alone', () => {
    const r = { ...row(0), subject: '=HYPERLINK("http://x","คลิก")', action: '+1', remarks: '-' };
    const [, record] = parseCsv(renderRegisterCsv({ ...INPUT, rows: [r] }).slice(1));
    expect(record[5]).toBe(`'${r.subject}`);
    expect(record[6]).toBe("'+1");
    expect(record[7]).toBe('-');
  });
});
