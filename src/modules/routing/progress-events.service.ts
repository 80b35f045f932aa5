import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import type { SecrecyLevel } from 'src/modules/users/roles.js';
import {
  type ProgressEventRow,
  ProgressEventsRepository,
} from 'src/modules/routing/progress-events.repository.js';
import { ProgressStream } from 'src/modules/routing/progress-stream.js';
import { RoutingErrors } from 'src/modules/routing/routing.errors.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';

/** Most events a resumed stream replays; beyond it the reader is told to reload instead. */
export const REPLAY_LIMIT = 1000;

export interface ProgressEventView {
  id: number;
  kind: ProgressEventRow['kind'];
  rootLetterId: string;
  letterId: string;
  deliveryId: string | null;
  forwardId: string | null;
  senderUnitId: string;
  senderName: string;
  recipientUnitId: string | null;
  recipientName: string | null;
  recipientKind: string | null;
  level: number | null;
  receiptNumber: number | null;
  count: number | null;
  occurredAt: string;
}

export interface StreamSink {
  event(view: ProgressEventView): void;
  /** Too much happened since Last-Event-ID: the reader reloads the figures. */
  reset(position: number): void;
}

export interface OpenStream {
  /** Re-reads the reader's memberships; false when the session is gone (end the stream). */
  refresh(): Promise<boolean>;
  close(): void;
}

/**
 * The live tracking stream: acknowledgments, returns, cancellations, escalations and
 * forwards of the letters a reader may see, checked event by event with the reader's
 * current access (secrecy class, then sender or recipient unit visible), never with a
 * subject. Optionally narrowed to one letter's tree (the letter must be visible) or to a
 * unit's subtree (the unit must be visible).
 */
@Injectable()
export class ProgressEventsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ProgressEventsRepository,
    private readonly routing: RoutingRepository,
    private readonly stream: ProgressStream,
    private readonly letters: LettersService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async open(
    first: Principal,
    filter: { letterId?: string; unitId?: string },
    lastEventId: number | null,
    sink: StreamSink,
  ): Promise<OpenStream> {
    let principal = first;
    let rootLetterId: string | null = null;
    let unitPath: string | null = null;
    if (filter.letterId) {
      const letter = await this.letters.findVisible(
        this.dataSource.manager,
        principal,
        filter.letterId,
      );
      rootLetterId = letter.rootLetterId;
    }
    if (filter.unitId) {
      const [unit] = await this.routing.findUnits(this.dataSource.manager, [filter.unitId]);
      if (!unit || !this.access.canSeeUnitRef(principal, unit))
        throw new DomainError(RoutingErrors.FORWARD_UNIT_NOT_FOUND);
      unitPath = unit.path;
    }
    const passes = (e: ProgressEventRow): boolean =>
      (rootLetterId === null || e.rootLetterId === rootLetterId) &&
      (unitPath === null ||
        e.senderPath.startsWith(unitPath) ||
        (e.recipientPath?.startsWith(unitPath) ?? false)) &&
      this.access.canSeeSecrecy(principal, e.secrecy as SecrecyLevel) &&
      (this.access.canSeeUnitRef(principal, { id: e.senderUnitId, path: e.senderPath }) ||
        (e.recipientUnitId !== null &&
          e.recipientPath !== null &&
          this.access.canSeeUnitRef(principal, { id: e.recipientUnitId, path: e.recipientPath })));

    // Live events wait in `held` until the replay is written, so none is lost or doubled.
    let sent = lastEventId ?? 0;
    let held: ProgressEventRow[] | null = [];
    const deliver = (e: ProgressEventRow) => {
      if (e.id <= sent) return;
      sent = e.id;
      if (passes(e)) sink.event(view(e));
    };
    const unsubscribe = await this.stream.subscribe({
      onEvent: (e) => (held ? held.push(e) : deliver(e)),
    });
    try {
      const upTo = this.stream.position;
      if (lastEventId === null) {
        sent = upTo;
      } else if (lastEventId < upTo) {
        const rows = await this.repository.findRange(
          lastEventId,
          upTo,
          rootLetterId,
          REPLAY_LIMIT + 1,
        );
        if (rows.length > REPLAY_LIMIT) {
          sent = upTo;
          sink.reset(upTo);
        } else {
          for (const row of rows) deliver(row);
          sent = Math.max(sent, upTo);
        }
      }
      const pending = held;
      held = null;
      for (const e of pending) deliver(e);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    return {
      refresh: async () => {
        const next = await this.access.loadPrincipal(
          principal.userId,
          principal.sessionId,
          this.clock.now(),
        );
        if (!next) return false;
        principal = next;
        return true;
      },
      close: unsubscribe,
    };
  }
}

function view(e: ProgressEventRow): ProgressEventView {
  return {
    id: e.id,
    kind: e.kind,
    rootLetterId: e.rootLetterId,
    letterId: e.letterId,
    deliveryId: e.deliveryId,
    forwardId: e.forwardId,
    senderUnitId: e.senderUnitId,
    senderName: e.senderName,
    recipientUnitId: e.recipientUnitId,
    recipientName: e.recipientName,
    recipientKind: e.recipientKind,
    level: e.level,
    receiptNumber: e.receiptNumber,
    count: e.count,
    occurredAt: new Date(e.occurredAt).toISOString(),
  };
}
