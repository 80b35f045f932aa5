import { createPublicKey, randomUUID, sign, verify as verifySignature } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import {
  AuditRepository,
  type ChainHead,
  type InlineAuditSql,
  type NewAuditEvent,
} from 'src/modules/audit/audit.repository.js';
import type { AuditCheckpoint } from 'src/modules/audit/audit-checkpoint.entity.js';
import type { AuditEvent } from 'src/modules/audit/audit-event.entity.js';
import {
  auditChainGenesis,
  auditContentDigest,
  auditContentEncoding,
  auditEventHash,
  canonicalJson,
  SYSTEM_CHAIN,
} from 'src/modules/audit/audit-hash.js';
import { AuditSigningKey } from 'src/modules/audit/audit-signing-key.js';
import { execute } from 'src/database/rows.js';

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
  /** The unit the command acted for; its chain takes the event (none: the system chain). */
  unitId?: string | null;
}

export type VerifyFailure = {
  ok: false;
  events: number;
  /** The first event that does not fit (or the chain end the walk never reached). */
  brokenId: string;
  chain: string;
  /**
   * hash_mismatch: the row was edited. prev_hash_mismatch: it does not link to the event
   * before it in its chain (one is missing, or it was forged). head_mismatch: the chain
   * does not end where its row says: its newest events are gone (brokenId: the row's
   * event), or an event was written past it or into a chain that has no row (brokenId:
   * that event), or the count differs.
   */
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'head_mismatch';
};

export type VerifyResult = { ok: true; events: number; chains: number } | VerifyFailure;

/** What `audit checkpoint` prints and `audit verify --checkpoint` reads. */
export interface SignedCheckpoint {
  id: string;
  createdAt: string;
  /** Canonical JSON of `CheckpointBody`: exactly the bytes that were signed. */
  payload: string;
  signature: string;
  publicKey: string;
}

export interface CheckpointBody {
  version: 1;
  createdAt: string;
  chains: { chain: string; events: number; lastEventId: string | null; hash: string }[];
}

/** A chain the checkpoint knew that the database no longer extends. */
export interface CheckpointShortfall {
  chain: string;
  /** The event the checkpoint names as the chain's newest (null for an empty chain). */
  eventId: string | null;
  events: number;
  /** missing: the chain has fewer events now; rewritten: another event holds that place. */
  reason: 'missing' | 'rewritten';
}

export type CheckpointResult =
  | { ok: true; checkpointId: string; chains: number }
  | { ok: false; checkpointId: string; reason: 'bad_signature' | 'other_key' | 'malformed' }
  | { ok: false; checkpointId: string; reason: 'not_extended'; chains: CheckpointShortfall[] };

/** Where the walk of one chain stands. */
interface ChainWalk {
  prevHash: string;
  events: number;
  lastEventId: string | null;
  /** Position of the checkpoint's newest event of this chain, if checked. */
  checkpoint?: { events: number; lastEventId: string | null; hash: string; matched?: boolean };
}

@Injectable()
export class AuditService {
  /** The chain each open transaction appends to (the first one it locked). */
  private readonly transactionChains = new WeakMap<QueryRunner, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuditRepository,
    private readonly signingKey: AuditSigningKey,
    private readonly clock: Clock,
  ) {}

  /**
   * The chain this transaction's events go to: the acting unit's (none: the system chain),
   * and once a transaction has appended, every later event of it goes to the same chain,
   * so a transaction holds at most one chain lock and two commands can never wait on each
   * other's chains (`inlineAppend` takes its key from here too).
   */
  chainFor(manager: EntityManager, unitId: string | null | undefined): string {
    const runner = this.requireTransaction(manager);
    let chain = this.transactionChains.get(runner);
    if (!chain) {
      chain = unitId ?? SYSTEM_CHAIN;
      this.transactionChains.set(runner, chain);
    }
    return chain;
  }

  /**
   * Appends an event inside the caller's transaction (invariant 2: the change and its
   * audit event commit together). Appends to one chain are serialised on the chain's row,
   * so it never forks; commands of other units do not wait. One statement locks the chain,
   * links and inserts the event and moves the chain's end; call it as the last statement
   * of a command to hold the lock briefly.
   */
  async record(manager: EntityManager, input: AuditEventInput): Promise<string> {
    const [id] = await this.recordMany(manager, [input]);
    return id;
  }

  /** Appends several events, in order, in one statement. */
  async recordMany(manager: EntityManager, inputs: AuditEventInput[]): Promise<string[]> {
    if (inputs.length === 0) return [];
    const chain = this.chainFor(manager, inputs[0].unitId ?? inputs[0].actor.unitId);
    return this.append(manager, chain, null, inputs);
  }

  /**
   * As `record`, for a command whose last statement already called
   * `audit_chain_lock(chain)` (the key from `chainFor`) and passes the hash it yielded.
   * A hash that is not the chain's end (the lock was not taken in this transaction, or
   * someone appended since) writes nothing and throws.
   */
  async recordAfterLock(
    manager: EntityManager,
    chain: string,
    prevHash: string,
    inputs: AuditEventInput[],
  ): Promise<string[]> {
    if (this.chainFor(manager, chain) !== chain) {
      throw new Error(`this transaction appends to another audit chain than ${chain}`);
    }
    return this.append(manager, chain, prevHash, inputs);
  }

  /**
   * The event's append as part of the caller's own statement (`AuditRepository.inlineAppend`),
   * for a command whose last statement takes a lock: the event is linked and written under
   * that statement's locks, and the command holds them for the commit's round trip only.
   * `slots` names keys of `input.data` whose values only the statement knows (the number it
   * takes), each with the SQL expression over `source` (the statement's relation of one row)
   * that gives it; their values in `input.data` are ignored. The caller passes `params` after
   * its own (from `firstParam`) and selects `eventId`, the appended event's id (the chain's
   * first event creates the chain in the same statement).
   */
  inlineAppend(
    manager: EntityManager,
    input: AuditEventInput,
    slots: Record<string, string>,
    source: string,
    firstParam: number,
  ): InlineAuditSql {
    const chain = this.chainFor(manager, input.unitId ?? input.actor.unitId);
    const tokens = Object.entries(slots).map(([key, sql]) => ({
      key,
      // A fresh nonce per append: no data of the event can hold it by chance.
      value: `saraban-audit-slot:${key}:${randomUUID()}`,
      sql,
    }));
    const data = { ...(input.data ?? {}) };
    for (const token of tokens) data[token.key] = token.value;
    const event = {
      chain,
      occurredAt: this.clock.now(),
      actorUserId: input.actor.userId,
      actorName: input.actor.name,
      unitId: input.unitId ?? input.actor.unitId ?? null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      data,
    };
    return this.repository.inlineAppend(
      chain,
      {
        ...event,
        digestTemplate: auditContentEncoding(event),
        dataTemplate: JSON.stringify(data),
        slots: tokens.map((token) => ({ token: JSON.stringify(token.value), sql: token.sql })),
      },
      source,
      firstParam,
    );
  }

  private async append(
    manager: EntityManager,
    chain: string,
    link: string | null,
    inputs: AuditEventInput[],
  ): Promise<string[]> {
    if (inputs.length === 0) return [];
    const occurredAt = this.clock.now();
    const events: NewAuditEvent[] = inputs.map((input) => {
      const event = {
        chain,
        occurredAt,
        actorUserId: input.actor.userId,
        actorName: input.actor.name,
        unitId: input.unitId ?? input.actor.unitId ?? null,
        action: input.action,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
        data: input.data ?? {},
      };
      return { ...event, digest: auditContentDigest(event) };
    });
    if (events.length === 1)
      return [await this.repository.appendOne(manager, chain, link, events[0])];
    return this.repository.append(manager, chain, link, events);
  }

  private requireTransaction(manager: EntityManager): QueryRunner {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside a transaction');
    }
    return runner;
  }

  /**
   * Walks every chain from its start, in one consistent snapshot, and names the first
   * event that does not fit; then checks that each chain ends where its row says, with as
   * many events. With a checkpoint, also that its signature holds and that every chain it
   * names still has the event it names at the same place (see `verifyCheckpoint`).
   */
  async verify(onProgress?: (events: number) => void): Promise<VerifyResult> {
    return (await this.walk(undefined, onProgress)).chains;
  }

  /**
   * Proves the chains still extend a checkpoint kept outside the database: the signature
   * is the deployment key's over the payload, and every chain it lists holds, at the
   * count it gives, the event it names with that hash (so a chain that lost events, or was
   * rewritten and its row moved to match, is named). Also walks the chains as `verify`.
   */
  async verifyCheckpoint(
    checkpoint: SignedCheckpoint,
    onProgress?: (events: number) => void,
  ): Promise<{ chains: VerifyResult; checkpoint: CheckpointResult }> {
    const id = String(checkpoint.id);
    let body: CheckpointBody;
    try {
      body = JSON.parse(checkpoint.payload) as CheckpointBody;
      if (body.version !== 1 || !Array.isArray(body.chains)) throw new Error('malformed');
    } catch {
      const chains = await this.verify(onProgress);
      return { chains, checkpoint: { ok: false, checkpointId: id, reason: 'malformed' } };
    }
    let signed: boolean;
    try {
      signed = verifySignature(
        null,
        Buffer.from(checkpoint.payload, 'utf8'),
        createPublicKey(checkpoint.publicKey),
        Buffer.from(checkpoint.signature, 'base64'),
      );
    } catch {
      signed = false;
    }
    if (!signed) {
      const chains = await this.verify(onProgress);
      return { chains, checkpoint: { ok: false, checkpointId: id, reason: 'bad_signature' } };
    }
    if (checkpoint.publicKey.trim() !== this.signingKey.publicKeyPem().trim()) {
      const chains = await this.verify(onProgress);
      return { chains, checkpoint: { ok: false, checkpointId: id, reason: 'other_key' } };
    }
    const { chains, walks } = await this.walk(body, onProgress);
    const shortfalls: CheckpointShortfall[] = [];
    for (const expected of body.chains) {
      if (expected.events === 0) continue;
      const mark = walks.get(expected.chain)?.checkpoint;
      if (!mark || mark.matched === undefined) {
        shortfalls.push(shortfall(expected, 'missing'));
      } else if (!mark.matched) {
        shortfalls.push(shortfall(expected, 'rewritten'));
      }
    }
    return {
      chains,
      checkpoint:
        shortfalls.length === 0
          ? { ok: true, checkpointId: id, chains: body.chains.length }
          : { ok: false, checkpointId: id, reason: 'not_extended', chains: shortfalls },
    };
  }

  private walk(
    checkpoint: CheckpointBody | undefined,
    onProgress?: (events: number) => void,
  ): Promise<{ chains: VerifyResult; walks: Map<string, ChainWalk> }> {
    // REPEATABLE READ: the chains' rows and their events as of one moment, so appends
    // committed while the walk runs are neither half-seen nor mistaken for tampering.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await execute(manager, 'SET TRANSACTION READ ONLY');
      const heads = new Map<string, ChainHead>();
      for (const head of await this.repository.findChains(manager)) heads.set(head.chain, head);
      const walks = new Map<string, ChainWalk>();
      for (const expected of checkpoint?.chains ?? []) {
        walks.set(expected.chain, {
          prevHash: auditChainGenesis(expected.chain),
          events: 0,
          lastEventId: null,
          checkpoint: {
            events: expected.events,
            lastEventId: expected.lastEventId,
            hash: expected.hash,
          },
        });
      }
      let failure: VerifyFailure | undefined;
      let events = 0;
      let afterId = '0';
      for (;;) {
        const page = await this.repository.findPageAfter(manager, afterId, 5000);
        if (page.length === 0) break;
        for (const row of page) {
          let state = walks.get(row.chain);
          if (!state) {
            state = { prevHash: auditChainGenesis(row.chain), events: 0, lastEventId: null };
            walks.set(row.chain, state);
          }
          failure ??= this.checkRow(row, state, heads.get(row.chain), events);
          state.prevHash = row.hash;
          state.events += 1;
          state.lastEventId = row.id;
          if (state.checkpoint && state.events === state.checkpoint.events) {
            state.checkpoint.matched =
              row.id === state.checkpoint.lastEventId && row.hash === state.checkpoint.hash;
          }
          if (!failure) events += 1;
        }
        afterId = page[page.length - 1].id;
        onProgress?.(events);
        // Past a failure the walk only goes on for the checkpoint's marks.
        if (failure && !checkpoint) break;
      }
      if (!failure) failure = this.checkEnds(heads, walks, events);
      return {
        chains: failure ?? { ok: true as const, events, chains: heads.size },
        walks,
      };
    });
  }

  private checkRow(
    row: AuditEvent,
    state: ChainWalk,
    head: ChainHead | undefined,
    events: number,
  ): VerifyFailure | undefined {
    const broken = (reason: VerifyFailure['reason']): VerifyFailure => ({
      ok: false,
      events,
      brokenId: row.id,
      chain: row.chain,
      reason,
    });
    // A chain with no row, or an event past the row's end: written around the lock.
    // (Both null: the row says the chain is empty.)
    if (!head || state.lastEventId === head.lastEventId) return broken('head_mismatch');
    if (row.prevHash !== state.prevHash) return broken('prev_hash_mismatch');
    if (auditEventHash(row) !== row.hash) return broken('hash_mismatch');
    return undefined;
  }

  private checkEnds(
    heads: Map<string, ChainHead>,
    walks: Map<string, ChainWalk>,
    events: number,
  ): VerifyFailure | undefined {
    for (const head of heads.values()) {
      const state = walks.get(head.chain);
      const walkedEnd = state?.lastEventId ?? null;
      if (
        walkedEnd !== head.lastEventId ||
        (state?.events ?? 0) !== head.events ||
        (state?.prevHash ?? auditChainGenesis(head.chain)) !== head.hash
      ) {
        return {
          ok: false,
          events,
          brokenId: head.lastEventId ?? walkedEnd ?? '0',
          chain: head.chain,
          reason: 'head_mismatch',
        };
      }
    }
    return undefined;
  }

  /**
   * Signs where every chain ends now and keeps the checkpoint (append-only). One statement
   * reads all the chains' rows, so the checkpoint is one committed moment.
   */
  async createCheckpoint(): Promise<SignedCheckpoint> {
    return this.dataSource.transaction((manager) => this.writeCheckpoint(manager));
  }

  private async writeCheckpoint(manager: EntityManager): Promise<SignedCheckpoint> {
    const chains = await this.repository.findChains(manager);
    const createdAt = this.clock.now();
    const body: CheckpointBody = {
      version: 1,
      createdAt: createdAt.toISOString(),
      chains: chains.map((c) => ({
        chain: c.chain,
        events: c.events,
        lastEventId: c.lastEventId,
        hash: c.hash,
      })),
    };
    const payload = canonicalJson(body);
    const signature = sign(
      null,
      Buffer.from(payload, 'utf8'),
      this.signingKey.privateKey(),
    ).toString('base64');
    const row = await this.repository.insertCheckpoint(manager, {
      createdAt,
      payload,
      signature,
      publicKey: this.signingKey.publicKeyPem(),
    });
    return printable(row);
  }

  /**
   * The scheduled checkpoint: one run across all workers (advisory lock), and none while
   * the newest is younger than the interval. Returns the new checkpoint, if it made one.
   */
  async checkpointIfDue(intervalMinutes: number): Promise<SignedCheckpoint | undefined> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.repository.tryLockCheckpoint(manager))) return undefined;
      const newest = await this.repository.findNewestCheckpoint(manager);
      const now = this.clock.now().getTime();
      // A little slack, so a tick a moment early does not skip a whole interval.
      if (newest && now - new Date(newest.createdAt).getTime() < intervalMinutes * 60_000 - 5_000)
        return undefined;
      return this.writeCheckpoint(manager);
    });
  }

  async newestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const row = await this.repository.findNewestCheckpoint();
    return row && printable(row);
  }

  findBySubject(subjectType: string, subjectId: string): Promise<AuditEvent[]> {
    return this.repository.findBySubject(subjectType, subjectId);
  }
}

function shortfall(
  expected: CheckpointBody['chains'][number],
  reason: CheckpointShortfall['reason'],
): CheckpointShortfall {
  return { chain: expected.chain, eventId: expected.lastEventId, events: expected.events, reason };
}

function printable(row: AuditCheckpoint): SignedCheckpoint {
  return {
    id: row.id,
    createdAt: new Date(row.createdAt).toISOString(),
    payload: row.payload,
    signature: row.signature,
    publicKey: row.publicKey,
  };
}
