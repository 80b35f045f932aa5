import { defineErrors } from 'src/common/domain-error.js';

export const EscalationErrors = defineErrors({
  HOLIDAY_NOT_FOUND: {
    status: 404,
    title: 'Holiday not found',
    detail: 'ไม่พบวันหยุดในวันที่ระบุ',
  },
  HOLIDAY_YEAR_MISMATCH: {
    status: 400,
    title: 'Holiday outside the imported year',
    detail: 'วันหยุดที่นำเข้าต้องอยู่ในปีที่ระบุ',
  },
  POLICY_INVALID: {
    status: 400,
    title: 'Invalid escalation policy',
    detail: 'นโยบายกำหนดเวลาไม่ถูกต้อง',
  },
});
