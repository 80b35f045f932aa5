import { defineErrors } from 'src/common/domain-error.js';

export const FileErrors = defineErrors({
  FILE_MISSING: {
    status: 400,
    title: 'No file in the request',
    detail: 'ไม่พบไฟล์ในคำขอ กรุณาแนบไฟล์ PDF หนึ่งไฟล์ในช่อง file',
  },
  FILE_UNIT_REQUIRED: {
    status: 400,
    title: 'Uploading unit required',
    detail: 'กรุณาระบุ unitId ของหน่วยงานที่อัปโหลดไฟล์ (ท่านปฏิบัติหน้าที่หลายหน่วยงาน หรือไม่พบหน่วยงานที่ระบุ)',
  },
  FILE_TOO_LARGE: {
    status: 413,
    title: 'File too large',
    detail: 'ไฟล์มีขนาดใหญ่เกินกำหนด',
  },
  FILE_NOT_PDF: {
    status: 415,
    title: 'Not a PDF file',
    detail: 'ไฟล์นี้ไม่ใช่ไฟล์ PDF (ไม่พบส่วนหัว %PDF-)',
  },
  FILE_PDF_UNPARSEABLE: {
    status: 422,
    title: 'PDF cannot be read',
    detail: 'ไม่สามารถอ่านไฟล์ PDF นี้ได้ ไฟล์อาจเสียหาย',
  },
  FILE_PDF_ENCRYPTED: {
    status: 422,
    title: 'PDF is encrypted',
    detail: 'ไฟล์ PDF นี้ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้ กรุณาส่งไฟล์ที่ไม่เข้ารหัส',
  },
  FILE_PDF_TOO_MANY_PAGES: {
    status: 422,
    title: 'PDF has too many pages',
    detail: 'ไฟล์ PDF มีจำนวนหน้ามากเกินกำหนด',
  },
  FILE_PDF_ACTIVE_CONTENT: {
    status: 422,
    title: 'PDF contains active content',
    detail:
      'ไฟล์ PDF นี้มีเนื้อหาที่สั่งทำงานได้ (สคริปต์ คำสั่งเปิดโปรแกรม การส่งข้อมูล สื่อฝัง หรือไฟล์แนบฝัง) ระบบไม่รับไฟล์ลักษณะนี้เพื่อความปลอดภัย',
  },
  FILE_PDF_CHECK_LIMIT: {
    status: 422,
    title: 'PDF check exceeded its limits',
    detail: 'การตรวจสอบไฟล์ PDF ใช้เวลาหรือหน่วยความจำเกินกำหนด',
  },
  FILE_NOT_FOUND: {
    status: 404,
    title: 'File not found',
    detail: 'ไม่พบไฟล์ที่ร้องขอ',
  },
  FILE_READING_NOT_DONE: {
    status: 409,
    title: 'File has not been read yet',
    detail: 'ระบบยังอ่านข้อความจากไฟล์นี้ไม่เสร็จ กรุณารอให้การอ่านเสร็จก่อน (ดูสถานะที่ /files/{id}/reading)',
  },
});
