import { defineErrors } from 'src/common/domain-error.js';

/** Sign-in and token errors. Sign-in failures never say whether the username exists. */
export const AuthErrors = defineErrors({
  INVALID_CREDENTIALS: {
    status: 401,
    title: 'Invalid username or password',
    detail: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
  },
  TOKEN_INVALID: {
    status: 401,
    title: 'Invalid or expired token',
    detail: 'โทเค็นไม่ถูกต้องหรือหมดอายุ กรุณาเข้าสู่ระบบใหม่',
  },
  REFRESH_TOKEN_INVALID: {
    status: 401,
    title: 'Invalid refresh token',
    detail: 'โทเค็นสำหรับต่ออายุไม่ถูกต้องหรือหมดอายุ กรุณาเข้าสู่ระบบใหม่',
  },
  REFRESH_TOKEN_REUSED: {
    status: 401,
    title: 'Refresh token reused; the session was ended',
    detail: 'โทเค็นสำหรับต่ออายุถูกใช้ซ้ำ ระบบจึงยุติการเข้าสู่ระบบนี้ทั้งหมด กรุณาเข้าสู่ระบบใหม่',
  },
  CSRF_CHECK_FAILED: {
    status: 403,
    title: 'Cookie request without the session header or from another origin',
    detail: 'คำขอนี้ไม่ได้มาจากหน้าจอของระบบ จึงไม่ได้ดำเนินการ กรุณาเข้าสู่ระบบใหม่',
  },
  LOGIN_THROTTLED: {
    status: 429,
    title: 'Too many sign-in attempts',
    detail: 'พยายามเข้าสู่ระบบผิดหลายครั้งเกินไป กรุณารอสักครู่แล้วลองใหม่',
  },
});
