import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';

const HOUR_MS = 3_600_000;

/**
 * Time rules of deliveries in one place, so the escalation module can swap them for its
 * working-time policy (deadlines per speed class counted in office hours, domain.md §7).
 * Until then: a flat DELIVERY_DEFAULT_ACK_HOURS of wall-clock time for every speed, and
 * ages in wall-clock hours.
 */
@Injectable()
export class DeliveryTimePolicy {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** When the recipient should have registered (ลงรับ) a delivery sent at `sentAt`. */
  acknowledgeBy(sentAt: Date, speed: Speed, speedDeadline: Date | null): Date {
    void speed;
    const due = new Date(sentAt.getTime() + this.config.deliveryDefaultAckHours * HOUR_MS);
    // "ด่วนภายใน <date time>": the letter itself says by when it must arrive.
    return speedDeadline && speedDeadline < due ? speedDeadline : due;
  }

  /** Age of a delivery (or of its overdue span) in hours, one decimal. */
  ageHours(since: Date, now: Date): number {
    return Math.max(0, Math.round((now.getTime() - since.getTime()) / (HOUR_MS / 10)) / 10);
  }
}
