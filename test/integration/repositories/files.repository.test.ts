import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories } from '../../factories/index.js';

describe('FilesRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: FilesRepository;
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(FilesRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('insert returns the stored row with its id; findById reads the same row back', async () => {
    const unit = await f.newUnit({});
    const user = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const file = {
      sha256: createHash('sha256').update(randomUUID()).digest('hex'),
      // bigint: beyond 2^53 it must stay exact, so it travels as text.
      size: '9007199254740993',
      pages: 3,
      mediaType: 'application/pdf',
      originalName: 'หนังสือเชิญประชุม.pdf',
      uploadedBy: user.id,
      uploadedUnitId: unit.id,
      createdAt: new Date('2026-01-15T03:00:00Z'),
    };
    const stored = await repo.insert(t.dataSource.manager, file);
    expect(stored).toEqual({ ...file, id: expect.stringMatching(/^[0-9a-f-]{36}$/) as string });
    expect(await repo.findById(stored.id)).toEqual(stored);
  });

  it('findById is undefined for an unknown id; an anonymous upload keeps its nulls', async () => {
    expect(await repo.findById(randomUUID())).toBeUndefined();
    const stored = await repo.insert(t.dataSource.manager, {
      sha256: createHash('sha256').update('anonymous').digest('hex'),
      size: '10',
      pages: 1,
      mediaType: 'application/pdf',
      originalName: null,
      uploadedBy: null,
      uploadedUnitId: null,
      createdAt: new Date('2026-01-15T03:00:00Z'),
    });
    expect(await repo.findById(stored.id)).toMatchObject({
      originalName: null,
      uploadedBy: null,
      uploadedUnitId: null,
    });
  });
});
