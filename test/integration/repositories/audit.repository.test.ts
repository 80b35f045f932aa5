import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepository, type NewAuditEvent } from 'src/modules/audit/audit.repository.js';
import {
  AUDIT_HASH_VERSION,
  auditChainGenesis,
  auditContentDigest,
  auditEventHash,
  auditLinkHash,
} from 'src/modules/audit/audit-hash.js';
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
  const events = (chain: string, n: number): NewAuditEvent[] =>
    Array.from({ length: n }, (_, i) => {
      const content = {
        chain,
        occurredAt: now,
        actorUserId: null,
        actorName: 'ระบบ',
        unitId: null,
        action: 'test.event',
        subjectType: 'test',
        subjectId: `${i}`,
        data: { i },
      };
      return { ...content, digest: auditContentDigest(content) };
    });
  const chainEnd = async (chain: string) =>
    (await repo.findChains()).find((c) => c.chain === chain);

  it('append and findChains: one statement creates the chain, links the events in order and moves its end', async () => {
    const chain = randomUUID();
    const list = events(chain, 3);
    const ids = await t.dataSource.transaction((manager) =>
      repo.append(manager, chain, null, list),
    );
    expect(ids).toHaveLength(3);
    expect(BigInt(ids[0]) < BigInt(ids[1]) && BigInt(ids[1]) < BigInt(ids[2])).toBe(true);
    // The database links each digest to the hash before it exactly as auditLinkHash does.
    const hashes: string[] = [];
    let link = auditChainGenesis(chain);
    for (const event of list) hashes.push((link = auditLinkHash(link, event.digest)));
    expect(await chainEnd(chain)).toEqual({
      chain,
      lastEventId: ids[2],
      hash: hashes[2],
      events: 3,
    });
    const page = await repo.findPageAfter(t.dataSource.manager, String(BigInt(ids[0]) - 1n), 2);
    expect(page.map((e) => e.id)).toEqual(ids.slice(0, 2));
    const { digest: _, ...content } = list[1];
    expect(page[1]).toEqual({
      ...content,
      id: ids[1],
      prevHash: hashes[0],
      hash: hashes[1],
      hashVersion: AUDIT_HASH_VERSION,
    });
    expect(auditEventHash(page[1])).toBe(hashes[1]);
    const after = await repo.findPageAfter(t.dataSource.manager, ids[2], 10);
    expect(after.filter((e) => e.chain === chain)).toEqual([]);

    // The next append links to where the chain ended.
    const [next] = await t.dataSource.transaction((manager) =>
      repo.append(manager, chain, null, events(chain, 1)),
    );
    const [row] = await repo.findPageAfter(t.dataSource.manager, ids[2], 1);
    expect(row).toMatchObject({ id: next, prevHash: hashes[2] });
    expect(await chainEnd(chain)).toMatchObject({ lastEventId: next, hash: row.hash, events: 4 });
  });

  it('append holds the chain’s row until the transaction ends', async () => {
    const chain = randomUUID();
    await t.dataSource.transaction((manager) =>
      repo.append(manager, chain, null, events(chain, 1)),
    );
    await t.dataSource.transaction(async (manager) => {
      await repo.append(manager, chain, null, events(chain, 1));
      await expect(
        t.dataSource.query('SELECT 1 FROM audit_chains WHERE chain = $1 FOR UPDATE NOWAIT', [
          chain,
        ]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
  });

  it('append with a link refuses, writing nothing, when the chain no longer ends there', async () => {
    const chain = randomUUID();
    await expect(
      t.dataSource.transaction((manager) =>
        repo.append(manager, chain, hash('not the end'), events(chain, 1)),
      ),
    ).rejects.toThrow(`audit chain ${chain} moved`);
    const subject = await repo.findBySubject('test', '0');
    expect(subject.filter((e) => e.chain === chain)).toEqual([]);
    // With the hash the chain does end at, it appends.
    const ids = await t.dataSource.transaction((manager) =>
      repo.append(manager, chain, auditChainGenesis(chain), events(chain, 1)),
    );
    expect(await chainEnd(chain)).toMatchObject({ lastEventId: ids[0], events: 1 });
  });

  it('findBySubject lists a subject’s events in order; none for an unknown subject', async () => {
    const chain = randomUUID();
    await t.dataSource.transaction((manager) =>
      repo.append(manager, chain, null, events(chain, 2)),
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
