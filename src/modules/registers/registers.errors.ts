import { defineErrors } from 'src/common/domain-error.js';

export const RegisterErrors = defineErrors({
  REGISTER_NOT_FOUND: { status: 404, title: 'Register not found', detail: 'ไม่พบทะเบียนที่ระบุ' },
  REGISTER_ENTRY_NOT_FOUND: {
    status: 404,
    title: 'Register entry not found',
    detail: 'ไม่พบรายการในทะเบียนที่ระบุ',
  },
  REGISTER_INACTIVE: {
    status: 409,
    title: 'Register is closed',
    detail: 'ทะเบียนนี้ปิดการใช้งานแล้ว ไม่สามารถออกเลขได้',
  },
  REGISTER_WRONG_DIRECTION: {
    status: 409,
    title: 'Wrong kind of register',
    detail: 'ทะเบียนนี้ใช้ออกเลขประเภทอื่น (ทะเบียนรับใช้ลงรับ ทะเบียนส่งและหนังสือเวียนใช้ออกเลขที่หนังสือ)',
  },
  REGISTER_CLEARANCE: {
    status: 404,
    title: 'Register not found',
    detail: 'ไม่พบทะเบียนที่ระบุ',
  },
  BATCH_REJECTED: {
    status: 422,
    title: 'Batch rejected: some items cannot be registered',
    detail: 'ลงรับทั้งชุดไม่ได้ มีบางรายการที่ลงรับไม่ได้ (ดูลำดับรายการใน errors) จึงยังไม่ได้ลงรับรายการใดเลย',
  },
  DUPLICATE_BATCH_ITEM: {
    status: 422,
    title: 'Item repeats an earlier item of the batch',
    detail: 'รายการนี้ซ้ำกับรายการก่อนหน้าในชุดเดียวกัน',
  },
  LETTER_NOT_REGISTRABLE: {
    status: 422,
    title: 'Letter cannot be registered here',
    detail: 'หนังสือนี้มีชั้นความลับสูงกว่าที่ทะเบียนนี้รับได้ กรุณาลงรับในทะเบียนหนังสือลับ',
  },
  ENTRY_ALREADY_CANCELLED: {
    status: 409,
    title: 'Entry already cancelled',
    detail: 'รายการนี้ถูกยกเลิกไปแล้ว',
  },
  ENTRY_REPLACEMENT_MISMATCH: {
    status: 422,
    title: 'Replacement must be in the same register',
    detail: 'รายการที่ใช้แทนต้องอยู่ในทะเบียนเดียวกัน',
  },
  FLOOR_BELOW_USED: {
    status: 409,
    title: 'Opening number is below numbers already used',
    detail: 'เลขเริ่มต้นต่ำกว่าหรือเท่ากับเลขที่ออกไปแล้วในปีนี้',
  },
  FLOOR_AFTER_FIRST_ENTRY: {
    status: 409,
    title: 'Year already started',
    detail: 'ทะเบียนนี้ออกเลขในปีดังกล่าวไปแล้ว จึงกำหนดเลขเริ่มต้นไม่ได้ (เลขต้องต่อเนื่องไม่ขาดช่วง)',
  },
  DATE_UNPARSEABLE: {
    status: 400,
    title: 'Date cannot be read',
    detail: 'อ่านวันที่ไม่ได้ กรุณาระบุเป็น ๑๕ ม.ค. ๒๕๖๙, 15/01/2569 หรือ 2026-01-15',
  },
  UNIT_HAS_NO_LETTER_CODE: {
    status: 409,
    title: 'Unit has no letter code',
    detail: 'หน่วยงานนี้ยังไม่มีรหัสพยัญชนะหรือเลขประจำของเจ้าของเรื่อง จึงออกเลขที่หนังสือไม่ได้',
  },
  PRINTOUT_LIMIT_EXCEEDED: {
    status: 422,
    title: 'The printout is too large to make',
    detail: 'ทะเบียนช่วงวันที่นี้มีรายการมากเกินกว่าจะพิมพ์ได้ภายในเวลาหรือหน่วยความจำที่กำหนด กรุณาเลือกช่วงวันที่ให้สั้นลง',
  },
});
