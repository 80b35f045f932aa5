import { toDigits } from '../../lib/thai';
import type { Clearance, Role } from './types';

// The unit kinds and their Thai labels are the server's own list (pure data, no imports).
export { UNIT_KINDS } from '../../../modules/organisations/unit-kind';

export const ROLE_LABEL: Record<Role, string> = {
  clerk: 'เจ้าหน้าที่สารบรรณ',
  official: 'เจ้าหน้าที่ผู้ปฏิบัติ',
  head: 'หัวหน้าหน่วยงาน',
  admin: 'ผู้ดูแลระบบของหน่วยงาน',
};

export const CLEARANCE_LABEL: Record<Clearance, string> = {
  none: 'ไม่มี',
  confidential: 'ลับ',
  secret: 'ลับมาก',
};

/** Units a duration is edited in: minutes, hours, or working days of `dayMinutes`. */
export type TimeUnit = 'minute' | 'hour' | 'day';

export const TIME_UNIT_LABEL: Record<TimeUnit, string> = {
  minute: 'นาทีทำการ',
  hour: 'ชั่วโมงทำการ',
  day: 'วันทำการ',
};

export function unitMinutes(unit: TimeUnit, dayMinutes: number): number {
  return unit === 'day' ? dayMinutes : unit === 'hour' ? 60 : 1;
}

/** The largest unit that divides the minutes exactly, for editing. */
export function editingUnit(minutes: number, dayMinutes: number): TimeUnit {
  if (minutes % dayMinutes === 0) return 'day';
  if (minutes % 60 === 0) return 'hour';
  return 'minute';
}

/** Working time as an office says it: "๑ วันทำการ", "๒ ชั่วโมงทำการ", "๑ วันทำการ ๓๐ นาทีทำการ". */
export function formatWorkingTime(minutes: number, dayMinutes: number): string {
  const days = Math.floor(minutes / dayMinutes);
  const hours = Math.floor((minutes % dayMinutes) / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} ${TIME_UNIT_LABEL.day}`);
  if (hours) parts.push(`${hours} ${TIME_UNIT_LABEL.hour}`);
  if (rest || parts.length === 0) parts.push(`${rest} ${TIME_UNIT_LABEL.minute}`);
  return toDigits(parts.join(' '), 'thai');
}

/** A whole number typed in Thai or Arabic digits; null when it is not one. */
export function parseCount(text: string): number | null {
  const arabic = toDigits(text.trim(), 'arabic');
  return /^\d{1,6}$/.test(arabic) ? Number(arabic) : null;
}
