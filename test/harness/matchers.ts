import { expect } from 'vitest';

/**
 * Vitest's asymmetric matchers as `unknown` instead of `any`, so an expected object can hold
 * them as property values without letting `any` into a test (same matchers, same behaviour).
 */
export const like = {
  any: (type: unknown): unknown => expect.any(type),
  objectContaining: (shape: Record<string, unknown>): unknown => expect.objectContaining(shape),
  arrayContaining: (items: unknown[]): unknown => expect.arrayContaining(items),
  stringContaining: (text: string): unknown => expect.stringContaining(text),
  stringMatching: (pattern: string | RegExp): unknown => expect.stringMatching(pattern),
};
