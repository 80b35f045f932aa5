import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository, type NewAuditEvent } from 'src/modules/audit/audit.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';

describe('AuditRepository', () => {
  let t: TestApp;
  let repo: AuditRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    repo = t.get(AuditRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  const events = (chain: string, prevHash: string, n: number): NewAuditEvent[] => {
    const list: NewAuditEvent[] = [];
    for (let i = 0; i < n; i++) {
      const link = hash(`${chain}/${prevHash}/${i}`);
      list.push({
        chain,
        occurredAt: now,
        actorUserId: null,
        actorName: 'ระบบ',
        unitId: null,
        action: 'test.event',
        subjectType: 'test',
        subjectId: `${i}`,
        data: { i },
        prevHash: i === 0 ? prevHash : list[i - 1].hash,
        hash: link,
      });
    }
    return list;
  };

  it('lockChain, insert and findChains: a chain grows by the events appended under its lock', async () => {
    const chain = randomUUID();
    const appended = await t.dataSource.transaction(async (manager) => {
      const head = await repo.lockChain(manager, chain);
      expect(head).toMatch(/^[0-9a-f]{64}$/);
      const list = events(chain, head, 3);
      return { list, ids: await repo.insert(manager, chain, list) };
    });
    const { ids, list } = appended;
    expect(ids).toHaveLength(3);
    expect(BigInt(ids[0]) < BigInt(ids[1]) && BigInt(ids[1]) < BigInt(ids[2])).toBe(true);
    expect((await repo.findChains()).find((c) => c.chain === chain)).toEqual({
      chain,
      lastEventId: ids[2],
      hash: list[2].hash,
      events: 3,
    });
    const page = await repo.findPageAfter(t.dataSource.manager, String(BigInt(ids[0]) - 1n), 2);
    expect(page.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect(page[0]).toEqual({ ...list[0], id: ids[0] });
    const after = await repo.findPageAfter(t.dataSource.manager, ids[2], 10);
    expect(after.filter((e) => e.chain === chain)).toEqual([]);
  });

  it('lockChain holds the chain’s row until the transaction ends', async () => {
    const chain = randomUUID();
    // The first call creates the chain's row; only a committed row can be waited for.
    await t.dataSource.transaction((manager) => repo.lockChain(manager, chain));
    await t.dataSource.transaction(async (manager) => {
      await repo.lockChain(manager, chain);
      await expect(
        t.dataSource.query('SELECT 1 FROM audit_chains WHERE chain = $1 FOR UPDATE NOWAIT', [
          chain,
        ]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
  });

  it('insert refuses, writing nothing, when the chain moved past the first event’s link', async () => {
    const chain = randomUUID();
    await expect(
      t.dataSource.transaction(async (manager) => {
        await repo.lockChain(manager, chain);
        return repo.insert(manager, chain, events(chain, hash('not the head'), 1));
      }),
    ).rejects.toThrow(`audit chain ${chain} moved`);
    const subject = await repo.findBySubject('test', '0');
    expect(subject.filter((e) => e.chain === chain)).toEqual([]);
  });

  it('findBySubject lists a subject’s events in order; none for an unknown subject', async () => {
    const chain = randomUUID();
    await t.dataSource.transaction(async (manager) =>
      repo.insert(manager, chain, events(chain, await repo.lockChain(manager, chain), 2)),
    );
    const found = (await repo.findBySubject('test', '1')).filter((e) => e.chain === chain);
    expect(found).toHaveLength(1);
    expect(await repo.findBySubject('test', 'no-such-subject')).toEqual([]);
  });

  it('insertCheckpoint and findNewestCheckpoint; tryLockCheckpoint admits one holder', async () => {
    const first = await repo.insertCheckpoint(t.dataSource.manager, {
      createdAt: now,
      payload: '{"chains":[]}',
      signature: 'c2ln',
      publicKey: 'a2V5',
    });
    const { id: _, ...body } = first;
    const second = await repo.insertCheckpoint(t.dataSource.manager, {
      ...body,
      createdAt: new Date(now.getTime() + 1000),
    });
    expect(BigInt(second.id)).toBeGreaterThan(BigInt(first.id));
    expect(await repo.findNewestCheckpoint()).toEqual(second);
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.tryLockCheckpoint(manager)).toBe(true);
      await t.dataSource.transaction(async (other) => {
        expect(await repo.tryLockCheckpoint(other)).toBe(false);
      });
    });
  });
});
