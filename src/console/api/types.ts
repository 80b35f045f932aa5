/**
 * Shapes of the answers the console reads. The OpenAPI document describes most answers by
 * example, so the generated types cover paths, parameters and request bodies; these
 * interfaces name the fields of the answers the screens use.
 */
export interface Me {
  user: { id: string; username: string; displayName: string; positionTitle: string | null };
  units: { unitId: string; unitName: string; roles: string[]; seesSubtree: boolean }[];
  actingHeadOf: { unitId: string; unitName: string }[];
  unitIds: string[];
}

export interface Unit {
  id: string;
  nameTh: string;
  shortName: string | null;
  referenceDigits: 'thai' | 'arabic';
}

export interface Register {
  id: string;
  unitId: string;
  kind: string;
  direction: 'incoming' | 'outgoing';
  name: string;
  active: boolean;
}

export interface InboxItem {
  deliveryId: string;
  letterId: string;
  reference: string | null;
  letterDateRaw: string | null;
  speed: string;
  secrecy: string;
  subject: string;
  senderName: string;
  sentAt: string;
  dueAt: string | null;
  ageHours: number;
  overdue: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Entry {
  id: string;
  registerId: string;
  receiptNumber: number;
  beYear: number;
  receivedAt: string;
  letterId: string;
  status: 'active' | 'cancelled';
  cancelReason?: string | null;
  issuedReference?: string | null;
  referenceNumber?: string;
  display: { receiptNumber: string; date: string; time: string };
  warnings: { code: string; message: string; receiptNumber?: number }[];
}

export interface Letter {
  id: string;
  kind: string;
  speed: string;
  secrecy: string;
  referenceRaw: string | null;
  letterDateRaw: string | null;
  letterDate: string | null;
  subject: string;
  addressee: string | null;
  senderText?: string | null;
  fileIds: string[];
}

export interface ParsedLetter {
  kind: string;
  urgency: string | null;
  secrecy: string | null;
  referenceNumber: { raw: string } | null;
  letterDate: { raw: string; date: string | null } | null;
  subject: string | null;
  salutation: string | null;
  references: { raw: string | null }[];
  enclosures: string[];
  signatory: { name: string; position: string | null } | null;
  ownerUnit: string | null;
  receiptStamps: {
    unit: string | null;
    receiptNumber: number | null;
    date: string | null;
    time: string | null;
  }[];
  warnings: { code: string; field: string; suggested?: string; reason?: string; sample?: string }[];
  /** Per-field confidence from a scanned page's OCR (0–1), when the text came from OCR. */
  confidence?: Record<string, number>;
  lowConfidence?: string[];
  low_confidence?: string[];
}

export interface Notification {
  id: string;
  kind: string;
  payload: { reference?: string; subject?: string; fromUnitName?: string; speed?: string };
  createdAt: string;
  readAt: string | null;
}

export interface UploadedFile {
  id: string;
  pages: number;
  size: number;
}
