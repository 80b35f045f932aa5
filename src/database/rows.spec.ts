import { describe, expect, it } from 'vitest';
import {
  checkRows,
  col,
  executeCount,
  queryFirst,
  queryRows,
  RowShapeError,
} from 'src/database/rows.js';

const UNIT = {
  id: col.uuid,
  depth: col.int,
  events: col.bigint,
  active: col.bool,
  at: col.date,
  name: col.nullable(col.text),
  kind: col.oneOf('ministry', 'other'),
};

const good = {
  id: '5f0c7c1e-8d7b-4c52-9a8e-0e2f4b9f3a11',
  depth: 2,
  events: '9007199254740993',
  active: true,
  at: new Date('2026-01-15T04:05:00Z'),
  name: null,
  kind: 'other',
};

describe('checkRows', () => {
  it('returns matching rows as they are (not copied), extra columns included', () => {
    const rows = [{ ...good, extra: 1 }];
    expect(checkRows('t.ok', UNIT, rows)).toBe(rows);
    expect(checkRows('t.empty', UNIT, [])).toEqual([]);
  });

  it.each([
    ['id', 42, /row 0 column "id" is not uuid \(got number\)/],
    ['id', 'not-a-uuid', /column "id" is not uuid \(got string\)/],
    ['depth', 2.5, /column "depth" is not int/],
    ['depth', '2', /column "depth" is not int \(got string\)/],
    ['events', 12, /column "events" is not bigint \(got number\)/],
    ['events', '1.5', /column "events" is not bigint/],
    ['active', 't', /column "active" is not bool/],
    ['at', '2026-01-15', /column "at" is not date \(got string\)/],
    ['at', new Date('nonsense'), /column "at" is not date \(got Date\)/],
    ['name', undefined, /column "name" is not text or null \(got undefined\)/],
    ['kind', 'district', /column "kind" is not one of ministry\|other/],
  ])('refuses %s = %j, naming the statement and the column', (key, value, message) => {
    const bad = { ...good, [key]: value };
    expect(() => checkRows('UnitsRepository.find', UNIT, [good, bad])).toThrow(RowShapeError);
    expect(() => checkRows('UnitsRepository.find', UNIT, [good, bad])).toThrow(
      new RegExp(`^UnitsRepository\\.find: row 1 ${message.source.replace(/^row 0 /, '')}`),
    );
  });

  it('checks json arrays and objects element by element', () => {
    const shape = {
      grants: col.array(col.object({ unitId: col.uuid, acting: col.bool })),
      data: col.record,
    };
    const grants = [{ unitId: good.id, acting: false }];
    expect(checkRows('t', shape, [{ grants, data: {} }])).toHaveLength(1);
    expect(() => checkRows('t', shape, [{ grants: [{ unitId: good.id }], data: {} }])).toThrow(
      /column "grants" is not array of \{unitId, acting\}/,
    );
    expect(() => checkRows('t', shape, [{ grants, data: [] }])).toThrow(
      /"data" is not json object/,
    );
  });

  it('refuses an answer that is not rows', () => {
    expect(() => checkRows('t.count', UNIT, 3)).toThrow(/t\.count: expected rows, got number/);
  });
});

describe('queryRows, queryFirst and executeCount', () => {
  const answering = (result: unknown) => ({ query: () => Promise.resolve(result) });

  it('reads the rows of a bare UPDATE … RETURNING out of TypeORM’s [rows, count]', async () => {
    const rows = await queryRows(answering([[{ id: good.id }], 1]), 't', { id: col.uuid }, 'x');
    expect(rows).toEqual([{ id: good.id }]);
  });

  it('gives the first row or null', async () => {
    expect(await queryFirst(answering([]), 't', { id: col.uuid }, 'x')).toBeNull();
    expect(await queryFirst(answering([{ id: good.id }]), 't', { id: col.uuid }, 'x')).toEqual({
      id: good.id,
    });
  });

  it('gives the count of an UPDATE, and refuses a SELECT', async () => {
    expect(await executeCount(answering([[], 3]), 't', 'x')).toBe(3);
    await expect(executeCount(answering([{ n: 1 }]), 't.select', 'x')).rejects.toThrow(
      /t\.select: expected an UPDATE or DELETE's row count/,
    );
  });
});
