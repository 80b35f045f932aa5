import { defineErrors } from 'src/common/domain-error.js';

export const ReceiptErrors = defineErrors({
  ENTRY_NOT_FOUND: { status: 404, title: 'Register entry not found', detail: 'ไม่พบรายการลงรับที่ระบุ' },
  LETTER_HAS_NO_FILE: {
    status: 404,
    title: 'The letter has no PDF',
    detail: 'หนังสือนี้ยังไม่มีไฟล์ PDF จึงประทับตรารับไม่ได้',
  },
  NOT_A_RECEIPT: {
    status: 409,
    title: 'Not a receipt',
    detail: 'รายการนี้เป็นการออกเลขหนังสือส่ง ไม่ใช่การลงรับ จึงไม่มีตรารับ',
  },
  ORIGINAL_CANNOT_BE_STAMPED: {
    status: 422,
    title: 'The original cannot be stamped',
    detail: 'ไม่สามารถประทับตรารับบนไฟล์ต้นฉบับนี้ได้',
  },
  STAMP_LIMIT_EXCEEDED: {
    status: 422,
    title: 'The original is too heavy to stamp',
    detail:
      'ไฟล์ต้นฉบับนี้ใหญ่หรือซับซ้อนเกินกว่าจะประทับตรารับได้ภายในเวลาหรือหน่วยความจำที่กำหนด กรุณาลดขนาดไฟล์ (เช่น สแกนใหม่หรือบีบอัด) แล้วแนบใหม่',
  },
});
