import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { col, execute, queryRows } from 'src/database/rows.js';
import { canonicalJson } from 'src/modules/audit/audit-hash.js';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';

export interface IdempotentRequest {
  /** The `Idempotency-Key` header, or undefined when the client sent none. */
  key: string | undefined;
  owner: string;
  scope: string;
  /** The request body (and whatever else makes two requests "the same"). */
  request: unknown;
}

export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier request. */
  replayed: boolean;
}

const KEY_PATTERN = /^[\w.:-]{1,200}$/;

@Injectable()
export class IdempotencyService {
  /**
   * Runs `command` once per key, inside the caller's transaction. A concurrent request
   * with the same key waits on the key row's unique index until the first one commits,
   * then gets its answer; if the first one rolled back, this one runs instead.
   */
  async run<T>(
    manager: EntityManager,
    request: IdempotentRequest,
    command: () => Promise<{ status: number; body: T }>,
  ): Promise<IdempotentAnswer<T>> {
    if (request.key === undefined) return { ...(await command()), replayed: false };
    if (!KEY_PATTERN.test(request.key)) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        errors: [
          {
            field: 'Idempotency-Key',
            code: 'matches',
            message: 'Idempotency-Key ต้องมี 1–200 ตัวอักษร (A–Z a–z 0–9 _ . : -)',
          },
        ],
      });
    }
    const requestHash = createHash('sha256')
      .update(`${request.scope}\n${canonicalJson(request.request)}`)
      .digest('hex');
    const inserted = await queryRows(
      manager,
      'IdempotencyService.claimKey',
      { key: col.text },
      `INSERT INTO idempotency_keys (owner, key, scope, request_hash)
       VALUES ($1, $2, $3, $4) ON CONFLICT (owner, key) DO NOTHING RETURNING key`,
      [request.owner, request.key, request.scope, requestHash],
    );
    if (inserted.length === 0) {
      const rows = await queryRows(
        manager,
        'IdempotencyService.findAnswer',
        { request_hash: col.text, response_status: col.int, response_body: col.json },
        'SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE owner = $1 AND key = $2',
        [request.owner, request.key],
      );
      const stored = rows[0];
      if (stored.request_hash !== requestHash)
        throw new DomainError(CommonErrors.IDEMPOTENCY_KEY_REUSED);
      // The body is the one this command stored for this key: its own answer type.
      const body = stored.response_body as T;
      return { status: stored.response_status, body, replayed: true };
    }
    const answer = await command();
    await execute(
      manager,
      'UPDATE idempotency_keys SET response_status = $3, response_body = $4 WHERE owner = $1 AND key = $2',
      [request.owner, request.key, answer.status, JSON.stringify(answer.body)],
    );
    return { ...answer, replayed: false };
  }
}
