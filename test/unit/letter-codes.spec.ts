import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROVINCE_CODES } from 'src/thai/letter-codes.js';

describe('the parser knows the same province codes the unit tree is seeded with', () => {
  it('PROVINCE_CODES equals province-letter-codes.tsv', () => {
    const tsv = readFileSync(
      new URL('../../src/modules/organisations/data/province-letter-codes.tsv', import.meta.url),
      'utf8',
    );
    const rows = tsv
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#'))
      .map((l) => l.split('\t').map((cell) => cell.trim()));
    expect(rows.length).toBe(77);
    expect([...PROVINCE_CODES].map((r) => [...r])).toEqual(rows);
  });
});
