import type { OutboundText } from 'src/modules/notifications/outbound.channel.js';
import { formatThaiDate, formatThaiTime } from 'src/thai/be-date.js';
import { bangkokDate, bangkokTime } from 'src/thai/calendar.js';

/** An instant as a clerk reads it: Bangkok date and time, `๗ มิถุนายน ๒๕๗๐ เวลา ๑๑.๐๐ น.` */
function thaiInstant(iso: string): string | null {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return null;
  return `${formatThaiDate(bangkokDate(at), { digits: 'thai' })} เวลา ${formatThaiTime(bangkokTime(at), { digits: 'thai' })}`;
}

/** A calendar date (YYYY-MM-DD) in the official style. */
function thaiDate(iso: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatThaiDate(iso, { digits: 'thai' }) : null;
}

/**
 * Plain Thai text of an outbound notification, from its in-app payload. It names the
 * letter by its ที่ (reference number) and the sender's เลขรับ/เลขทะเบียน, which a person
 * types into the system's search, and never carries a link (invariant 8). The subject
 * appears only when the payload has one (never for secret letters).
 */
export function notificationText(kind: string, payload: Record<string, unknown>): OutboundText {
  const text = (key: string): string | null => {
    const value = payload[key];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const number = (key: string): number | null => {
    const value = payload[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : null;
  };
  const letter = [
    `หนังสือที่ ${text('reference') ?? '(ไม่มีเลขที่)'}`,
    number('senderReceiptNumber') !== null
      ? `เลขทะเบียนของหน่วยผู้ส่ง ${number('senderReceiptNumber')}`
      : null,
    number('receiptNumber') !== null ? `เลขรับ ${number('receiptNumber')}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  const subjectLine = text('subject') ? `เรื่อง ${text('subject')}` : null;
  const lookUp = 'โปรดค้นหาด้วยเลขที่หนังสือในระบบสารบรรณ';
  const recipient = text('recipientUnitName');
  const dueAt = text('dueAt');
  const due = text('dueAtText') ?? (dueAt ? (thaiInstant(dueAt) ?? dueAt) : null);

  let headline: string;
  switch (kind) {
    case 'escalation.reminder':
      headline = `เตือน: หนังสือยังไม่ได้ลงรับ เกินกำหนด${due ? ` (${due})` : ''}`;
      break;
    case 'escalation.head':
      headline = `แจ้งหัวหน้าหน่วยงาน: ${recipient ?? 'หน่วยงาน'} ยังไม่ได้ลงรับหนังสือที่เกินกำหนด`;
      break;
    case 'escalation.supervisor': {
      const overdue = number('overdueCount');
      headline = `แจ้งหน่วยงานผู้ส่งต่อ: ${recipient ?? 'หน่วยงานผู้รับ'} ยังไม่ได้ลงรับ${
        overdue !== null ? ` (หน่วยงานที่ค้างทั้งหมด ${overdue} แห่ง)` : ''
      }`;
      break;
    }
    case 'escalation.registry':
      headline = `รายงานหน่วยงานเจ้าของเรื่อง: ${recipient ?? 'หน่วยงานผู้รับ'} ยังไม่ได้ลงรับหนังสือ`;
      break;
    case 'delivery.unactionable':
      headline = `หยุดการเตือน: ${recipient ?? 'หน่วยงานผู้รับ'} ไม่มีผู้ได้รับอนุญาตให้เข้าถึงหนังสือชั้นความลับนี้ จึงไม่มีผู้ลงรับหรือส่งคืนได้ โปรดพิจารณายกเลิกหรือส่งถึงหน่วยงานอื่น`;
      break;
    case 'delivery.escalation-resumed':
      headline = `เตือนต่อ: ${recipient ?? 'หน่วยงานผู้รับ'} มีผู้ได้รับอนุญาตให้เข้าถึงหนังสือชั้นความลับนี้แล้ว ระบบกลับมาเตือนและเร่งรัดการลงรับตามลำดับขั้น`;
      break;
    case 'digest': {
      const date = text('date');
      return {
        kind,
        subject: `สรุปงานสารบรรณประจำวันที่ ${date ? (thaiDate(date) ?? date) : ''}`.trim(),
        body: [
          `การแจ้งเตือนที่ยังไม่ได้อ่าน ${number('unread') ?? 0} รายการ`,
          `หนังสือรอลงรับ ${number('pending') ?? 0} ฉบับ (เกินกำหนด ${number('overdue') ?? 0} ฉบับ)`,
          'โปรดเข้าสู่ระบบสารบรรณเพื่อดูรายละเอียด',
        ].join('\n'),
      };
    }
    default:
      headline = `การแจ้งเตือน (${kind})`;
  }
  return {
    kind,
    subject: headline,
    body: [headline, letter, subjectLine, lookUp].filter(Boolean).join('\n'),
  };
}
