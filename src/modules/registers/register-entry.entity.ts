import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Letter } from 'src/modules/letters/letter.entity.js';
import { Register } from 'src/modules/registers/register.entity.js';

/**
 * A line in a register: the number it got and what the register shows in its columns
 * (เลขทะเบียน, ที่, ลงวันที่, จาก, ถึง, เรื่อง, การปฏิบัติ, หมายเหตุ). Number, register and year
 * never change (a trigger refuses it); a mistake is cancelled and replaced, both linked.
 */
@Entity({ name: 'register_entries' })
@Index('register_entries_number_key', ['registerId', 'beYear', 'number'], { unique: true })
// (letter, register): a letter's receipts, and one unit's receipt of a letter, in one probe.
@Index('register_entries_letter_register_idx', ['letterId', 'registerId'])
@Index('register_entries_register_time_idx', ['registerId', 'registeredAt'])
@Check('register_entries_status_check', `"status" IN ('active', 'cancelled')`)
@Check('register_entries_number_check', `"number" > 0`)
export class RegisterEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'register_id', type: 'uuid' })
  registerId: string;

  @ManyToOne(() => Register, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_id', foreignKeyConstraintName: 'register_entries_register_fk' })
  register?: Register;

  @Column({ name: 'be_year', type: 'integer' })
  beYear: number;

  /** เลขทะเบียนรับ / เลขทะเบียนส่ง. */
  @Column({ type: 'integer' })
  number: number;

  @Column({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @ManyToOne(() => Letter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'letter_id', foreignKeyConstraintName: 'register_entries_letter_fk' })
  letter?: Letter;

  /** When the number was taken (the stamp's date and time, shown in Bangkok time). */
  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** การปฏิบัติ: what was done with it, e.g. which division it went to. */
  @Column({ type: 'text', nullable: true })
  action: string | null;

  /** หมายเหตุ. */
  @Column({ type: 'text', nullable: true })
  remarks: string | null;

  @Column({ type: 'text', default: 'active' })
  status: 'active' | 'cancelled';

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /**
   * Cancel-and-replace, linked both ways (see src/modules/registers/README.md#cancel-and-replace).
   */
  @Column({ name: 'replaces_entry_id', type: 'uuid', nullable: true })
  replacesEntryId: string | null;

  @Column({ name: 'replaced_by_entry_id', type: 'uuid', nullable: true })
  replacedByEntryId: string | null;

  /** The delivery this registration acknowledges (routing), if it came through one. */
  @Column({ name: 'delivery_id', type: 'uuid', nullable: true })
  deliveryId: string | null;

  /** For outgoing registers: the ที่ given to the letter, as formatted for the unit. */
  @Column({ name: 'issued_reference', type: 'text', nullable: true })
  issuedReference: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
