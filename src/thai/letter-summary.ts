/**
 * A readable Thai summary of a parsed letter, for `parse-letter --format text`.
 * Derived values (dates, numbers, reference numbers) are written in the chosen digit set
 * with Buddhist-era years; printed text (subject, names) is shown as printed.
 */
import { formatThaiDate, formatThaiTime } from 'src/thai/be-date.js';
import { convertDigits, type DigitSet } from 'src/thai/digits.js';
import type { LetterKind, LetterWarning, ParsedLetter } from 'src/thai/letter-parser.js';
import { formatReferenceNumber } from 'src/thai/reference-number.js';

const KIND_LABELS: Readonly<Record<LetterKind, string>> = {
  external: 'หนังสือภายนอก',
  memo: 'หนังสือภายใน (บันทึกข้อความ)',
  stamped: 'หนังสือประทับตรา',
};

const NONE = '-';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  referenceNumber: 'เลขที่หนังสือ',
  letterDate: 'วันที่ของหนังสือ',
  subject: 'เรื่อง',
  salutation: 'คำขึ้นต้น',
  urgency: 'ชั้นความเร็ว',
  secrecy: 'ชั้นความลับ',
  signatory: 'ผู้ลงนาม',
  ownerUnit: 'ส่วนราชการเจ้าของเรื่อง',
};

export interface SummaryOptions {
  digits?: DigitSet;
}

function warningText(w: LetterWarning, digits: DigitSet): string {
  const date = (iso: string): string => formatThaiDate(iso, { digits });
  const n = (i: number): string => convertDigits(String(i + 1), digits);
  switch (w.code) {
    case 'year_slip':
      return `ปี พ.ศ. ของวันที่หนังสืออาจพิมพ์ผิด น่าจะเป็น ${date(w.suggested)} (ไม่ได้แก้ไขให้)`;
    case 'cited_date_after_letter_date':
      return w.field === 'references'
        ? `หนังสืออ้างถึงรายการที่ ${n(w.index)} ลงวันที่ ${date(w.date)} หลังวันที่ของหนังสือนี้`
        : `สิ่งที่ส่งมาด้วยรายการที่ ${n(w.index)} ลงวันที่ ${date(w.date)} หลังวันที่ของหนังสือนี้`;
    case 'letter_date_after_receipt':
      return `วันที่ของหนังสือหลังวันที่รับตามตรารับที่ ${n(w.index)} (${date(w.date)})`;
    case 'invalid_date':
      return 'วันที่ของหนังสือไม่มีในปฏิทิน';
    case 'invalid_reference_number':
      return 'อ่านเลขที่หนังสือไม่ได้';
    case 'legacy_encoding':
      return `พบข้อความที่น่าจะเข้ารหัสผิด (${w.sample})`;
    case 'low_confidence':
      return `ระบบอ่าน${FIELD_LABELS[w.field] ?? w.field}ได้ไม่แน่ชัด (ความมั่นใจ ${convertDigits(String(Math.round(w.confidence * 100)), digits)}%) กรุณาตรวจกับต้นฉบับ`;
  }
}

/** The multi-line summary; lines are joined with \n, no trailing newline. */
export function formatLetterSummary(parsed: ParsedLetter, options: SummaryOptions = {}): string {
  const digits = options.digits ?? 'thai';
  const n = (i: number): string => convertDigits(String(i), digits);
  const date = (iso: string | null): string =>
    iso === null ? NONE : formatThaiDate(iso, { digits });
  const out: string[] = [];
  const list = (title: string, items: string[]): void => {
    out.push(`${title}: ${items.length === 0 ? NONE : ''}`.trimEnd());
    items.forEach((item, i) => out.push(`  ${n(i + 1)}. ${item}`));
  };

  out.push(`ประเภท: ${KIND_LABELS[parsed.kind]}`);
  out.push(`ชั้นความเร็ว: ${parsed.urgency ?? NONE}`);
  out.push(`ชั้นความลับ: ${parsed.secrecy ?? NONE}`);
  out.push(
    `ที่: ${parsed.referenceNumber === null ? NONE : formatReferenceNumber(parsed.referenceNumber, { digits })}`,
  );
  if (parsed.letterDate === null) {
    out.push(`ลงวันที่: ${NONE}`);
  } else {
    const read = parsed.letterDate.date === null ? 'อ่านไม่ได้' : date(parsed.letterDate.date);
    out.push(`ลงวันที่: ${read} (ตามที่พิมพ์: ${parsed.letterDate.raw})`);
  }
  out.push(`เรื่อง: ${parsed.subject ?? NONE}`);
  out.push(`${parsed.kind === 'stamped' ? 'ถึง' : 'เรียน'}: ${parsed.salutation ?? NONE}`);
  list(
    'อ้างถึง',
    parsed.references.map((r) => {
      const number =
        r.agencyPrefix === null || r.agencyNumber === null || r.serial === null
          ? '(ไม่มีเลขที่)'
          : `ที่ ${formatReferenceNumber({ agencyPrefix: r.agencyPrefix, agencyNumber: r.agencyNumber, circular: r.circular === true, serial: r.serial }, { digits })}`;
      return r.date === null ? number : `${number} ลงวันที่ ${date(r.date)}`;
    }),
  );
  list('สิ่งที่ส่งมาด้วย', parsed.enclosures);
  out.push(
    `ผู้ลงนาม: ${
      parsed.signatory === null
        ? NONE
        : `${parsed.signatory.name}${parsed.signatory.position === null ? '' : ` (${parsed.signatory.position})`}`
    }`,
  );
  out.push(`ส่วนราชการเจ้าของเรื่อง: ${parsed.ownerUnit ?? NONE}`);
  list(
    'ตรารับ',
    parsed.receiptStamps.map((s) =>
      [
        s.unit ?? '(ไม่ระบุหน่วยงาน)',
        `เลขรับ ${s.receiptNumber === null ? NONE : n(s.receiptNumber)}`,
        `วันที่ ${s.date === null ? NONE : formatThaiDate(s.date, { digits, style: 'register' })}`,
        ...(s.time === null ? [] : [`เวลา ${formatThaiTime(s.time, { digits })}`]),
      ].join(' '),
    ),
  );
  out.push(`ข้อสังเกต: ${parsed.warnings.length === 0 ? NONE : ''}`.trimEnd());
  for (const w of parsed.warnings) out.push(`  - ${warningText(w, digits)}`);
  return out.join('\n');
}
