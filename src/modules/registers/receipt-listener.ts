import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Principal } from 'src/modules/auth/principal.js';
import type { EntryRow } from 'src/modules/registers/registers.repository.js';

export interface RegisteredReceipt {
  entry: EntryRow;
  unitId: string;
  letterId: string;
  deliveryId: string | null;
}

/**
 * The port through which a module reacts to a receipt in the same transaction (routing
 * marks the delivery received: that registration is the acknowledgment, ลงรับ). Registers
 * knows only this interface, so dependencies keep pointing one way.
 */
export interface ReceiptListener {
  /** Checks a delivery before a number is taken; throws a DomainError to refuse. Returns its letter id. */
  checkDelivery(
    manager: EntityManager,
    principal: Principal,
    deliveryId: string,
    unitId: string,
  ): Promise<string>;
  onRegistered(manager: EntityManager, receipt: RegisteredReceipt): Promise<void>;
  /**
   * What `onRegistered` does, as SQL that runs inside the statement that takes the number and
   * writes the entry (`RegistersRepository.insertNextEntry`), so a registration holds its
   * counter row for one round trip fewer. `entry` names the statement's relation of the
   * written entry (its id, number, registered_at and delivery_id). Gives data-modifying CTEs
   * (`name AS (…), …`) and an integer expression: how many deliveries they marked received.
   * The delivery must have been checked by `checkDelivery` in the same transaction.
   */
  receivedSql(entry: string): { ctes: string; received: string };
  /**
   * After that statement, in the same transaction: refuses (throws a DomainError) unless the
   * delivery was marked.
   */
  checkReceived(manager: EntityManager, received: number): void;
}

/**
 * Where the receipt listener plugs in: RegistersModule exports it, and the module that
 * implements ReceiptListener (routing, which imports registers) attaches itself at start.
 * Without one, registering by delivery is refused.
 */
@Injectable()
export class ReceiptListenerSlot {
  private attached: ReceiptListener | undefined;

  attach(listener: ReceiptListener): void {
    if (this.attached && this.attached !== listener) {
      throw new Error('a receipt listener is already attached');
    }
    this.attached = listener;
  }

  get listener(): ReceiptListener | undefined {
    return this.attached;
  }
}
