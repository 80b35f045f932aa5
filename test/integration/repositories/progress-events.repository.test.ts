import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type NewProgressEvent,
  ProgressEventsRepository,
} from 'src/modules/routing/progress-events.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { watchWakeups } from '../../harness/progress-wakeups.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('ProgressEventsRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: ProgressEventsRepository;
  let sender: TestUnit;
  let recipient: TestUnit;
  let letterId: string;
  const at = new Date('2026-01-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(ProgressEventsRepository);
    sender = await f.newUnit({ nameTh: 'จังหวัดกระบี่', kind: 'province' });
    recipient = await f.newUnit({ nameTh: 'อำเภอเหนือคลอง', kind: 'district', parent: sender });
    letterId = (await f.newLetter({ unit: sender, secrecy: 'confidential' })).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const received = (receiptNumber: number): NewProgressEvent => ({
    kind: 'delivery.received',
    rootLetterId: letterId,
    letterId,
    senderUnitId: sender.id,
    recipientUnitId: recipient.id,
    receiptNumber,
    occurredAt: at,
  });

  it('append writes the events with the letter’s class; the readers read them with the units', async () => {
    const before = await repo.lastId();
    await repo.append(t.dataSource.manager, [
      received(15),
      {
        kind: 'forward.sent',
        rootLetterId: letterId,
        letterId,
        senderUnitId: sender.id,
        count: 3,
        occurredAt: at,
      },
    ]);
    const last = await repo.lastId();
    expect(last).toBeGreaterThanOrEqual(before + 2);
    const events = await repo.findAfter(before, 10);
    expect(events).toEqual([
      {
        id: last - 1,
        kind: 'delivery.received',
        rootLetterId: letterId,
        letterId,
        secrecy: 'confidential',
        deliveryId: null,
        forwardId: null,
        senderUnitId: sender.id,
        senderPath: sender.path,
        senderName: 'จังหวัดกระบี่',
        recipientUnitId: recipient.id,
        recipientPath: recipient.path,
        recipientName: 'อำเภอเหนือคลอง',
        recipientKind: 'district',
        level: null,
        receiptNumber: 15,
        count: null,
        occurredAt: at,
      },
      {
        id: last,
        kind: 'forward.sent',
        rootLetterId: letterId,
        letterId,
        secrecy: 'confidential',
        deliveryId: null,
        forwardId: null,
        senderUnitId: sender.id,
        senderPath: sender.path,
        senderName: 'จังหวัดกระบี่',
        recipientUnitId: null,
        recipientPath: null,
        recipientName: null,
        recipientKind: null,
        level: null,
        receiptNumber: null,
        count: 3,
        occurredAt: at,
      },
    ]);
    expect((await repo.findAfter(before, 1)).map((e) => e.id)).toEqual([last - 1]);
    expect(await repo.findAfter(last, 10)).toEqual([]);
    await repo.append(t.dataSource.manager, []);
    expect(await repo.lastId()).toBe(last);
  });

  it('findRange reads (after, upTo], optionally of one root letter', async () => {
    const other = (await f.newLetter({ unit: sender })).id;
    const before = await repo.lastId();
    await repo.append(t.dataSource.manager, [
      received(1),
      { ...received(2), rootLetterId: other, letterId: other },
      received(3),
    ]);
    const [one, two, three] = (await repo.findAfter(before, 10)).map((e) => e.id);
    const numbers = (events: { receiptNumber: number | null }[]) =>
      events.map((e) => e.receiptNumber);
    expect(numbers(await repo.findRange(before, three, null, 10))).toEqual([1, 2, 3]);
    expect(numbers(await repo.findRange(before, two, null, 10))).toEqual([1, 2]);
    expect(numbers(await repo.findRange(one, three, null, 10))).toEqual([2, 3]);
    expect(numbers(await repo.findRange(before, three, letterId, 10))).toEqual([1, 3]);
    expect(numbers(await repo.findRange(before, three, other, 10))).toEqual([2]);
    expect(numbers(await repo.findRange(before, three, null, 1))).toEqual([1]);
  });

  it('append wakes the readers after its transaction commits, never for a rollback', async () => {
    const woken = await watchWakeups(t.config);
    try {
      await t.dataSource
        .transaction(async (manager) => {
          await repo.append(manager, [received(90)]);
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      const before = await repo.lastId();
      const seen: (number | null)[][] = [];
      const first = woken.next().then(async () => {
        // Woken after COMMIT: the committed events are there to read.
        seen.push((await repo.findAfter(before, 10)).map((e) => e.receiptNumber));
      });
      await t.dataSource.transaction(async (manager) => {
        await repo.append(manager, [received(91), received(92)]);
        // Inside a savepoint too: releasing it is not the commit.
        await manager.transaction((inner) => repo.append(inner, [received(93)]));
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(woken.count()).toBe(0);
      });
      await first;
      expect(seen).toEqual([[91, 92, 93]]);
      expect(woken.count()).toBe(1);
    } finally {
      woken.close();
    }
  });

  it('append outside a transaction wakes the readers at once', async () => {
    const woken = await watchWakeups(t.config);
    try {
      const before = await repo.lastId();
      const next = woken.next();
      await repo.append(t.dataSource.manager, [received(94)]);
      await next;
      expect((await repo.findAfter(before, 10)).map((e) => e.receiptNumber)).toEqual([94]);
    } finally {
      woken.close();
    }
  });
});
