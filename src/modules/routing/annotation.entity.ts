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
import { RegisterEntry } from 'src/modules/registers/register-entry.entity.js';

/**
 * The head's order or a staff note on a received letter: ทราบ, ดำเนินการ, เห็นชอบ, อนุมัติ,
 * or anything else (`other`).
 */
export const ANNOTATION_DECISIONS = [
  { code: 'noted', label: 'ทราบ' },
  { code: 'proceed', label: 'ดำเนินการ' },
  { code: 'agreed', label: 'เห็นชอบ' },
  { code: 'approved', label: 'อนุมัติ' },
  { code: 'other', label: 'อื่น ๆ' },
] as const;
export type AnnotationDecision = (typeof ANNOTATION_DECISIONS)[number]['code'];
export const ANNOTATION_DECISION_CODES: readonly AnnotationDecision[] = ANNOTATION_DECISIONS.map(
  (d) => d.code,
);

/**
 * เกษียนหนังสือ (see src/modules/routing/README.md#annotations): an append-only note on a unit's
 * receipt, with its author, position, unit and time. A trigger refuses UPDATE and DELETE.
 */
@Entity({ name: 'annotations' })
@Check(
  'annotations_decision_check',
  `"decision" IS NULL OR "decision" IN ('noted', 'proceed', 'agreed', 'approved', 'other')`,
)
@Index('annotations_entry_idx', ['registerEntryId', 'createdAt', 'id'])
export class Annotation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'register_entry_id', type: 'uuid' })
  registerEntryId: string;

  @ManyToOne(() => RegisterEntry, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'register_entry_id', foreignKeyConstraintName: 'annotations_entry_fk' })
  registerEntry?: RegisterEntry;

  @Column({ name: 'letter_id', type: 'uuid' })
  letterId: string;

  @Column({ name: 'unit_id', type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'annotations_unit_fk' })
  unit?: Unit;

  @Column({ name: 'author_user_id', type: 'uuid' })
  authorUserId: string;

  /** Name and position as they were when written: a later promotion does not rewrite history. */
  @Column({ name: 'author_name', type: 'text' })
  authorName: string;

  @Column({ name: 'author_position', type: 'text', nullable: true })
  authorPosition: string | null;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', nullable: true })
  decision: AnnotationDecision | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
