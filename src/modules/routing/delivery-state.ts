import { DomainError } from 'src/common/domain-error.js';
import type { DeliveryState } from 'src/modules/routing/delivery.entity.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';

/** What can happen to a delivery (see src/modules/routing/README.md#delivery-states). */
export type DeliveryEvent = 'register' | 'return' | 'cancel';

/**
 * The one transition table of a delivery: sent → received (the recipient registered it,
 * ลงรับ), sent → returned (ส่งคืน, wrong recipient), sent → cancelled (by the sender).
 * Received, returned and cancelled are final: a registered letter is undone in the
 * recipient's register (cancel-and-replace), never by rewriting the delivery.
 */
const TRANSITIONS: {
  readonly [S in DeliveryState]: Partial<Record<DeliveryEvent, DeliveryState>>;
} = {
  sent: { register: 'received', return: 'returned', cancel: 'cancelled' },
  received: {},
  returned: {},
  cancelled: {},
};

/** The next state, or null when the event is impossible in this state. */
export function deliveryTransition(
  state: DeliveryState,
  event: DeliveryEvent,
): DeliveryState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** The next state; an impossible transition is a 409 naming both. */
export function nextDeliveryState(state: DeliveryState, event: DeliveryEvent): DeliveryState {
  const next = deliveryTransition(state, event);
  if (!next) {
    throw new DomainError(
      state === 'sent'
        ? RoutingErrors.DELIVERY_TRANSITION_NOT_ALLOWED
        : RoutingErrors.DELIVERY_NOT_PENDING,
      { data: { state, event } },
    );
  }
  return next;
}

/** States from which the event is possible (for set-based updates: `state = ANY(…)`). */
export function statesAllowing(event: DeliveryEvent): DeliveryState[] {
  return (Object.keys(TRANSITIONS) as DeliveryState[]).filter((s) => TRANSITIONS[s][event]);
}
