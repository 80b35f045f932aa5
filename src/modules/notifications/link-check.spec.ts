import { describe, expect, it } from 'vitest';
import { containsLink } from 'src/modules/notifications/link-check.js';
import { notificationText } from 'src/modules/notifications/notification-text.js';

describe('containsLink (invariant 8)', () => {
  it.each([
    'ดูรายละเอียดที่ https://example.go.th/x',
    'http://10.0.0.1:8080',
    'เข้า www.moi.go.th',
    'ตรวจสอบที่ example.go.th ได้เลย',
    'กด bit.ly/3abc',
    'เพิ่มเพื่อน line://ti/p/@abc',
    'lin.ee/AbCd',
    'ktb.co.th',
    'โทร tel:1111',
    'mailto:someone',
    'สมัครที่ moi . go . th',
    'ไปที่ ตัวอย่าง.ไทย',
  ])('refuses %s', (text) => {
    expect(containsLink(text)).toBe(true);
  });

  it.each([
    'ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗',
    'ที่ มท 0210.5/263 ลงวันที่ 12 มกราคม 2568',
    'เลขรับ 520 เวลา 10.55 น.',
    'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์',
    'นายสมชาย ใจดี ผวจ.ร้อยเอ็ด',
  ])('lets %s through', (text) => {
    expect(containsLink(text)).toBe(false);
  });

  it('looks inside objects and arrays', () => {
    expect(containsLink({ a: ['x', { b: 'www.x.com' }] })).toBe(true);
  });

  it('escalation texts name the letter by ที่ and เลขทะเบียน, and no subject unless given', () => {
    const text = notificationText('escalation.reminder', {
      reference: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
      senderReceiptNumber: 229,
      dueAt: '2026-04-16T02:30:00.000Z',
    });
    expect(text.body).toContain('หนังสือที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗');
    expect(text.body).toContain('229');
    expect(text.body).not.toContain('เรื่อง');
    expect(containsLink([text.subject, text.body])).toBe(false);
  });
});
