import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { col, execute, queryRows } from 'src/database/rows.js';
import type { EscalationHaltReason } from 'src/modules/routing/delivery.entity.js';

/**
 * What the escalation ladder writes on a delivery, for the escalation module (it reads
 * deliveries through `deliveries_read`, see README.md#tables). Called in the ladder's
 * transaction, after it locked the delivery row.
 */
@Injectable()
export class DeliveryLadderRepository {
  /** The ladder has started: the delivery leaves the sweep's level-1 candidates. */
  async markStarted(manager: EntityManager, deliveryId: string): Promise<void> {
    await execute(manager, 'UPDATE deliveries SET escalation_started = true WHERE id = $1', [
      deliveryId,
    ]);
  }

  /**
   * Stops the delivery's ladder, with the reason. It also leaves the sweep's level-1
   * candidates, as a started ladder does. It stays stopped until `resume`.
   */
  async halt(
    manager: EntityManager,
    deliveryId: string,
    reason: EscalationHaltReason,
    at: Date,
  ): Promise<void> {
    await execute(
      manager,
      `UPDATE deliveries SET escalation_halted_at = $2, escalation_halt_reason = $3, escalation_started = true
        WHERE id = $1`,
      [deliveryId, at, reason],
    );
  }

  /**
   * Restarts a ladder halted for `reason`, from the rung it halted at, due at `at` (null:
   * PostgreSQL's now()). With `atLevelOne` the delivery re-enters the sweep's level-1
   * candidates; above it the lower rung's next due time brings the sweep (escalation's
   * table, its own statement). Returns the resume time, or null when the delivery was not
   * halted for that reason (nothing changed).
   */
  async resume(
    manager: EntityManager,
    deliveryId: string,
    reason: EscalationHaltReason,
    at: Date | null,
    atLevelOne: boolean,
  ): Promise<Date | null> {
    const rows = await queryRows(
      manager,
      'DeliveryLadderRepository.resume',
      { resumedAt: col.date },
      `UPDATE deliveries
          SET escalation_halted_at = NULL, escalation_halt_reason = NULL,
              escalation_resumed_at = COALESCE($3::timestamptz, now()),
              escalation_started = NOT $4::boolean
        WHERE id = $1 AND state = 'sent' AND escalation_halt_reason = $2
        RETURNING escalation_resumed_at AS "resumedAt"`,
      [deliveryId, reason, at, atLevelOne],
    );
    return rows[0]?.resumedAt ?? null;
  }
}
