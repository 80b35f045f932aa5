import { defineErrors } from 'src/common/domain-error.js';

export const NotificationErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: {
    status: 404,
    title: 'Notification not found',
    detail: 'ไม่พบการแจ้งเตือนที่ระบุ',
  },
  NOTIFICATION_CURSOR_INVALID: {
    status: 400,
    title: 'Invalid cursor',
    detail: 'ค่า cursor ไม่ถูกต้อง',
  },
  NOTIFICATION_HAS_LINK: {
    status: 500,
    title: 'Notification carries a link',
    detail: 'การแจ้งเตือนต้องไม่มีลิงก์ (ใช้เลขอ้างอิงที่ค้นในระบบได้แทน)',
  },
});
