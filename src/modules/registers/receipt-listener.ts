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
 * Modules that react to a receipt in the same transaction (routing marks the delivery
 * received: that registration is the acknowledgment, ลงรับ). Registers knows only this
 * interface, so dependencies keep pointing one way.
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
}

export const RECEIPT_LISTENER = Symbol('RECEIPT_LISTENER');
