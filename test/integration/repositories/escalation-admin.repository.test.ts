import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EscalationAdminRepository } from 'src/modules/escalation/escalation-admin.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow } from '../../harness/sql.js';
import { factories, type Factories } from '../../factories/index.js';

describe('EscalationAdminRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: EscalationAdminRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(EscalationAdminRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  it('insertHolidays adds new dates only and says which; findHolidays reads a range in order', async () => {
    const m = t.dataSource.manager;
    const user = await f.newUser({});
    const added = await repo.insertHolidays(
      m,
      [
        { date: '2032-12-10', nameTh: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day' },
        { date: '2032-04-13', nameTh: 'วันสงกรานต์', nameEn: null },
      ],
      'admin',
      user.id,
      now,
    );
    expect(added).toEqual(['2032-04-13', '2032-12-10']);
    const again = await repo.insertHolidays(
      m,
      [
        { date: '2032-04-13', nameTh: 'ชื่ออื่น', nameEn: null },
        { date: '2032-05-01', nameTh: 'วันแรงงาน', nameEn: null },
      ],
      'seed',
      null,
      now,
    );
    expect(again).toEqual(['2032-05-01']);
    expect(await repo.insertHolidays(m, [], 'admin', null, now)).toEqual([]);

    expect(await repo.findHolidays('2032-01-01', '2032-12-31')).toEqual([
      { date: '2032-04-13', nameTh: 'วันสงกรานต์', nameEn: null, source: 'admin' },
      { date: '2032-05-01', nameTh: 'วันแรงงาน', nameEn: null, source: 'seed' },
      { date: '2032-12-10', nameTh: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day', source: 'admin' },
    ]);
    expect((await repo.findHolidays('2032-05-01', '2032-05-01')).map((h) => h.date)).toEqual([
      '2032-05-01',
    ]);
    expect((await repo.findHolidays('2032-06-01', null)).map((h) => h.date)).toEqual([
      '2032-12-10',
    ]);
    const all = await repo.findHolidays(null, null);
    expect(all.filter((h) => h.date.startsWith('2032-'))).toHaveLength(3);
    expect(all.map((h) => h.date)).toEqual(all.map((h) => h.date).sort());
    const row = await oneRow<{ created_by: string; created_at: Date }>(
      t.dataSource,
      `SELECT created_by, created_at FROM holidays WHERE date = '2032-12-10'`,
    );
    expect(row).toEqual({ created_by: user.id, created_at: now });
  });

  it('deleteHoliday removes one date and answers it; deleteHolidaysOfYear removes a Gregorian year', async () => {
    const m = t.dataSource.manager;
    await repo.insertHolidays(
      m,
      [
        { date: '2033-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: 'New Year' },
        { date: '2033-07-28', nameTh: 'วันเฉลิมพระชนมพรรษา', nameEn: null },
        { date: '2033-12-31', nameTh: 'วันสิ้นปี', nameEn: null },
        { date: '2034-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: null },
        { date: '2032-12-31', nameTh: 'วันสิ้นปี', nameEn: null },
      ],
      'seed',
      null,
      now,
    );
    expect(await repo.deleteHoliday(m, '2033-01-01')).toEqual({
      date: '2033-01-01',
      nameTh: 'วันขึ้นปีใหม่',
      nameEn: 'New Year',
      source: 'seed',
    });
    expect(await repo.deleteHoliday(m, '2033-01-01')).toBeUndefined();
    expect(await repo.deleteHolidaysOfYear(m, 2033)).toBe(2);
    expect(await repo.deleteHolidaysOfYear(m, 2033)).toBe(0);
    expect((await repo.findHolidays('2032-12-20', '2034-12-31')).map((h) => h.date)).toEqual([
      '2032-12-31',
      '2034-01-01',
    ]);
  });

  it('upsertPolicy writes a speed class’s policy over the old one; findPolicies lists them most urgent first', async () => {
    const m = t.dataSource.manager;
    const user = await f.newUser({});
    const later = new Date(now.getTime() + 60_000);
    expect(
      await repo.upsertPolicy(
        m,
        { speed: 'urgent', ackWorkingMinutes: 600, stepWorkingMinutes: [60, 120, 180] },
        user.id,
        later,
      ),
    ).toEqual({
      speed: 'urgent',
      ackWorkingMinutes: 600,
      stepWorkingMinutes: [60, 120, 180],
      updatedAt: later,
    });
    const policies = await repo.findPolicies();
    expect(policies.map((p) => p.speed)).toEqual(['most_urgent', 'very_urgent', 'urgent', 'none']);
    expect(policies[2]).toEqual({
      speed: 'urgent',
      ackWorkingMinutes: 600,
      stepWorkingMinutes: [60, 120, 180],
      updatedAt: later,
    });
    const by = await oneRow<{ updated_by: string }>(
      t.dataSource,
      `SELECT updated_by FROM escalation_policies WHERE speed = 'urgent'`,
    );
    expect(by.updated_by).toBe(user.id);

    // A speed class without a row gets one.
    await t.dataSource.query(`DELETE FROM escalation_policies WHERE speed = 'none'`);
    expect((await repo.findPolicies(m)).map((p) => p.speed)).toEqual([
      'most_urgent',
      'very_urgent',
      'urgent',
    ]);
    await repo.upsertPolicy(
      m,
      { speed: 'none', ackWorkingMinutes: 2880, stepWorkingMinutes: [1440] },
      user.id,
      now,
    );
    expect((await repo.findPolicies(m))[3]).toEqual({
      speed: 'none',
      ackWorkingMinutes: 2880,
      stepWorkingMinutes: [1440],
      updatedAt: now,
    });
  });
});
