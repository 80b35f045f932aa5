import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor } from 'src/modules/audit/audit.service.js';
import type { JobRequest } from 'src/queue/jobs.js';

/** What a users command did that may let someone act for units where nobody could. */
export interface AccessGained {
  /** The user whose membership or clearance changed. */
  userId: string;
  /** The units where the user now holds a live registry role (clerk, head, admin). */
  unitIds: string[];
  /** The audit action of the change. */
  cause: 'user.created' | 'membership.added' | 'user.updated';
  actor: AuditActor;
}

/**
 * The port through which a module reacts, in the same transaction, to a user becoming able
 * to act for a unit (escalation resumes the ladders it halted because nobody there was
 * cleared). Users knows only this interface, so dependencies keep pointing one way.
 * Returns the jobs to enqueue once the transaction has committed.
 */
export interface AccessGainedListener {
  accessGained(manager: EntityManager, gained: AccessGained): Promise<JobRequest[]>;
}

/**
 * Where the listener plugs in: UsersModule exports it, and the module that implements
 * AccessGainedListener (escalation, which imports users) attaches itself at start.
 */
@Injectable()
export class AccessGainedSlot {
  private attached: AccessGainedListener | undefined;

  attach(listener: AccessGainedListener): void {
    if (this.attached && this.attached !== listener) {
      throw new Error('an access-gained listener is already attached');
    }
    this.attached = listener;
  }

  /** In the command's transaction; no listener, no jobs. */
  async notify(manager: EntityManager, gained: AccessGained): Promise<JobRequest[]> {
    if (!this.attached || gained.unitIds.length === 0) return [];
    return this.attached.accessGained(manager, gained);
  }
}
