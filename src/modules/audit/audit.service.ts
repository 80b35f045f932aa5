import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { AuditRepository } from 'src/modules/audit/audit.repository.js';
import { auditHash, GENESIS_HASH } from 'src/modules/audit/audit-hash.js';
import type { AuditEvent } from 'src/modules/audit/audit-event.entity.js';

/** Who did it: a signed-in user, or the system itself (worker, CLI). */
export interface AuditActor {
  userId: string | null;
  name: string;
  unitId?: string | null;
}

export const SYSTEM_ACTOR: AuditActor = { userId: null, name: 'system' };

export interface AuditEventInput {
  actor: AuditActor;
  action: string;
  subjectType: string;
  subjectId: string;
  /** Never a secret-class subject: the audit trail is read by administrators. */
  data?: Record<string, unknown>;
  unitId?: string | null;
}

export type VerifyResult =
  | { ok: true; events: number }
  | {
      ok: false;
      events: number;
      brokenId: string;
      /**
       * head_mismatch: the chain does not end at the head: its newest events are gone
       * (brokenId: the head's event), or one was written past it (brokenId: the first).
       */
      reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'head_mismatch';
    };

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an event inside the caller's transaction (invariant 2: the change and its
   * audit event commit together). Appends are serialised on the chain's head row so the
   * chain never forks; call it as the last statement of a command to hold the lock
   * briefly. Two round trips: lock and read the head, then insert and move the head.
   */
  async record(manager: EntityManager, input: AuditEventInput): Promise<string> {
    this.requireTransaction(manager);
    return this.recordAfterLock(manager, await this.repository.lockHead(manager), input);
  }

  /**
   * As `record`, for a command whose last write already took the head lock: it ran
   * `AUDIT_HEAD_LOCK_SQL` as a CTE and passes the hash it yielded. One round trip fewer
   * inside the lock, which every audited command waits for in turn. A hash that is not the
   * head's (the lock was not taken in this transaction) writes nothing and throws.
   */
  async recordAfterLock(
    manager: EntityManager,
    prevHash: string,
    input: AuditEventInput,
  ): Promise<string> {
    this.requireTransaction(manager);
    const event = {
      occurredAt: this.clock.now(),
      actorUserId: input.actor.userId,
      actorName: input.actor.name,
      unitId: input.unitId ?? input.actor.unitId ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      data: input.data ?? {},
      prevHash,
    };
    return this.repository.insert(manager, { ...event, hash: auditHash(event) });
  }

  private requireTransaction(manager: EntityManager): void {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
  }

  /**
   * Walks the chain from the start and names the first row that does not fit. The head
   * read before the walk must be a row of it with the same hash (the chain was not cut
   * short), and the head read after must not be behind the walk (nothing was appended
   * without moving the head). Events appended while it walks are checked as links too.
   */
  async verify(onProgress?: (events: number) => void): Promise<VerifyResult> {
    const head = await this.repository.findHead();
    let headSeen = head.lastEventId === null;
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let events = 0;
    for (;;) {
      const page = await this.repository.findPageAfter(afterId, 5000);
      if (page.length === 0) break;
      for (const row of page) {
        if (row.prevHash !== prevHash) {
          return { ok: false, events, brokenId: row.id, reason: 'prev_hash_mismatch' };
        }
        if (auditHash(row) !== row.hash) {
          return { ok: false, events, brokenId: row.id, reason: 'hash_mismatch' };
        }
        if (row.id === head.lastEventId) {
          if (row.hash !== head.hash) {
            return { ok: false, events, brokenId: row.id, reason: 'head_mismatch' };
          }
          headSeen = true;
        }
        prevHash = row.hash;
        events += 1;
      }
      afterId = page[page.length - 1].id;
      onProgress?.(events);
    }
    if (!headSeen) {
      return { ok: false, events, brokenId: head.lastEventId!, reason: 'head_mismatch' };
    }
    const headAfter = await this.repository.findHead();
    if (events > 0 && BigInt(afterId) > BigInt(headAfter.lastEventId ?? '0')) {
      const [past] = await this.repository.findPageAfter(headAfter.lastEventId ?? '0', 1);
      return { ok: false, events, brokenId: past.id, reason: 'head_mismatch' };
    }
    return { ok: true, events };
  }

  findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.repository.findBySubject(subjectType, subjectId);
  }
}
