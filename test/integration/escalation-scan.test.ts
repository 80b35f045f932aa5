import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { EscalationService } from 'src/modules/escalation/escalation.service.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories } from '../factories/index.js';

/**
 * A delivery that nobody registers must not stay among the sweep's level-1 candidates
 * once its ladder has started: the sweep's cost follows new work, not old neglect.
 */
describe('the sweep does not rescan deliveries whose ladder has started', () => {
  let t: TestApp;
  let f: Factories;
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-03-04T03:00:00Z'); // a Wednesday, 10.00 in Bangkok
  });
  afterAll(async () => {
    await t?.close();
  });

  it('drops an escalated delivery from the level-1 candidates, and keeps the rest', async () => {
    const sender = await f.newUnit({ kind: 'other', nameTh: 'จังหวัดต้นทาง' });
    const recipient = await f.newUnit({ kind: 'other', nameTh: 'อำเภอปลายทาง', parent: sender });
    await f.newUser({
      username: 'clerk.recipient',
      memberships: [{ unit: recipient, role: 'clerk' }],
    });
    const deliveries = await f.newDeliveries({
      sender,
      recipient,
      count: 3,
      sentAt: new Date('2026-03-02T02:00:00Z'),
      dueAt: new Date('2026-03-03T02:00:00Z'),
    });
    const repository = t.get(EscalationRepository);
    const levelOne = async () =>
      (await repository.findDueRungs(t.dataSource.manager, t.clock.now(), 100))
        .filter((rung) => rung.level === 1)
        .map((rung) => rung.deliveryId)
        .sort();
    expect(await levelOne()).toEqual([...deliveries].sort());

    await t.get(EscalationService).escalate(deliveries[0], 1);
    const flags: { id: string; escalation_started: boolean }[] = await t.dataSource.query(
      'SELECT id, escalation_started FROM deliveries WHERE id = ANY($1::uuid[])',
      [deliveries],
    );
    expect(flags.find((f) => f.id === deliveries[0])?.escalation_started).toBe(true);
    expect(flags.filter((f) => f.escalation_started)).toHaveLength(1);
    expect(await levelOne()).toEqual([deliveries[1], deliveries[2]].sort());
  });
});
