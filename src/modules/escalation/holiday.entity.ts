import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A day government offices are closed (วันหยุดราชการ), as data: the fixed-date national
 * holidays are seeded; lunar, substitution (ชดเชย) and special holidays the Cabinet declares
 * are added by an administrator (see src/modules/escalation/README.md#holidays).
 */
@Entity({ name: 'holidays' })
@Check('holidays_source_check', `"source" IN ('seed', 'admin')`)
export class Holiday {
  /** Bangkok calendar date, ISO (Gregorian). */
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ name: 'name_th', type: 'text' })
  nameTh: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', default: 'admin' })
  source: 'seed' | 'admin';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
