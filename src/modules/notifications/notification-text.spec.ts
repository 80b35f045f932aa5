import { describe, expect, it } from 'vitest';
import { notificationText } from 'src/modules/notifications/notification-text.js';

describe('notificationText', () => {
  it('gives the due time as a clerk reads it: Bangkok, Buddhist era, Thai digits', () => {
    const message = notificationText('escalation.reminder', {
      reference: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
      dueAt: '2027-06-07T04:00:00.000Z',
    });
    expect(message.subject).toBe('เตือน: หนังสือยังไม่ได้ลงรับ เกินกำหนด (๗ มิถุนายน ๒๕๗๐ เวลา ๑๑.๐๐ น.)');
    expect(message.body).not.toContain('2027');
  });

  it('keeps a ready-made due text, and dates the digest in the official style', () => {
    expect(
      notificationText('escalation.reminder', { dueAtText: 'ภายในวันนี้', dueAt: 'x' }).subject,
    ).toContain('(ภายในวันนี้)');
    expect(notificationText('digest', { date: '2026-12-01', unread: 2 }).subject).toBe(
      'สรุปงานสารบรรณประจำวันที่ ๑ ธันวาคม ๒๕๖๙',
    );
  });
});
