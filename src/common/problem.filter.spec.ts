import { BadRequestException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { toDomainError, toProblem } from 'src/common/problem.filter.js';

describe('toDomainError', () => {
  it('answers an exhausted connection pool with 503 DATABASE_BUSY and a Thai detail', () => {
    const problem = toProblem(toDomainError(new Error('timeout exceeded when trying to connect')));
    expect(problem).toMatchObject({
      status: 503,
      code: 'DATABASE_BUSY',
      type: 'urn:saraban:problem:database-busy',
    });
    expect(problem.detail).toMatch(/[\u0E00-\u0E7F]/);
  });

  it('answers a foreign key the database refused with 422 UNKNOWN_REFERENCE, in Thai', () => {
    const refused = Object.assign(new Error('violates foreign key constraint'), {
      driverError: { code: '23503' },
    });
    const problem = toProblem(toDomainError(refused));
    expect(problem).toMatchObject({ status: 422, code: 'UNKNOWN_REFERENCE' });
    expect(problem.detail).toMatch(/[\u0E00-\u0E7F]/);
    // Another integrity error (a unique key) stays internal: it is not the client's id.
    const duplicate = Object.assign(new Error('duplicate key'), { driverError: { code: '23505' } });
    expect(toDomainError(duplicate).code).toBe('INTERNAL');
  });

  it('keeps other unknown errors internal, and domain errors as they are', () => {
    expect(toDomainError(new Error('boom')).code).toBe('INTERNAL');
    expect(toDomainError(new BadRequestException()).code).toBe('VALIDATION_FAILED');
    const own = new DomainError(CommonErrors.FORBIDDEN);
    expect(toDomainError(own)).toBe(own);
  });
});

describe('toProblem', () => {
  it('adds an error’s data beside the standard members, never over them', () => {
    const error = new DomainError(CommonErrors.FORBIDDEN, {
      data: { status: 'confirmed', type: 'draft', code: 'X', draftId: 'd1' },
    });
    const problem = toProblem(error);
    expect(problem).toMatchObject({
      status: error.status,
      code: 'FORBIDDEN',
      type: 'urn:saraban:problem:forbidden',
      draftId: 'd1',
    });
  });
});
