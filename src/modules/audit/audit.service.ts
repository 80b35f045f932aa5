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
  | { ok: false; events: number; brokenId: string; reason: 'hash_mismatch' | 'prev_hash_mismatch' };

@Injectable()
export class AuditService {
  constructor(
    private readonly repository: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends an event inside the caller's transaction (invariant 2: the change and its
   * audit event commit together). Appends are serialised so the chain never forks; call
   * it as the last statement of a command to hold the lock briefly.
   */
  async record(manager: EntityManager, input: AuditEventInput): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
    await this.repository.lockChain(manager);
    const prevHash = (await this.repository.findChainTip(manager)) ?? GENESIS_HASH;
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

  /** Walks the chain from the start and names the first row that does not fit. */
  async verify(onProgress?: (events: number) => void): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH;
    let afterId = '0';
    let events = 0;
    for (;;) {
      const page = await this.repository.findPageAfter(afterId, 5000);
      if (page.length === 0) return { ok: true, events };
      for (const row of page) {
        if (row.prevHash !== prevHash) {
          return { ok: false, events, brokenId: row.id, reason: 'prev_hash_mismatch' };
        }
        if (auditHash(row) !== row.hash) {
          return { ok: false, events, brokenId: row.id, reason: 'hash_mismatch' };
        }
        prevHash = row.hash;
        events += 1;
      }
      afterId = page[page.length - 1].id;
      onProgress?.(events);
    }
  }

  findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.repository.findBySubject(subjectType, subjectId);
  }
}
