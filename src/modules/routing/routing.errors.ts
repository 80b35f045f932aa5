import { defineErrors } from 'src/common/domain-error.js';

export const RoutingErrors = defineErrors({
  DELIVERY_NOT_FOUND: { status: 404, title: 'Delivery not found', detail: 'ไม่พบรายการส่งหนังสือที่ระบุ' },
  FORWARD_NOT_FOUND: { status: 404, title: 'Forward not found', detail: 'ไม่พบรายการส่งต่อที่ระบุ' },
  DELIVERY_NOT_PENDING: {
    status: 409,
    title: 'Delivery is not pending',
    detail: 'หนังสือฉบับนี้ไม่อยู่ในสถานะรอลงรับ (ลงรับแล้ว ส่งคืน หรือผู้ส่งยกเลิกแล้ว)',
  },
  DELIVERY_WRONG_UNIT: {
    status: 409,
    title: 'Delivery is addressed to another unit',
    detail: 'หนังสือฉบับนี้ส่งถึงหน่วยงานอื่น ไม่ใช่หน่วยงานของทะเบียนนี้',
  },
  DELIVERY_TRANSITION_NOT_ALLOWED: {
    status: 409,
    title: 'Impossible delivery state change',
    detail: 'ไม่สามารถเปลี่ยนสถานะของรายการส่งหนังสือนี้ได้',
  },
  FORWARD_ENTRY_CANCELLED: {
    status: 409,
    title: 'Register entry is cancelled',
    detail: 'รายการลงรับนี้ถูกยกเลิกแล้ว จึงส่งต่อไม่ได้',
  },
  FORWARD_NO_RECIPIENTS: {
    status: 422,
    title: 'No recipients',
    detail: 'ไม่พบหน่วยงานผู้รับตามที่ระบุ',
  },
  FORWARD_RECIPIENT_NOT_FOUND: {
    status: 422,
    title: 'Unknown recipient units',
    detail: 'ไม่พบหน่วยงานผู้รับบางแห่ง หรือหน่วยงานนั้นปิดการใช้งานแล้ว',
  },
  FORWARD_RECIPIENT_OUT_OF_SCOPE: {
    status: 422,
    title: 'Recipients outside your subtree',
    detail: 'ส่งต่อได้เฉพาะหน่วยงานในสังกัดของหน่วยงานผู้ส่ง',
  },
  FORWARD_NO_CLEARED_MEMBER: {
    status: 422,
    title: 'Recipients with nobody cleared to act on the letter',
    detail:
      'ส่งต่อไม่ได้: หน่วยงานผู้รับบางแห่งไม่มีเจ้าหน้าที่สารบรรณหรือหัวหน้าหน่วยงานที่ได้รับอนุญาตให้เข้าถึงหนังสือชั้นความลับนี้ จึงไม่มีผู้ลงรับหรือส่งคืนได้ (ดูรายชื่อหน่วยงานใน units)',
  },
  FORWARD_DEADLINE_INVALID: {
    status: 400,
    title: 'Response deadline cannot be read',
    detail: 'อ่านกำหนดวันตอบไม่ได้ หรือกำหนดวันอยู่ในอดีต',
  },
  FORWARD_UNIT_NOT_FOUND: {
    status: 404,
    title: 'Unit not found',
    detail: 'ไม่พบหน่วยงานที่ระบุ',
  },
  FORWARD_SEARCH_TOO_SHORT: {
    status: 400,
    title: 'Search text too short',
    detail: 'พิมพ์ชื่อหน่วยงานอย่างน้อย ๒ ตัวอักษร',
  },
  ROUTING_CURSOR_INVALID: { status: 400, title: 'Invalid cursor', detail: 'ค่า cursor ไม่ถูกต้อง' },
  ROUTING_UNIT_REQUIRED: {
    status: 400,
    title: 'Unit required',
    detail: 'ท่านสังกัดหลายหน่วยงาน กรุณาระบุ unitId',
  },
});
