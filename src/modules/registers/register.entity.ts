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

export const REGISTER_KINDS = ['incoming', 'outgoing', 'circular', 'custom'] as const;
/** ทะเบียนหนังสือรับ, ทะเบียนหนังสือส่ง, ทะเบียนหนังสือเวียน (ว), and a unit's own books. */
export type RegisterKind = (typeof REGISTER_KINDS)[number];

/**
 * A book of numbers kept by a unit (see src/modules/registers/README.md#kinds). Incoming-style
 * registers hand out receipt numbers (เลขรับ); outgoing and circular registers hand out the serials
 * of ที่.
 */
@Entity({ name: 'registers' })
@Check('registers_kind_check', `"kind" IN ('incoming', 'outgoing', 'circular', 'custom')`)
@Check('registers_direction_check', `"direction" IN ('incoming', 'outgoing')`)
@Index('registers_unit_name_key', ['unitId', 'name'], { unique: true })
export class Register {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'registers_unit_fk' })
  unit?: Unit;

  @Column({ type: 'text' })
  kind: RegisterKind;

  /** Whether its entries are letters received (เลขรับ) or letters sent (เลขส่ง). */
  @Column({ type: 'text' })
  direction: 'incoming' | 'outgoing';

  /** e.g. ทะเบียนหนังสือรับ, ทะเบียนคำสั่ง, ทะเบียนหนังสือลับ. */
  @Column({ type: 'text' })
  name: string;

  /** A secret register: only users cleared for this level see its entries. */
  @Column({ name: 'min_clearance', type: 'text', default: 'none' })
  minClearance: 'none' | 'confidential' | 'secret';

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
