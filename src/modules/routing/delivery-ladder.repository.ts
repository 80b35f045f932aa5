import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { execute } from 'src/database/rows.js';
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
   * Stops the delivery's ladder for good, with the reason. It also leaves the sweep's
   * level-1 candidates, as a started ladder does.
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
}
