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

  const chainPrevHash = async (chain: string): Promise<string | null> => {
    const rows: { prev_hash: string | null }[] = await t.dataSource.query(
      'SELECT prev_hash FROM audit_chains WHERE chain = $1',
      [chain],
    );
    return rows[0].prev_hash;
  };

  it('appendOne creates the chain the first time, then links each event as audit_append does', async () => {
    const chain = randomUUID();
    const list = events(chain, 5);
    const ids: string[] = [];
    // Single appends, then a batch, then single appends again: one chain, one hash formula.
    for (const event of list.slice(0, 2)) {
      ids.push(
        await t.dataSource.transaction((manager) => repo.appendOne(manager, chain, null, event)),
      );
    }
    ids.push(
      ...(await t.dataSource.transaction((manager) =>
        repo.append(manager, chain, null, list.slice(2, 4)),
      )),
    );
    expect(await chainPrevHash(chain)).not.toBeNull();
    ids.push(
      await t.dataSource.transaction((manager) => repo.appendOne(manager, chain, null, list[4])),
    );
    for (let i = 1; i < ids.length; i++) expect(BigInt(ids[i]) > BigInt(ids[i - 1])).toBe(true);

    const hashes: string[] = [];
    let link = auditChainGenesis(chain);
    for (const event of list) hashes.push((link = auditLinkHash(link, event.digest)));
    const page = (
      await repo.findPageAfter(t.dataSource.manager, String(BigInt(ids[0]) - 1n), 1000)
    ).filter((e) => e.chain === chain);
    expect(page.map((e) => e.id)).toEqual(ids);
    expect(page.map((e) => e.hash)).toEqual(hashes);
    expect(page.map((e) => e.prevHash)).toEqual([auditChainGenesis(chain), ...hashes.slice(0, 4)]);
    for (const [i, row] of page.entries()) {
      const { digest: _, ...content } = list[i];
      expect(row).toEqual({
        ...content,
        id: ids[i],
        prevHash: row.prevHash,
        hash: hashes[i],
        hashVersion: 2,
      });
      expect(auditEventHash(row)).toBe(row.hash);
    }
    expect(await chainEnd(chain)).toEqual({
      chain,
      lastEventId: ids[4],
      hash: hashes[4],
      events: 5,
    });
    // The row keeps the newest event's link, whichever path appended it.
    expect(await chainPrevHash(chain)).toBe(hashes[3]);
  });

  it('appendOne holds the chain’s row until the transaction ends; appends of one chain queue, never fork', async () => {
    const chain = randomUUID();
    const list = events(chain, 24);
    await t.dataSource.transaction((manager) => repo.appendOne(manager, chain, null, list[0]));
    await t.dataSource.transaction(async (manager) => {
      await repo.appendOne(manager, chain, null, list[1]);
      await expect(
        t.dataSource.query('SELECT 1 FROM audit_chains WHERE chain = $1 FOR UPDATE NOWAIT', [
          chain,
        ]),
      ).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    const ids = await Promise.all(
      list
        .slice(2)
        .map((event) =>
          t.dataSource.transaction((manager) => repo.appendOne(manager, chain, null, event)),
        ),
    );
    const rows = (await repo.findPageAfter(t.dataSource.manager, '0', 100000)).filter(
      (e) => e.chain === chain,
    );
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((e) => e.id))).toEqual(
      new Set([...rows.slice(0, 2).map((e) => e.id), ...ids]),
    );
    let link = auditChainGenesis(chain);
    for (const row of rows) {
      expect(row.prevHash).toBe(link);
      expect(auditEventHash(row)).toBe(row.hash);
      link = row.hash;
    }
    expect(await chainEnd(chain)).toMatchObject({
      lastEventId: rows[23].id,
      hash: link,
      events: 24,
    });
  });

  it('appendOne with a link refuses, writing nothing, when the chain no longer ends there', async () => {
    const chain = randomUUID();
    const [first, second] = events(chain, 2);
    await t.dataSource.transaction((manager) => repo.appendOne(manager, chain, null, first));
    const before = await chainEnd(chain);
    for (const wrong of [hash('not the end'), auditChainGenesis(chain)]) {
      await expect(
        t.dataSource.transaction((manager) => repo.appendOne(manager, chain, wrong, second)),
      ).rejects.toThrow(`audit chain ${chain} moved`);
    }
    expect(await chainEnd(chain)).toEqual(before);
    expect((await repo.findBySubject('test', '1')).filter((e) => e.chain === chain)).toEqual([]);
    // With the hash the chain does end at, it appends; a chain with no row yet refuses too.
    const id = await t.dataSource.transaction((manager) =>
      repo.appendOne(manager, chain, before!.hash, second),
    );
    expect(await chainEnd(chain)).toMatchObject({ lastEventId: id, events: 2 });
    const fresh = randomUUID();
    await expect(
      t.dataSource.transaction((manager) =>
        repo.appendOne(manager, fresh, hash('nowhere'), events(fresh, 1)[0]),
      ),
    ).rejects.toThrow(`audit chain ${fresh} moved`);
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
