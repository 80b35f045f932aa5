import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import type { Queryable } from 'src/database/read-replica.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';
import { addDays, weekdayOf } from 'src/thai/index.js';

const HOUR_MS = 3_600_000;

/**
 * The port through which the escalation module gives the deadlines of new deliveries
 * (working-time policy per speed class), so routing never imports escalation.
 */
export interface DeliveryDeadlines {
  /** Due time of a delivery created now, computed in the forwarding transaction. */
  acknowledgeBy(manager: EntityManager, sentAt: Date, speed: Speed): Promise<Date>;
  /** After the forward committed: schedule the wake-ups of its deliveries. Never throws. */
  deliveriesCreated(deliveries: { id: string; dueAt: Date }[]): Promise<void>;
  /** Where each delivery's ladder stands: its last rung and when the next one falls due. */
  ladders(db: Queryable, deliveryIds: string[]): Promise<Map<string, DeliveryLadder>>;
  /** The working days (weekdays that are not holidays) among the Bangkok dates [from, to]. */
  workingDays(db: Queryable, from: string, to: string): Promise<string[]>;
}

/** The last escalation rung a delivery reached; `nextDueAt` null at the ladder's top. */
export interface DeliveryLadder {
  level: number;
  escalatedAt: Date;
  nextDueAt: Date | null;
}

/**
 * Time rules of deliveries in one place. With the escalation module loaded, due times are
 * its working-time policy; without it, a flat DELIVERY_DEFAULT_ACK_HOURS of wall-clock
 * time. Ages are wall-clock hours.
 */
@Injectable()
export class DeliveryTimePolicy {
  private deadlines: DeliveryDeadlines | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The escalation module attaches its working-time deadlines at start. */
  attachDeadlines(deadlines: DeliveryDeadlines): void {
    if (this.deadlines && this.deadlines !== deadlines) {
      throw new Error('delivery deadlines are already attached');
    }
    this.deadlines = deadlines;
  }

  /** When the recipient should have registered (ลงรับ) a delivery sent at `sentAt`. */
  async acknowledgeBy(
    manager: EntityManager,
    sentAt: Date,
    speed: Speed,
    speedDeadline: Date | null,
  ): Promise<Date> {
    const due = this.deadlines
      ? await this.deadlines.acknowledgeBy(manager, sentAt, speed)
      : new Date(sentAt.getTime() + this.config.deliveryDefaultAckHours * HOUR_MS);
    // "ด่วนภายใน <date time>": the letter itself says by when it must arrive.
    return speedDeadline && speedDeadline < due ? speedDeadline : due;
  }

  /** After commit: the first wake-ups of a forward's deliveries (escalation module). */
  async deliveriesCreated(deliveries: { id: string; dueAt: Date }[]): Promise<void> {
    if (deliveries.length > 0) await this.deadlines?.deliveriesCreated(deliveries);
  }

  /**
   * When the next rung of each pending delivery falls due: its due time until the ladder
   * starts, then the last rung's next time (null at the top, or without the escalation
   * module).
   */
  async nextEscalations(
    db: Queryable,
    deliveries: { deliveryId: string; dueAt: Date | string | null }[],
  ): Promise<Map<string, { level: number; nextAt: Date | null }>> {
    const ladders = this.deadlines
      ? await this.deadlines.ladders(
          db,
          deliveries.map((d) => d.deliveryId),
        )
      : new Map<string, DeliveryLadder>();
    return new Map(
      deliveries.map((d) => {
        const ladder = ladders.get(d.deliveryId);
        const nextAt = ladder
          ? ladder.nextDueAt
          : this.deadlines && d.dueAt !== null
            ? new Date(d.dueAt)
            : null;
        return [d.deliveryId, { level: ladder?.level ?? 0, nextAt }] as const;
      }),
    );
  }

  /**
   * The working days among the Bangkok dates [from, to], in order: the escalation module's
   * calendar (office weekdays less its holidays); without it, the office weekdays alone.
   */
  async workingDays(db: Queryable, from: string, to: string): Promise<string[]> {
    if (this.deadlines) return this.deadlines.workingDays(db, from, to);
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) {
      if (this.config.officeWeekdays.includes(weekdayOf(day))) days.push(day);
    }
    return days;
  }

  /** Age of a delivery (or of its overdue span) in hours, one decimal. */
  ageHours(since: Date, now: Date): number {
    return Math.max(0, Math.round((now.getTime() - since.getTime()) / (HOUR_MS / 10)) / 10);
  }
}
