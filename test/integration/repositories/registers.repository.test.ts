import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisterEntry } from 'src/modules/registers/register-entry.entity.js';
import {
  DEFAULT_REGISTERS,
  RegistersRepository,
} from 'src/modules/registers/registers.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow, rowsOf } from '../../harness/sql.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

type NewEntry = Omit<RegisterEntry, 'id' | 'register' | 'letter' | 'number'>;

describe('RegistersRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: RegistersRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(RegistersRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  function entry(registerId: string, letterId: string, fields: Partial<NewEntry> = {}): NewEntry {
    return {
      registerId,
      beYear: 2569,
      letterId,
      registeredAt: now,
      action: null,
      remarks: null,
      status: 'active',
      cancelReason: null,
      cancelledAt: null,
      replacesEntryId: null,
      replacedByEntryId: null,
      deliveryId: null,
      issuedReference: null,
      createdBy: null,
      ...fields,
    };
  }

  /** A letter of `unit` in the chain of `rootLetterId`. */
  async function chainLetter(unit: TestUnit, rootLetterId: string): Promise<string> {
    const { id } = await f.newLetter({ unit });
    await t.dataSource.query('UPDATE letters SET root_letter_id = $2 WHERE id = $1', [
      id,
      rootLetterId,
    ]);
    return id;
  }

  async function lastNumber(registerId: string, beYear: number): Promise<number | undefined> {
    const rows = await rowsOf<{ last_number: number }>(
      t.dataSource,
      'SELECT last_number FROM register_counters WHERE register_id = $1 AND be_year = $2',
      [registerId, beYear],
    );
    return rows[0]?.last_number;
  }

  it('ensureDefaultRegisters creates the three books once per unit; findRegistersOfUnit lists them', async () => {
    const a = await f.newUnit({});
    const b = await f.newUnit({});
    await repo.ensureDefaultRegisters(t.dataSource.manager, [], now);
    expect(await repo.findRegistersOfUnit(a.id)).toEqual([]);
    await repo.ensureDefaultRegisters(t.dataSource.manager, [a.id, b.id], now);
    await repo.ensureDefaultRegisters(t.dataSource.manager, [a.id], at(5));
    const books = await repo.findRegistersOfUnit(a.id);
    // Same created_at: ordered by name (C collation, code points).
    const expected = [...DEFAULT_REGISTERS]
      .sort((x, y) => (x.name < y.name ? -1 : 1))
      .map((d) => ({
        id: expect.any(String) as string,
        unitId: a.id,
        kind: d.kind,
        direction: d.direction,
        name: d.name,
        minClearance: 'none',
        active: true,
        createdAt: now,
      }));
    expect(books).toEqual(expected);
    expect((await repo.findRegistersOfUnit(b.id)).map((r) => r.unitId)).toEqual([b.id, b.id, b.id]);
  });

  it('insertRegister writes a book, refuses a second of the same name, findRegister reads it with its unit', async () => {
    const province = await f.newUnit({});
    const unit = await f.newUnit({ parent: province });
    const book = {
      unitId: unit.id,
      kind: 'custom' as const,
      direction: 'outgoing' as const,
      name: 'ทะเบียนคำสั่ง',
      minClearance: 'secret' as const,
      createdAt: now,
    };
    const created = await repo.insertRegister(t.dataSource.manager, book);
    expect(created).toEqual({ id: expect.any(String) as string, ...book, active: true });
    expect(await repo.insertRegister(t.dataSource.manager, { ...book, createdAt: at(1) })).toBe(
      undefined,
    );
    const older = await repo.insertRegister(t.dataSource.manager, {
      ...book,
      name: 'ทะเบียนหนังสือลับ',
      minClearance: 'confidential',
      createdAt: at(-1),
    });
    expect((await repo.findRegistersOfUnit(unit.id)).map((r) => r.id)).toEqual([
      older?.id,
      created?.id,
    ]);

    expect(await repo.findRegister(t.dataSource.manager, created!.id)).toEqual({
      register: created,
      unit: { id: unit.id, path: unit.path },
    });
    expect(await repo.findRegister(t.dataSource.manager, randomUUID())).toBeUndefined();
  });

  it('allocateNumber counts per register and year; lockCounter and setOpeningFloor read and set the counter', async () => {
    const unit = await f.newUnit({});
    const incoming = await f.newRegister(unit, { kind: 'incoming' });
    const outgoing = await f.newRegister(unit, { kind: 'outgoing' });
    const m = t.dataSource.manager;
    expect(await repo.lockCounter(m, incoming.id, 2569)).toBeUndefined();
    expect(await repo.allocateNumber(m, incoming.id, 2569)).toBe(1);
    expect(await repo.allocateNumber(m, incoming.id, 2569)).toBe(2);
    expect(await repo.allocateNumber(m, incoming.id, 2570)).toBe(1);
    expect(await repo.allocateNumber(m, outgoing.id, 2569)).toBe(1);
    expect(await repo.allocateNumber(m, incoming.id, 2569)).toBe(3);

    await t.dataSource.transaction(async (manager) => {
      expect(await repo.lockCounter(manager, incoming.id, 2569)).toEqual({
        lastNumber: 3,
        openingFloor: null,
      });
    });

    await repo.setOpeningFloor(m, outgoing.id, 2571, 120);
    expect(await repo.lockCounter(m, outgoing.id, 2571)).toEqual({
      lastNumber: 120,
      openingFloor: 120,
    });
    // Over an existing counter row: both move.
    await repo.setOpeningFloor(m, outgoing.id, 2571, 150);
    expect(await repo.lockCounter(m, outgoing.id, 2571)).toEqual({
      lastNumber: 150,
      openingFloor: 150,
    });
    expect(await repo.allocateNumber(m, outgoing.id, 2571)).toBe(151);
  });

  it('insertEntry writes every column and findEntry reads it back, locked or not', async () => {
    const unit = await f.newUnit({});
    const register = await f.newRegister(unit, { kind: 'outgoing' });
    const letter = await f.newLetter({ unit });
    const user = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const deliveryId = await f.newDelivery({
      sender: await f.newUnit({}),
      recipient: unit,
      sentAt: now,
      dueAt: at(60),
    });
    const fields = entry(register.id, letter.id, {
      action: 'ส่งกองคลัง',
      remarks: 'ด่วน',
      deliveryId,
      issuedReference: 'มท ๐๒๑๐.๕/๗',
      createdBy: user.id,
    });
    const written = await repo.insertEntry(t.dataSource.manager, { ...fields, number: 7 });
    expect(written).toEqual({ id: expect.any(String) as string, ...fields, number: 7 });
    expect(await repo.findEntry(t.dataSource.manager, written.id)).toEqual(written);
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.findEntry(manager, written.id, true)).toEqual(written);
    });
    expect(await repo.findEntry(t.dataSource.manager, randomUUID())).toBeUndefined();
    // The number is the counter's business: insertEntry leaves the counter alone.
    expect(await lastNumber(register.id, 2569)).toBeUndefined();
  });

  it('insertNextEntry numbers from the counter, finds the unit’s earlier receipt of the chain and yields the audit hash', async () => {
    const unit = await f.newUnit({});
    const other = await f.newUnit({});
    const incoming = await f.newRegister(unit, { kind: 'incoming' });
    const outgoing = await f.newRegister(unit, { kind: 'outgoing' });
    const otherIncoming = await f.newRegister(other, { kind: 'incoming' });
    const root = await f.newLetter({ unit: other });
    const copy = await chainLetter(other, root.id);
    const m = t.dataSource.manager;
    const options = { unitId: unit.id, rootLetterId: root.id };

    // Receipts that do not count: another unit's, the unit's outgoing book.
    await repo.insertNextEntry(m, entry(otherIncoming.id, root.id, { registeredAt: at(-30) }), {
      ...options,
      unitId: other.id,
    });
    await repo.insertNextEntry(m, entry(outgoing.id, root.id, { registeredAt: at(-20) }), options);

    const first = await repo.insertNextEntry(
      m,
      entry(incoming.id, root.id, { action: 'เสนอนายอำเภอ' }),
      options,
    );
    expect(first).toEqual({
      entry: {
        id: expect.any(String) as string,
        ...entry(incoming.id, root.id, { action: 'เสนอนายอำเภอ' }),
        number: 1,
      },
      earlier: null,
      auditEventId: null,
      deliveriesReceived: null,
    });

    const secondId = randomUUID();
    const second = await repo.insertNextEntry(
      m,
      entry(incoming.id, copy, { registeredAt: at(5) }),
      { ...options, entryId: secondId },
    );
    expect(second.entry).toMatchObject({
      id: secondId,
      letterId: copy,
      number: 2,
      registeredAt: at(5),
    });
    expect(second.earlier).toEqual({
      id: first.entry.id,
      registerId: incoming.id,
      number: 1,
      beYear: 2569,
    });
    expect(second.auditEventId).toBeNull();

    // A cancelled receipt is no earlier receipt.
    await repo.markCancelled(m, first.entry.id, 'ลงผิดเล่ม', at(6));
    await repo.markCancelled(m, second.entry.id, 'ลงผิดเล่ม', at(6));
    const third = await repo.insertNextEntry(m, entry(incoming.id, copy, { registeredAt: at(7) }), {
      ...options,
    });
    expect(third.entry.number).toBe(3);
    expect(third.earlier).toBeNull();
    expect(await lastNumber(incoming.id, 2569)).toBe(3);
  });

  it('insertNextEntry marks the entry’s delivery received with the receipt listener’s SQL, from its states only', async () => {
    const sender = await f.newUnit({});
    const unit = await f.newUnit({});
    const incoming = await f.newRegister(unit, { kind: 'incoming' });
    const deliveryId = await f.newDelivery({
      sender,
      recipient: unit,
      sentAt: now,
      dueAt: at(60),
      secrecy: 'secret',
    });
    const other = await f.newDelivery({ sender, recipient: unit, sentAt: now, dueAt: at(60) });
    const delivery = await oneRow<{ letter_id: string; forward_id: string }>(
      t.dataSource,
      'SELECT letter_id, forward_id FROM deliveries WHERE id = $1',
      [deliveryId],
    );
    const routing = t.get(RoutingRepository);
    const m = t.dataSource.manager;
    const options = {
      unitId: unit.id,
      rootLetterId: delivery.letter_id,
      delivery: routing.receivedSql('written', ['sent']),
    };
    const received = await t.dataSource.transaction((tx) =>
      repo.insertNextEntry(
        tx,
        entry(incoming.id, delivery.letter_id, { deliveryId, registeredAt: at(3) }),
        options,
      ),
    );
    expect(received.deliveriesReceived).toBe(1);
    expect(
      await rowsOf<object>(
        t.dataSource,
        `SELECT id, state, receipt_entry_id, receipt_number, state_changed_at FROM deliveries
          WHERE id = ANY($1::uuid[]) ORDER BY state`,
        [[deliveryId, other]],
      ),
    ).toEqual([
      {
        id: deliveryId,
        state: 'received',
        receipt_entry_id: received.entry.id,
        receipt_number: received.entry.number,
        state_changed_at: at(3),
      },
      {
        id: other,
        state: 'sent',
        receipt_entry_id: null,
        receipt_number: null,
        state_changed_at: now,
      },
    ]);
    expect(
      await rowsOf<object>(
        t.dataSource,
        `SELECT kind, letter_id, secrecy, delivery_id, forward_id, sender_unit_id, recipient_unit_id,
                receipt_number, occurred_at
           FROM progress_events WHERE delivery_id = ANY($1::uuid[])`,
        [[deliveryId, other]],
      ),
    ).toEqual([
      {
        kind: 'delivery.received',
        letter_id: delivery.letter_id,
        secrecy: 'secret',
        delivery_id: deliveryId,
        forward_id: delivery.forward_id,
        sender_unit_id: sender.id,
        recipient_unit_id: unit.id,
        receipt_number: received.entry.number,
        occurred_at: at(3),
      },
    ]);

    // Received already: the SQL matches no state it allows, marks nothing and logs nothing;
    // the entry is written (the caller refuses and rolls it back).
    const again = await repo.insertNextEntry(
      m,
      entry(incoming.id, delivery.letter_id, { deliveryId, registeredAt: at(4) }),
      options,
    );
    expect(again.deliveriesReceived).toBe(0);
    expect(
      await oneRow<{ count: number }>(
        t.dataSource,
        'SELECT count(*)::int AS count FROM progress_events WHERE delivery_id = $1',
        [deliveryId],
      ),
    ).toEqual({ count: 1 });
    expect(
      await oneRow<{ receipt_entry_id: string }>(
        t.dataSource,
        'SELECT receipt_entry_id FROM deliveries WHERE id = $1',
        [deliveryId],
      ),
    ).toEqual({ receipt_entry_id: received.entry.id });
  });

  it('insertNextEntry appends the audit event in its own statement, with the number it took, gap-free under concurrency', async () => {
    const unit = await f.newUnit({});
    const register = await f.newRegister(unit, { kind: 'incoming' });
    const audit = t.get(AuditService);
    const event = (id: string, remarks: string) => ({
      actor: { userId: null, name: 'สารบรรณกลาง' },
      unitId: unit.id,
      action: 'register-entry.created',
      subjectType: 'register_entry',
      subjectId: id,
      // The slot's value here is ignored: the statement writes the number it takes.
      data: { registerId: register.id, beYear: 2569, number: -1, remarks, deliveryId: null },
    });
    // The letter is made first: a fixture inside the transaction would wait for a second
    // connection while holding one, and many at once would empty the pool.
    const registerOne = async (remarks: string, fail = false) => {
      const letter = await f.newLetter({ unit });
      return t.dataSource.transaction(async (tx) => {
        const id = randomUUID();
        const written = await repo.insertNextEntry(tx, entry(register.id, letter.id, { remarks }), {
          unitId: unit.id,
          rootLetterId: randomUUID(),
          entryId: id,
          audit: (first, source) =>
            audit.inlineAppend(tx, event(id, remarks), { number: 'e.number' }, source, first),
        });
        if (fail) throw new Error('the command fails after its statement');
        return written;
      });
    };

    // The unit's first event: the statement creates its chain and appends it there too.
    const lone = await registerOne('ก่อนมีสาย');
    expect(lone.auditEventId).toMatch(/^\d+$/);
    expect(
      await oneRow<{ count: number; data: object }>(
        t.dataSource,
        'SELECT count(*) OVER ()::int AS count, data FROM audit_events WHERE chain = $1',
        [unit.id],
      ),
    ).toEqual({
      count: 1,
      data: {
        registerId: register.id,
        beYear: 2569,
        number: 1,
        remarks: 'ก่อนมีสาย',
        deliveryId: null,
      },
    });

    // Many registrations at once on one register and one chain: consecutive numbers, each
    // event carrying its entry's number, the chain unforked and verifiable.
    const remarks = [
      'ด่วน',
      'ทราบ',
      'เวียน “ทุกหน่วย”',
      'เสนอ\\ผอ.',
      'a/b',
      '๑๒๓',
      'ขอบคุณ',
      'ลับ',
    ].concat(Array.from({ length: 8 }, (_, i) => `ลำดับ ${i}`));
    const written = await Promise.all(remarks.map((r) => registerOne(r)));
    expect(written.map((w) => w.entry.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: remarks.length }, (_, i) => i + 2),
    );
    const events = await rowsOf<{ id: string; subject_id: string; data: Record<string, unknown> }>(
      t.dataSource,
      `SELECT id::text AS id, subject_id, data FROM audit_events WHERE chain = $1 ORDER BY id`,
      [unit.id],
    );
    expect(events).toHaveLength(remarks.length + 1);
    for (const w of written) {
      const stored = events.find((e) => e.id === w.auditEventId);
      expect(stored).toEqual({
        id: w.auditEventId,
        subject_id: w.entry.id,
        data: {
          registerId: register.id,
          beYear: 2569,
          number: w.entry.number,
          remarks: w.entry.remarks,
          deliveryId: null,
        },
      });
    }
    expect(await audit.verify()).toMatchObject({ ok: true });

    // A command that fails after the statement leaves counter, entries and chain as they were.
    const chainBefore = await oneRow<object>(
      t.dataSource,
      'SELECT hash, events, last_event_id FROM audit_chains WHERE chain = $1',
      [unit.id],
    );
    await expect(registerOne('ล้มเหลว', true)).rejects.toThrow('fails after');
    expect(await lastNumber(register.id, 2569)).toBe(remarks.length + 1);
    expect(
      await oneRow<object>(
        t.dataSource,
        'SELECT hash, events, last_event_id FROM audit_chains WHERE chain = $1',
        [unit.id],
      ),
    ).toEqual(chainBefore);
    const next = await registerOne('ต่อจากนั้น');
    expect(next.entry.number).toBe(remarks.length + 2);
    expect(await audit.verify()).toMatchObject({ ok: true });

    // A new unit whose first registrations all arrive at once: each statement finds no chain
    // row, and the chain is made once, unforked, with every event.
    const fresh = await f.newUnit({});
    const freshRegister = await f.newRegister(fresh, { kind: 'incoming' });
    const freshLetters = await Promise.all(
      Array.from({ length: 8 }, () => f.newLetter({ unit: fresh })),
    );
    const firsts = await Promise.all(
      freshLetters.map((letter, i) =>
        t.dataSource.transaction(async (tx) => {
          const id = randomUUID();
          return repo.insertNextEntry(tx, entry(freshRegister.id, letter.id), {
            unitId: fresh.id,
            rootLetterId: randomUUID(),
            entryId: id,
            audit: (first, source) =>
              audit.inlineAppend(
                tx,
                { ...event(id, `แรก ${i}`), unitId: fresh.id },
                { number: 'e.number' },
                source,
                first,
              ),
          });
        }),
      ),
    );
    expect(firsts.map((w) => w.entry.number).sort((a, b) => a - b)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(new Set(firsts.map((w) => w.auditEventId)).size).toBe(8);
    expect(
      await oneRow<object>(
        t.dataSource,
        'SELECT events::int AS events FROM audit_chains WHERE chain = $1',
        [fresh.id],
      ),
    ).toEqual({ events: 8 });
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('insertNumberedEntry numbers, writes the ที่, the letter’s reference and the audit event in one statement', async () => {
    const unit = await f.newUnit({
      letterCode: 'กษ',
      ownerNumber: '0201.4',
      referenceDigits: 'arabic',
    });
    const register = await f.newRegister(unit, { kind: 'outgoing' });
    const audit = t.get(AuditService);
    const letters = t.get(LettersService);
    const parts = { agencyPrefix: 'กษ', agencyNumber: '0201.4', circular: false };
    const numberOne = (letterId: string, fail = false) =>
      t.dataSource.transaction(async (tx) => {
        const id = randomUUID();
        const written = await repo.insertNumberedEntry(
          tx,
          { id, ...entry(register.id, letterId, { remarks: 'ส่งออก' }) },
          { head: 'กษ 0201.4/', digits: '0123456789' },
          {
            letter: (first, rel) => letters.issuedReferenceSql(rel, first, letterId, parts),
            audit: (first, source) =>
              audit.inlineAppend(
                tx,
                {
                  actor: { userId: null, name: 'ธุรการ' },
                  unitId: unit.id,
                  action: 'register-number.allocated',
                  subjectType: 'register_entry',
                  subjectId: id,
                  data: { registerId: register.id, number: 0, referenceNumber: '', letterId },
                },
                { number: 'e.number', referenceNumber: 'e.issued_reference' },
                source,
                first,
              ),
          },
        );
        if (fail) throw new Error('the command fails after its statement');
        return written;
      });
    const reference = async (letterId: string) =>
      oneRow<object>(
        t.dataSource,
        'SELECT reference_raw, agency_prefix, agency_number, circular, serial FROM letters WHERE id = $1',
        [letterId],
      );

    // The chain's first event: the statement creates the chain.
    const firstLetter = (await f.newLetter({ unit })).id;
    const first = await numberOne(firstLetter);
    expect(first.entry).toMatchObject({ number: 1, issuedReference: 'กษ 0201.4/1' });
    expect(first.auditEventId).toMatch(/^\d+$/);
    expect(await reference(firstLetter)).toEqual({
      reference_raw: 'กษ 0201.4/1',
      agency_prefix: 'กษ',
      agency_number: '0201.4',
      circular: false,
      serial: 1,
    });

    // A letter that has its ที่ keeps it; the others take theirs, numbers gap-free at once.
    const kept = (await f.newLetter({ unit })).id;
    await t.dataSource.query(`UPDATE letters SET reference_raw = 'ที่ตั้งไว้' WHERE id = $1`, [kept]);
    const ids = [
      kept,
      ...(await Promise.all(Array.from({ length: 11 }, () => f.newLetter({ unit })))).map(
        (l) => l.id,
      ),
    ];
    const written = await Promise.all(ids.map((id) => numberOne(id)));
    expect(written.map((w) => w.entry.number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 2),
    );
    for (const [i, w] of written.entries()) {
      expect(w.entry.issuedReference).toBe(`กษ 0201.4/${w.entry.number}`);
      expect(w.auditEventId).toMatch(/^\d+$/);
      const event = await oneRow<{ subject_id: string; data: object }>(
        t.dataSource,
        'SELECT subject_id, data FROM audit_events WHERE id = $1',
        [w.auditEventId],
      );
      expect(event).toEqual({
        subject_id: w.entry.id,
        data: {
          registerId: register.id,
          number: w.entry.number,
          referenceNumber: w.entry.issuedReference,
          letterId: ids[i],
        },
      });
      if (i > 0)
        expect(await reference(ids[i])).toMatchObject({
          reference_raw: w.entry.issuedReference,
          serial: w.entry.number,
        });
    }
    expect(await reference(kept)).toMatchObject({ reference_raw: 'ที่ตั้งไว้', serial: null });
    expect(await audit.verify()).toMatchObject({ ok: true });

    // All or nothing: a command failing after the statement leaves no trace of it.
    const failing = (await f.newLetter({ unit })).id;
    const chainBefore = await oneRow<object>(
      t.dataSource,
      'SELECT hash, events FROM audit_chains WHERE chain = $1',
      [unit.id],
    );
    await expect(numberOne(failing, true)).rejects.toThrow('fails after');
    expect(await lastNumber(register.id, 2569)).toBe(13);
    expect(await reference(failing)).toMatchObject({ reference_raw: null, serial: null });
    expect(
      await oneRow<object>(t.dataSource, 'SELECT hash, events FROM audit_chains WHERE chain = $1', [
        unit.id,
      ]),
    ).toEqual(chainBefore);
    expect((await numberOne(failing)).entry.number).toBe(14);
  });

  it('insertNextEntries takes consecutive numbers in the order given and answers in number order', async () => {
    const unit = await f.newUnit({});
    const register = await f.newRegister(unit, { kind: 'incoming' });
    const m = t.dataSource.manager;
    const earlier = await repo.insertNextEntry(
      m,
      entry(register.id, (await f.newLetter({ unit })).id),
      { unitId: unit.id, rootLetterId: randomUUID() },
    );
    expect(earlier.entry.number).toBe(1);
    const user = await f.newUser({});
    const deliveryId = await f.newDelivery({
      sender: await f.newUnit({}),
      recipient: unit,
      sentAt: now,
      dueAt: at(60),
    });
    const letters = [await f.newLetter({ unit }), await f.newLetter({ unit })];
    const batch = [
      {
        letterId: letters[0].id,
        registeredAt: at(1),
        action: 'เวียนทราบ',
        remarks: null,
        status: 'active' as const,
        cancelReason: null,
        cancelledAt: null,
        replacesEntryId: earlier.entry.id,
        replacedByEntryId: null,
        deliveryId,
        issuedReference: null,
        createdBy: user.id,
      },
      {
        letterId: letters[1].id,
        registeredAt: at(1),
        action: null,
        remarks: 'สำเนา',
        status: 'active' as const,
        cancelReason: null,
        cancelledAt: null,
        replacesEntryId: null,
        replacedByEntryId: null,
        deliveryId: null,
        issuedReference: null,
        createdBy: null,
      },
    ];
    const written = await repo.insertNextEntries(m, register.id, 2569, batch);
    expect(written).toEqual([
      {
        id: expect.any(String) as string,
        registerId: register.id,
        beYear: 2569,
        number: 2,
        ...batch[0],
      },
      {
        id: expect.any(String) as string,
        registerId: register.id,
        beYear: 2569,
        number: 3,
        ...batch[1],
      },
    ]);
    expect(await lastNumber(register.id, 2569)).toBe(3);
    // A first batch of a year opens its counter.
    const next = await repo.insertNextEntries(m, register.id, 2570, [batch[1], batch[0]]);
    expect(next.map((e) => [e.letterId, e.number])).toEqual([
      [letters[1].id, 1],
      [letters[0].id, 2],
    ]);
    expect(await lastNumber(register.id, 2570)).toBe(2);
  });

  it('findEarlierReceipts gives each chain’s earliest active receipt in the unit’s incoming books', async () => {
    const unit = await f.newUnit({});
    const sender = await f.newUnit({});
    const incoming = await f.newRegister(unit, { kind: 'incoming' });
    const custom = await f.newRegister(unit, {
      kind: 'custom',
      name: 'ทะเบียนรับหนังสือลับ',
      direction: 'incoming',
    });
    const outgoing = await f.newRegister(unit, { kind: 'outgoing' });
    const rootA = await f.newLetter({ unit: sender });
    const copyA = await chainLetter(sender, rootA.id);
    const rootB = await f.newLetter({ unit: sender });
    const rootC = await f.newLetter({ unit: sender });
    const m = t.dataSource.manager;
    const late = await repo.insertEntry(m, {
      ...entry(incoming.id, rootA.id, { registeredAt: at(10) }),
      number: 1,
    });
    const early = await repo.insertEntry(m, {
      ...entry(custom.id, copyA, { registeredAt: at(2) }),
      number: 1,
    });
    await repo.insertEntry(m, {
      ...entry(outgoing.id, rootA.id, { registeredAt: at(1) }),
      number: 1,
    });
    await repo.insertEntry(m, {
      ...entry(incoming.id, rootB.id, { registeredAt: at(0), status: 'cancelled' }),
      number: 2,
    });
    const b = await repo.insertEntry(m, {
      ...entry(incoming.id, rootB.id, { registeredAt: at(3), beYear: 2570 }),
      number: 1,
    });

    const found = await repo.findEarlierReceipts(m, unit.id, [rootA.id, rootB.id, rootC.id]);
    expect(Object.fromEntries(found)).toEqual({
      [rootA.id]: { id: early.id, registerId: custom.id, number: 1, beYear: 2569 },
      [rootB.id]: { id: b.id, registerId: incoming.id, number: 1, beYear: 2570 },
    });
    expect(late.registeredAt.getTime()).toBeGreaterThan(early.registeredAt.getTime());
    expect((await repo.findEarlierReceipts(m, sender.id, [rootA.id])).size).toBe(0);
    expect((await repo.findEarlierReceipts(m, unit.id, [])).size).toBe(0);
  });

  it('markCancelled keeps the row with its reason; linkReplacement links the old entry to the new', async () => {
    const unit = await f.newUnit({});
    const register = await f.newRegister(unit, { kind: 'incoming' });
    const letter = await f.newLetter({ unit });
    const m = t.dataSource.manager;
    const old = await repo.insertEntry(m, { ...entry(register.id, letter.id), number: 1 });
    const replacement = await repo.insertEntry(m, {
      ...entry(register.id, letter.id, { replacesEntryId: old.id, registeredAt: at(2) }),
      number: 2,
    });
    const cancelled = await repo.markCancelled(m, old.id, 'ลงทะเบียนซ้ำ', at(1));
    expect(cancelled).toEqual({
      ...old,
      status: 'cancelled',
      cancelReason: 'ลงทะเบียนซ้ำ',
      cancelledAt: at(1),
    });
    await repo.linkReplacement(m, old.id, replacement.id);
    expect(await repo.findEntry(m, old.id)).toEqual({
      ...cancelled,
      replacedByEntryId: replacement.id,
    });
    expect(await repo.findEntry(m, replacement.id)).toEqual(replacement);
  });

  it('findEntries pages one register’s year in number order', async () => {
    const unit = await f.newUnit({});
    const register = await f.newRegister(unit, { kind: 'incoming' });
    const otherBook = await f.newRegister(unit, { kind: 'circular' });
    const letter = await f.newLetter({ unit });
    const m = t.dataSource.manager;
    const written = [];
    for (const number of [3, 1, 2, 4]) {
      written[number] = await repo.insertEntry(m, {
        ...entry(register.id, letter.id),
        number,
      });
    }
    await repo.insertEntry(m, { ...entry(register.id, letter.id, { beYear: 2570 }), number: 1 });
    await repo.insertEntry(m, { ...entry(otherBook.id, letter.id), number: 2 });

    expect(await repo.findEntries(register.id, 2569, 0, 2)).toEqual([written[1], written[2]]);
    expect(await repo.findEntries(register.id, 2569, 2, 10)).toEqual([written[3], written[4]]);
    expect(await repo.findEntries(register.id, 2569, 4, 10)).toEqual([]);
    expect((await repo.findEntries(register.id, 2570, 0, 10)).map((e) => e.beYear)).toEqual([2570]);
  });

  it('findPrintoutRows gives the period’s entries with the letter’s printed columns, in register order', async () => {
    const unit = await f.newUnit({});
    const register = await f.newRegister(unit, { kind: 'incoming' });
    const printed = await f.newLetter({
      unit,
      subject: 'ขอเชิญประชุมคณะกรรมการ',
      referenceRaw: 'มท ๐๒๑๐.๕/ว ๑๒๓',
    });
    await t.dataSource.query(
      `UPDATE letters SET letter_date_raw = $2, letter_date = $3, sender_text = $4, addressee = $5
        WHERE id = $1`,
      [printed.id, '๑๕ มกราคม ๒๕๖๙', '2026-01-15', 'กระทรวงมหาดไทย', 'ผู้ว่าราชการจังหวัด'],
    );
    const bare = await f.newLetter({ unit, subject: 'หนังสือไม่ระบุวันที่' });
    const m = t.dataSource.manager;
    const second = await repo.insertEntry(m, {
      ...entry(register.id, bare.id, {
        registeredAt: at(1),
        status: 'cancelled',
        cancelReason: 'ผิดเล่ม',
        cancelledAt: at(2),
      }),
      number: 2,
    });
    const first = await repo.insertEntry(m, {
      ...entry(register.id, printed.id, {
        registeredAt: at(3),
        action: 'กองคลัง',
        remarks: 'ด่วน',
        issuedReference: null,
      }),
      number: 1,
    });
    await repo.insertEntry(m, {
      ...entry(register.id, bare.id, { registeredAt: at(10) }),
      number: 3,
    });

    const rows = await repo.findPrintoutRows(register.id, now, at(10));
    expect(rows).toEqual([
      {
        entryId: first.id,
        letterId: printed.id,
        number: 1,
        beYear: 2569,
        registeredAt: at(3),
        referenceRaw: 'มท ๐๒๑๐.๕/ว ๑๒๓',
        letterDateRaw: '๑๕ มกราคม ๒๕๖๙',
        letterDate: '2026-01-15',
        senderText: 'กระทรวงมหาดไทย',
        addressee: 'ผู้ว่าราชการจังหวัด',
        subject: 'ขอเชิญประชุมคณะกรรมการ',
        action: 'กองคลัง',
        remarks: 'ด่วน',
        status: 'active',
        cancelReason: null,
        issuedReference: null,
      },
      {
        entryId: second.id,
        letterId: bare.id,
        number: 2,
        beYear: 2569,
        registeredAt: at(1),
        referenceRaw: null,
        letterDateRaw: null,
        letterDate: null,
        senderText: null,
        addressee: null,
        subject: 'หนังสือไม่ระบุวันที่',
        action: null,
        remarks: null,
        status: 'cancelled',
        cancelReason: 'ผิดเล่ม',
        issuedReference: null,
      },
    ]);
    // The end of the period is excluded, its start included; any Queryable reads it.
    expect(
      (await repo.findPrintoutRows(register.id, at(1), at(3), t.dataSource.manager)).map(
        (r) => r.number,
      ),
    ).toEqual([2]);
  });

  it('findEntriesOfLetter lists a letter’s entries in every book, in registration order', async () => {
    const unit = await f.newUnit({});
    const other = await f.newUnit({});
    const incoming = await f.newRegister(unit, { kind: 'incoming' });
    const theirs = await f.newRegister(other, { kind: 'incoming' });
    const letter = await f.newLetter({ unit });
    const unrelated = await f.newLetter({ unit });
    const m = t.dataSource.manager;
    const later = await repo.insertEntry(m, {
      ...entry(incoming.id, letter.id, { registeredAt: at(5) }),
      number: 1,
    });
    const sooner = await repo.insertEntry(m, {
      ...entry(theirs.id, letter.id, { registeredAt: at(1) }),
      number: 1,
    });
    await repo.insertEntry(m, { ...entry(incoming.id, unrelated.id), number: 2 });
    expect(await repo.findEntriesOfLetter(m, letter.id)).toEqual([sooner, later]);
    expect(await repo.findEntriesOfLetter(m, randomUUID())).toEqual([]);
  });
});
