import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import type { Speed } from 'src/modules/letters/letter.entity.js';

/**
 * Deadline policy of one speed class (ชั้นความเร็ว), in working minutes. The regulation
 * gives no numbers; these rows are the agency's policy and an administrator changes them.
 * A delivery's due time is fixed when it is created, from the row as it was then.
 */
@Entity({ name: 'escalation_policies' })
@Check(
  'escalation_policies_speed_check',
  `"speed" IN ('none', 'urgent', 'very_urgent', 'most_urgent')`,
)
@Check('escalation_policies_ack_check', `"ack_working_minutes" > 0`)
@Check('escalation_policies_steps_check', `cardinality("step_working_minutes") <= 3`)
export class EscalationPolicy {
  @PrimaryColumn({ type: 'text' })
  speed: Speed;

  /** Working minutes the recipient has to register (ลงรับ) before level 1. */
  @Column({ name: 'ack_working_minutes', type: 'integer' })
  ackWorkingMinutes: number;

  /**
   * Working minutes from each level to the next: `[1→2, 2→3, 3→4]`. Its length + 1 is the
   * number of levels the ladder climbs (1 to 4).
   */
  @Column({ name: 'step_working_minutes', type: 'integer', array: true })
  stepWorkingMinutes: number[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;
}
