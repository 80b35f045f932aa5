import { defineErrors } from 'src/common/domain-error.js';

export const MailboxErrors = defineErrors({
  MAILBOX_UNIT_NOT_FOUND: {
    status: 404,
    title: 'Unit not found',
    detail: 'ไม่พบหน่วยงานที่ระบุ หรือท่านไม่ใช่เจ้าหน้าที่สารบรรณของหน่วยงานนี้',
  },
  MAILBOX_DRAFT_NOT_FOUND: {
    status: 404,
    title: 'Draft not found',
    detail: 'ไม่พบร่างหนังสือจากอีเมลที่ระบุ',
  },
  MAILBOX_DRAFT_CLOSED: {
    status: 409,
    title: 'Draft already decided',
    detail: 'ร่างหนังสือจากอีเมลนี้ได้รับการยืนยันหรือยกเลิกไปแล้ว',
  },
  MAILBOX_CURSOR_INVALID: {
    status: 400,
    title: 'Invalid cursor',
    detail: 'ตัวชี้หน้าถัดไป (cursor) ไม่ถูกต้อง กรุณาเริ่มจากหน้าแรก',
  },
});
