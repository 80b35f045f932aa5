import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Unit } from 'src/modules/organisations/unit.entity.js';

export const LETTER_KINDS = [
  'external',
  'memo',
  'stamped',
  'directive',
  'notice',
  'record',
] as const;
/** หนังสือภายนอก, ภายใน (บันทึกข้อความ), ประทับตรา, สั่งการ, ประชาสัมพันธ์, ที่เจ้าหน้าที่ทำขึ้น (ระเบียบฯ ข้อ ๙–๑๐). */
export type LetterKind = (typeof LETTER_KINDS)[number];

export const SPEED_CODES = ['none', 'urgent', 'very_urgent', 'most_urgent'] as const;
export type Speed = (typeof SPEED_CODES)[number];

export const SECRECY_CODES = ['none', 'confidential', 'secret', 'top_secret'] as const;
export type Secrecy = (typeof SECRECY_CODES)[number];

export interface LetterReference {
  raw: string;
  agencyPrefix: string | null;
  agencyNumber: string | null;
  circular: boolean;
  serial: number | null;
  date: string | null;
  /** The letter in this system it points to, when one matches. */
  letterId: string | null;
}

/**
 * A letter as a document (src/modules/letters/README.md). What was printed is kept raw beside
 * the normalised value (invariant 7): the system suggests corrections, never rewrites.
 */
@Entity({ name: 'letters' })
@Check(
  'letters_kind_check',
  `"kind" IN ('external', 'memo', 'stamped', 'directive', 'notice', 'record')`,
)
@Check('letters_speed_check', `"speed" IN ('none', 'urgent', 'very_urgent', 'most_urgent')`)
// ลับที่สุด stays out of the electronic system (see src/modules/letters/README.md#secrecy).
@Check('letters_secrecy_check', `"secrecy" IN ('none', 'confidential', 'secret')`)
@Index('letters_reference_idx', ['agencyPrefix', 'agencyNumber', 'serial'])
@Index('letters_root_idx', ['rootLetterId'])
@Index('letters_created_unit_idx', ['createdUnitId', 'createdAt'])
// Search pages newest first: a common word walks this index instead of sorting every match.
@Index('letters_created_idx', ['createdAt', 'id'])
// Hand-written in the migrations: GIN trigram indexes on the search form of the text
// (saraban_search_form: Thai marks replaced by letters) for Thai substring search.
@Index('letters_subject_form_trgm_idx', { synchronize: false })
@Index('letters_sender_form_trgm_idx', { synchronize: false })
@Index('letters_reference_form_trgm_idx', { synchronize: false })
export class Letter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: LetterKind;

  @Column({ type: 'text', default: 'none' })
  speed: Speed;

  /** "ด่วนภายใน <date time>": the instant it must reach the addressee. */
  @Column({ name: 'speed_deadline', type: 'timestamptz', nullable: true })
  speedDeadline: Date | null;

  @Column({ type: 'text', default: 'none' })
  secrecy: Secrecy;

  /** ที่ as printed, e.g. มท ๐๒๑๐.๕/ว๑๐๕๕๗. */
  @Column({ name: 'reference_raw', type: 'text', nullable: true })
  referenceRaw: string | null;

  @Column({ name: 'agency_prefix', type: 'text', nullable: true })
  agencyPrefix: string | null;

  /** ASCII digits and dots, leading zeros kept. */
  @Column({ name: 'agency_number', type: 'text', nullable: true })
  agencyNumber: string | null;

  @Column({ type: 'boolean', default: false })
  circular: boolean;

  @Column({ type: 'integer', nullable: true })
  serial: number | null;

  @Column({ name: 'letter_date_raw', type: 'text', nullable: true })
  letterDateRaw: string | null;

  @Column({ name: 'letter_date', type: 'date', nullable: true })
  letterDate: string | null;

  /**
   * Suggested correction when a January year slip is suspected (see
   * src/modules/letters/README.md#raw-text-kept).
   */
  @Column({ name: 'suggested_letter_date', type: 'date', nullable: true })
  suggestedLetterDate: string | null;

  @Column({ type: 'text' })
  subject: string;

  /** เรียน / ถึง. */
  @Column({ type: 'text', nullable: true })
  addressee: string | null;

  /** อ้างถึง, resolved to letters of this system where they match. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  references: LetterReference[];

  /** สิ่งที่ส่งมาด้วย. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  enclosures: string[];

  @Column({ type: 'jsonb', nullable: true })
  signatory: { name: string | null; position: string | null } | null;

  /** The sending unit, when it is a unit of this system. */
  @Column({ name: 'sender_unit_id', type: 'uuid', nullable: true })
  senderUnitId: string | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'sender_unit_id', foreignKeyConstraintName: 'letters_sender_unit_fk' })
  senderUnit?: Unit | null;

  /** The sender as printed (agency and owning unit). */
  @Column({ name: 'sender_text', type: 'text', nullable: true })
  senderText: string | null;

  /** ส่วนราชการเจ้าของเรื่อง as printed at the foot (or the memo's head), for checking. */
  @Column({ name: 'owner_unit', type: 'text', nullable: true })
  ownerUnit: string | null;

  /** The first letter of the chain; a letter that starts a chain is its own root. */
  @Column({ name: 'root_letter_id', type: 'uuid' })
  rootLetterId: string;

  /** For a re-issued letter: the upstream letter it encloses. */
  @Column({ name: 'encloses_letter_id', type: 'uuid', nullable: true })
  enclosesLetterId: string | null;

  @ManyToOne(() => Letter, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'encloses_letter_id', foreignKeyConstraintName: 'letters_encloses_fk' })
  enclosesLetter?: Letter | null;

  /** Warnings of the intake parser (year slip, inconsistent dates, …). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings: unknown[];

  /** Receipt stamps already on the paper when it arrived, as the intake parser read them. */
  @Column({ name: 'printed_stamps', type: 'jsonb', default: () => "'[]'" })
  printedStamps: unknown[];

  /** The unit whose clerk created the record: it may see the letter before registering it. */
  @Column({ name: 'created_unit_id', type: 'uuid' })
  createdUnitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_unit_id', foreignKeyConstraintName: 'letters_created_unit_fk' })
  createdUnit?: Unit;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
