import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  type ReceiptListener,
  ReceiptListenerSlot,
  type RegisteredReceipt,
} from 'src/modules/registers/receipt-listener.js';
import { statesAllowing } from 'src/modules/routing/delivery-state.js';
import { markProgressAppended } from 'src/modules/routing/progress-wakeups.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';

/**
 * Registering a delivered letter is its acknowledgment (ลงรับ, see
 * src/modules/routing/README.md#acknowledgment): in the registration's transaction, the delivery is
 * locked, checked, then marked received with the receipt number and entry. Two clerks registering
 * the same delivery at once serialise on the row lock; the second finds it received and gets a 409.
 */
@Injectable()
export class DeliveryReceiptListener implements ReceiptListener, OnModuleInit {
  constructor(
    private readonly repository: RoutingRepository,
    private readonly access: AccessService,
    private readonly slot: ReceiptListenerSlot,
  ) {}

  onModuleInit(): void {
    this.slot.attach(this);
  }

  async checkDelivery(
    manager: EntityManager,
    principal: Principal,
    deliveryId: string,
    unitId: string,
  ): Promise<string> {
    const delivery = await this.repository.lockDelivery(manager, deliveryId);
    if (
      !delivery ||
      !(
        this.access.canSeeUnitRef(principal, {
          id: delivery.recipientUnitId,
          path: delivery.recipientPath,
        }) ||
        this.access.canSeeUnitRef(principal, {
          id: delivery.senderUnitId,
          path: delivery.senderPath,
        })
      )
    ) {
      throw new DomainError(RoutingErrors.DELIVERY_NOT_FOUND);
    }
    if (delivery.recipientUnitId !== unitId)
      throw new DomainError(RoutingErrors.DELIVERY_WRONG_UNIT);
    if (delivery.state !== 'sent') {
      throw new DomainError(RoutingErrors.DELIVERY_NOT_PENDING, {
        data: { state: delivery.state },
      });
    }
    return delivery.letterId;
  }

  receivedSql(entry: string): { ctes: string; received: string } {
    return this.repository.receivedSql(entry, statesAllowing('register'));
  }

  checkReceived(manager: EntityManager, received: number): void {
    // Unreachable while the row lock holds; refused rather than written around if it ever is.
    if (received !== 1) throw new DomainError(RoutingErrors.DELIVERY_NOT_PENDING);
    // The statement appended the delivery's progress event: wake the readers after commit.
    markProgressAppended(manager);
  }

  async onRegistered(manager: EntityManager, receipt: RegisteredReceipt): Promise<void> {
    if (!receipt.deliveryId) return;
    // Still locked by checkDelivery in this transaction, and found sent there: one statement
    // moves it sent → received and logs the event, inside the register's counter lock.
    const received = await this.repository.markReceived(
      manager,
      receipt.deliveryId,
      statesAllowing('register'),
      {
        entryId: receipt.entry.id,
        number: receipt.entry.number,
        at: new Date(receipt.entry.registeredAt),
      },
    );
    // Unreachable while the row lock holds; refused rather than written around if it ever is.
    if (!received) throw new DomainError(RoutingErrors.DELIVERY_NOT_PENDING);
  }
}
