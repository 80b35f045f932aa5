import { defineErrors } from 'src/common/domain-error.js';

/** Errors of users and memberships. USER_NOT_FOUND also answers for a user the caller may not see. */
export const UsersErrors = defineErrors({
  USER_NOT_FOUND: { status: 404, title: 'User not found', detail: 'ไม่พบผู้ใช้ที่ระบุ' },
  MEMBERSHIP_NOT_FOUND: {
    status: 404,
    title: 'Membership not found',
    detail: 'ไม่พบการสังกัดหน่วยงานที่ระบุ',
  },
  UNIT_NOT_FOUND: { status: 404, title: 'Unit not found', detail: 'ไม่พบหน่วยงานที่ระบุ' },
  USERNAME_TAKEN: {
    status: 409,
    title: 'Username already taken',
    detail: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว กรุณาเลือกชื่ออื่น',
  },
  WEAK_PASSWORD: {
    status: 422,
    title: 'Password does not meet the policy',
    detail:
      'รหัสผ่านต้องยาว 12 ถึง 256 ตัวอักษร มีอักขระอย่างน้อยสองประเภท (ตัวพิมพ์เล็ก ตัวพิมพ์ใหญ่ ตัวเลข อักขระอื่น) ต้องไม่มีชื่อผู้ใช้อยู่ในรหัสผ่าน และต้องไม่มีอักขระที่มองไม่เห็น (เช่น อักขระควบคุมหรืออักขระความกว้างศูนย์)',
  },
  CLEARANCE_ABOVE_OWN: {
    status: 422,
    title: 'Cannot grant a clearance above your own',
    detail: 'ไม่สามารถกำหนดชั้นความลับที่สูงกว่าชั้นความลับของตนเองได้',
  },
  ACTING_SPAN_INVALID: {
    status: 422,
    title: 'Acting-head span is invalid',
    detail: 'การรักษาราชการแทนต้องเป็นตำแหน่งหัวหน้า และระบุวันเริ่มต้นและวันสิ้นสุด โดยวันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น',
  },
  INVALID_CURSOR: {
    status: 400,
    title: 'Invalid cursor',
    detail: 'ตัวชี้หน้าถัดไปไม่ถูกต้อง กรุณาเริ่มรายการใหม่',
  },
  CANNOT_DEACTIVATE_SELF: {
    status: 422,
    title: 'Cannot close your own account',
    detail: 'ไม่สามารถปิดการใช้งานบัญชีของตนเองได้ ให้ผู้ดูแลระบบคนอื่นเป็นผู้ดำเนินการ',
  },
  MEMBERSHIP_ALREADY_ENDED: {
    status: 409,
    title: 'Membership already ended',
    detail: 'การสังกัดหน่วยงานนี้สิ้นสุดไปแล้ว',
  },
});
