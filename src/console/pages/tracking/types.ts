/**
 * The tracking answers as the console reads them. Their OpenAPI documents are examples
 * (src/modules/routing/tracking.controller.ts, routing.controller.ts), not typed schemas,
 * so the shapes are written down here once.
 */
export interface LevelCounts {
  level: number;
  total: number;
  received: number;
  pending: number;
  returned: number;
  overdue?: number;
}

export interface SentLetter {
  rootLetterId: string;
  letterId: string;
  reference: string | null;
  speed: string;
  secrecy: string;
  subject?: string;
  firstSentAt: string;
  lastSentAt: string;
  totals: { total: number; received: number; pending: number; returned: number; overdue: number };
  levels: LevelCounts[];
}

export interface SentLettersPage {
  unitId: string;
  asOf: string;
  items: SentLetter[];
  nextCursor: string | null;
}

export interface PendingUnit {
  unitId: string;
  nameTh: string;
  kind: string;
  deliveryId: string;
  pendingSince: string;
  dueAt: string | null;
  ageHours: number;
  overdue: boolean;
  escalationLevel: number;
  nextEscalationAt: string | null;
}

export interface ChildRollup {
  unitId: string;
  nameTh: string | null;
  kind: string | null;
  total: number;
  received: number;
  pending: number;
  returned: number;
}

export interface Progress {
  rootLetterId: string;
  unit: { id: string; nameTh: string; kind: string };
  units: { total: number; received: number; pending: number; returned: number; cancelled: number };
  levels: LevelCounts[];
  children: ChildRollup[];
  notReceived: { items: PendingUnit[]; nextCursor: string | null };
}

export interface AckSeries {
  by: 'hour' | 'day';
  total: number;
  firstSentAt: string | null;
  points: { at: string; count: number; received: number; share: number }[];
}

export interface OverdueItem {
  deliveryId: string;
  letterId: string;
  reference: string | null;
  speed: string;
  secrecy: string;
  subject?: string;
  senderName: string;
  sentAt: string;
  dueAt: string;
  level: number;
  ageHours: number;
  overdueHours: number;
  nextEscalationAt: string | null;
}

export interface OverduePage {
  unitId: string;
  asOf: string;
  groups: { unitId: string; nameTh: string; kind: string; overdue: number; items: OverdueItem[] }[];
  nextCursor: string | null;
}

export interface OverdueLevels {
  total: number;
  levels: { level: number; count: number }[];
}

/** ระดับการเร่งรัด as a supervisor reads it (escalation README: the ladder's rungs). */
export const LEVEL_LABEL: Record<number, string> = {
  0: 'ยังไม่เร่งรัด',
  1: 'ระดับ ๑ เตือนงานสารบรรณ',
  2: 'ระดับ ๒ แจ้งหัวหน้าหน่วยงาน',
  3: 'ระดับ ๓ แจ้งหัวหน้าผู้ส่ง',
  4: 'ระดับ ๔ แจ้งต้นเรื่อง',
};
