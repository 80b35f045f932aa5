import { defineErrors } from 'src/common/domain-error.js';

/**
 * Errors of the unit tree. UNIT_NOT_FOUND is also the answer for a unit the caller may
 * not see or administer: a denied unit looks exactly like a missing one.
 */
export const OrganisationsErrors = defineErrors({
  UNIT_NOT_FOUND: {
    status: 404,
    title: 'Unit not found',
    detail: 'ไม่พบหน่วยงานที่ระบุ',
  },
  PARENT_NOT_FOUND: {
    status: 404,
    title: 'Parent unit not found',
    detail: 'ไม่พบหน่วยงานต้นสังกัดที่ระบุ',
  },
  UNIT_CYCLE: {
    status: 409,
    title: 'A unit cannot be moved under itself or its own descendant',
    detail: 'ไม่สามารถย้ายหน่วยงานไปอยู่ใต้หน่วยงานนั้นเองหรือหน่วยงานในสังกัดของตนได้',
  },
  PARENT_INACTIVE: {
    status: 409,
    title: 'The parent unit is inactive',
    detail: 'หน่วยงานต้นสังกัดถูกยกเลิกการใช้งานแล้ว',
  },
  UNIT_HAS_ACTIVE_CHILDREN: {
    status: 409,
    title: 'The unit still has active units under it',
    detail: 'ยังมีหน่วยงานในสังกัดที่ใช้งานอยู่ กรุณายกเลิกหน่วยงานในสังกัดก่อน',
  },
  SEARCH_TOO_SHORT: {
    status: 400,
    title: 'Search text too short',
    detail: 'คำค้นต้องมีอย่างน้อย 3 ตัวอักษร',
  },
  INVALID_CURSOR: {
    status: 400,
    title: 'Invalid cursor',
    detail: 'ตัวชี้หน้าถัดไป (cursor) ไม่ถูกต้อง',
  },
  UNIT_REFERENCE_AMBIGUOUS: {
    status: 409,
    title: 'More than one unit matches',
    detail: 'มีหน่วยงานตรงกับที่ระบุมากกว่าหนึ่งหน่วย กรุณาระบุด้วยรหัสหน่วยงาน',
  },
});
