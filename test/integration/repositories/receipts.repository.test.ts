import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { ReceiptsRepository } from 'src/modules/receipts/receipts.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories } from '../../factories/index.js';

describe('ReceiptsRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: ReceiptsRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(ReceiptsRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('findFirstFile gives the letter’s first file by position, or undefined', async () => {
    const unit = await f.newUnit({});
    const [deliveryId] = await f.newDeliveries({
      sender: unit,
      recipient: await f.newUnit({}),
      count: 1,
      sentAt: now,
      dueAt: now,
    });
    const [{ letter_id: letterId }] = await t.dataSource.query<{ letter_id: string }[]>(
      'SELECT letter_id FROM deliveries WHERE id = $1',
      [deliveryId],
    );
    expect(await repo.findFirstFile(letterId)).toBeUndefined();
    const files = t.get(FilesRepository);
    const stored = [];
    for (const name of ['second', 'first']) {
      stored.push(
        await files.insert(t.dataSource.manager, {
          sha256: createHash('sha256')
            .update(name + randomUUID())
            .digest('hex'),
          size: '1',
          pages: 1,
          mediaType: 'application/pdf',
          originalName: name,
          uploadedBy: null,
          uploadedUnitId: unit.id,
          createdAt: now,
        }),
      );
    }
    await t.dataSource.query(
      'INSERT INTO letter_files (letter_id, position, file_id) VALUES ($1, 1, $2), ($1, 0, $3)',
      [letterId, stored[0].id, stored[1].id],
    );
    expect(await repo.findFirstFile(letterId)).toEqual({
      id: stored[1].id,
      sha256: stored[1].sha256,
    });
  });

  it('findPathUnits: the receiving unit and every sender up the delivery path; null without one', async () => {
    const province = await f.newUnit({});
    const district = await f.newUnit({ parent: province });
    const [deliveryId] = await f.newDeliveries({
      sender: province,
      recipient: district,
      count: 1,
      sentAt: now,
      dueAt: now,
    });
    expect(await repo.findPathUnits(null)).toBeNull();
    expect((await repo.findPathUnits(deliveryId))?.sort()).toEqual(
      [province.id, district.id].sort(),
    );
    expect(await repo.findPathUnits(randomUUID())).toEqual([]);
  });

  it('findStampChain lists active receipts up to the time, optionally of some units', async () => {
    const unit = await f.newUnit({ nameTh: 'สำนักงานรับ' });
    const [deliveryId] = await f.newDeliveries({
      sender: await f.newUnit({}),
      recipient: unit,
      count: 1,
      sentAt: now,
      dueAt: now,
    });
    const [{ letter_id: letterId }] = await t.dataSource.query<{ letter_id: string }[]>(
      'SELECT letter_id FROM deliveries WHERE id = $1',
      [deliveryId],
    );
    const [{ id: registerId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO registers (unit_id, kind, direction, name, created_at)
       VALUES ($1, 'incoming', 'incoming', 'ทะเบียนหนังสือรับ', now()) RETURNING id`,
      [unit.id],
    );
    const [{ id: entryId }] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at, status)
       VALUES ($1, 2569, 15, $2, $3, 'active') RETURNING id`,
      [registerId, letterId, now],
    );
    const stamp = {
      entryId,
      unitId: unit.id,
      unitName: 'สำนักงานรับ',
      number: 15,
      registeredAt: now,
    };
    expect(await repo.findStampChain(letterId, now, null)).toEqual([stamp]);
    expect(await repo.findStampChain(letterId, now, [unit.id])).toEqual([stamp]);
    expect(await repo.findStampChain(letterId, now, [randomUUID()])).toEqual([]);
    expect(await repo.findStampChain(letterId, new Date(now.getTime() - 1), null)).toEqual([]);
  });
});
