import { defineErrors } from 'src/common/domain-error.js';

export const LetterErrors = defineErrors({
  LETTER_NOT_FOUND: { status: 404, title: 'Letter not found', detail: 'ไม่พบหนังสือที่ระบุ' },
  LETTER_TOP_SECRET: {
    status: 422,
    title: 'Top-secret letters stay out of the system',
    detail: 'หนังสือชั้นลับที่สุดต้องไม่นำเข้าระบบสารบรรณอิเล็กทรอนิกส์',
  },
  LETTER_SECRECY_ABOVE_CLEARANCE: {
    status: 422,
    title: 'Secrecy above your clearance',
    detail: 'ท่านไม่มีสิทธิ์บันทึกหนังสือที่มีชั้นความลับระดับนี้',
  },
  LETTER_UNIT_REQUIRED: {
    status: 400,
    title: 'Acting unit required',
    detail: 'ท่านสังกัดหลายหน่วยงาน กรุณาระบุ unitId ของหน่วยงานที่บันทึกหนังสือ',
  },
  LETTER_UNIT_NOT_ACTED_FOR: {
    status: 404,
    title: 'Unit not found',
    detail: 'ไม่พบหน่วยงานที่ระบุในหน่วยงานที่ท่านปฏิบัติหน้าที่',
  },
  LETTER_FILE_NOT_FOUND: {
    status: 404,
    title: 'File not found',
    detail: 'ไม่พบไฟล์ที่ระบุ หรือท่านไม่มีสิทธิ์ใช้ไฟล์นี้',
  },
  LETTER_REFERENCE_INVALID: {
    status: 400,
    title: 'Reference number cannot be read',
    detail: 'อ่านเลขที่หนังสือ (ที่) ไม่ได้ กรุณาตรวจสอบรูปแบบ เช่น มท ๐๒๑๐.๕/ว๑๐๕๕๗',
  },
  LETTER_DATE_INVALID: {
    status: 400,
    title: 'Letter date cannot be read',
    detail: 'อ่านวันที่ของหนังสือไม่ได้ กรุณาระบุเช่น ๑๒ มกราคม ๒๕๖๙',
  },
  LETTER_TEXT_EMPTY: { status: 400, title: 'Empty text', detail: 'ไม่มีข้อความหนังสือให้อ่าน' },
  LETTER_TEXT_TOO_LARGE: {
    status: 413,
    title: 'Text too large',
    detail: 'ข้อความหนังสือยาวเกิน 200 KB',
  },
  LETTER_SUBJECT_MISSING: {
    status: 422,
    title: 'No subject',
    detail: 'ไม่พบเรื่องของหนังสือ กรุณาระบุ subject',
  },
  SEARCH_QUERY_TOO_SHORT: {
    status: 400,
    title: 'Search text too short',
    detail: 'คำค้นต้องยาวอย่างน้อย ๓ ตัวอักษร',
  },
  SEARCH_CURSOR_INVALID: {
    status: 400,
    title: 'Invalid cursor',
    detail: 'ค่า cursor ไม่ถูกต้อง',
  },
});
