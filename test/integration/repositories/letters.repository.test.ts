import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { type LetterRow, LettersRepository } from 'src/modules/letters/letters.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('LettersRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: LettersRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const everywhere = { sql: 'true', params: [] };
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(LettersRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  function letter(unit: TestUnit, fields: Partial<LetterRow> = {}): Omit<LetterRow, 'fileIds'> {
    const id = randomUUID();
    return {
      id,
      kind: 'external',
      speed: 'urgent',
      speedDeadline: null,
      secrecy: 'none',
      referenceRaw: 'มท ๐๒๑๐.๕/ว ๑๒๓',
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      circular: true,
      serial: 123,
      letterDateRaw: '๑๕ มกราคม ๒๕๖๙',
      letterDate: '2026-01-15',
      suggestedLetterDate: null,
      subject: 'ขอเชิญประชุมคณะกรรมการ',
      addressee: 'ผู้ว่าราชการจังหวัด',
      references: [
        {
          raw: 'มท ๐๒๑๐.๕/ว ๑๐๐',
          agencyPrefix: 'มท',
          agencyNumber: '0210.5',
          circular: true,
          serial: 100,
          date: null,
          letterId: null,
        },
      ],
      enclosures: ['กำหนดการ'],
      signatory: { name: 'นายทดสอบ ระบบ', position: null },
      senderUnitId: null,
      senderText: 'กระทรวงมหาดไทย',
      ownerUnit: null,
      rootLetterId: id,
      enclosesLetterId: null,
      warnings: [{ code: 'no_date' }],
      printedStamps: [],
      createdUnitId: unit.id,
      createdBy: null,
      createdAt: now,
      ...fields,
    };
  }

  async function upload(unit: TestUnit): Promise<string> {
    const file = await t.get(FilesRepository).insert(t.dataSource.manager, {
      sha256: createHash('sha256').update(randomUUID()).digest('hex'),
      size: '100',
      pages: 1,
      mediaType: 'application/pdf',
      originalName: null,
      uploadedBy: null,
      uploadedUnitId: unit.id,
      createdAt: now,
    });
    return file.id;
  }

  it('insert with files; findWithUnitInScope reads every column and the unit holding it', async () => {
    const unit = await f.newUnit({});
    const files = [await upload(unit), await upload(unit)];
    const written = letter(unit);
    await repo.insert(t.dataSource.manager, written, files);
    const scope = { sql: 'u.id = $2', params: [unit.id] };
    expect(await repo.findWithUnitInScope(t.dataSource.manager, written.id, scope)).toEqual({
      letter: { ...written, fileIds: files },
      unit: { id: unit.id, path: unit.path },
    });
  });

  it('setReferenceIfNone records an issued ที่ on a letter without one, never over one', async () => {
    const unit = await f.newUnit({});
    const scope = { sql: 'u.id = $2', params: [unit.id] };
    const bare = letter(unit, {
      referenceRaw: null,
      agencyPrefix: null,
      agencyNumber: null,
      circular: false,
      serial: null,
    });
    const numbered = letter(unit);
    await repo.insert(t.dataSource.manager, bare, []);
    await repo.insert(t.dataSource.manager, numbered, []);
    const issued = {
      raw: 'มท ๐๒๑๐.๕/ว ๔๕',
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      circular: true,
      serial: 45,
    };
    await repo.setReferenceIfNone(t.dataSource.manager, bare.id, issued);
    await repo.setReferenceIfNone(t.dataSource.manager, numbered.id, issued);
    const read = async (id: string) =>
      (await repo.findWithUnitInScope(t.dataSource.manager, id, scope))?.letter;
    expect(await read(bare.id)).toEqual({
      ...bare,
      referenceRaw: issued.raw,
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      circular: true,
      serial: 45,
      fileIds: [],
    });
    expect(await read(numbered.id)).toEqual({ ...numbered, fileIds: [] });
  });

  it('findManyWithUnitInScope: a letter outside the scope has no unit; an unknown id is absent', async () => {
    const unit = await f.newUnit({});
    const elsewhere = await f.newUnit({});
    const written = letter(unit, { signatory: null, references: [] });
    await repo.insert(t.dataSource.manager, written, []);
    const scope = { sql: 'u.id = $2', params: [elsewhere.id] };
    const found = await repo.findManyWithUnitInScope(
      t.dataSource.manager,
      [written.id, randomUUID()],
      scope,
    );
    expect(found).toEqual([{ letter: { ...written, fileIds: [] }, unit: null }]);
    expect(
      await repo.findWithUnitInScope(t.dataSource.manager, randomUUID(), scope),
    ).toBeUndefined();
  });

  it('a scope in parts: the units acted for first, then the subtree; outside both, no unit', async () => {
    const province = await f.newUnit({ kind: 'province' });
    const district = await f.newUnit({ kind: 'district', parent: province });
    const other = await f.newUnit({ kind: 'province' });
    const parts = (ids: string[], paths: string[]) => ({
      sql: [
        'u.id = ANY($2::uuid[])',
        '(cardinality($3::text[]) > 0 AND u.path LIKE ANY($3::text[]))',
      ],
      params: [ids, paths.map((path) => `${path}%`)],
    });
    const own = letter(province);
    const below = letter(district);
    const away = letter(other);
    for (const l of [own, below, away]) await repo.insert(t.dataSource.manager, l, []);
    const unitOf = async (id: string, scope: ReturnType<typeof parts>) =>
      (await repo.findWithUnitInScope(t.dataSource.manager, id, scope))?.unit ?? null;
    const at = (u: TestUnit) => ({ id: u.id, path: u.path });
    // A head of the province: its own unit, then anything of its subtree.
    const head = parts([province.id], [province.path]);
    expect(await unitOf(own.id, head)).toEqual(at(province));
    expect(await unitOf(below.id, head)).toEqual(at(district));
    expect(await unitOf(away.id, head)).toBeNull();
    // Its clerk: the province only, not the district below it.
    const clerk = parts([province.id], []);
    expect(await unitOf(own.id, clerk)).toEqual(at(province));
    expect(await unitOf(below.id, clerk)).toBeNull();
    // The district's clerk sees its own letter, not its parent's.
    expect(await unitOf(below.id, parts([district.id], []))).toEqual(at(district));
    expect(await unitOf(own.id, parts([district.id], []))).toBeNull();
  });

  it('findFilesUploadedBy keeps only the files the units uploaded', async () => {
    const unit = await f.newUnit({});
    const other = await f.newUnit({});
    const mine = await upload(unit);
    const theirs = await upload(other);
    expect(await repo.findFilesUploadedBy(t.dataSource.manager, [mine, theirs], [unit.id])).toEqual(
      [mine],
    );
    expect(await repo.findFilesUploadedBy(t.dataSource.manager, [mine], [])).toEqual([]);
  });

  it('resolveReference finds the one visible letter cited; two matches or none resolve to null', async () => {
    const unit = await f.newUnit({});
    const cited = letter(unit, { serial: 7001 });
    await repo.insert(t.dataSource.manager, cited, []);
    const reference = {
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      serial: 7001,
      circular: true,
      date: '2026-03-01',
    };
    expect(await repo.resolveReference(t.dataSource.manager, reference, everywhere)).toBe(cited.id);
    const hidden = { sql: 'false', params: [] };
    expect(await repo.resolveReference(t.dataSource.manager, reference, hidden)).toBeNull();
    await repo.insert(t.dataSource.manager, letter(unit, { serial: 7001 }), []);
    expect(await repo.resolveReference(t.dataSource.manager, reference, everywhere)).toBeNull();
  });

  it('search matches Thai text, filters, and pages newest first', async () => {
    const unit = await f.newUnit({});
    const older = letter(unit, {
      subject: 'รายงานผลการตรวจราชการ',
      createdAt: new Date('2026-01-10T03:00:00Z'),
    });
    const newer = letter(unit, { subject: 'รายงานผลการตรวจราชการ ครั้งที่ ๒', speed: 'none' });
    await repo.insert(t.dataSource.manager, older, []);
    await repo.insert(t.dataSource.manager, newer, []);
    const filters = {
      pattern: '%ตรวจราชการ%',
      altPattern: null,
      from: null,
      to: null,
      speed: null,
      registerId: null,
      secrecyLevels: ['none'],
      cursor: null,
      limit: 10,
      visibleUnitIds: null,
    };
    const hits = await repo.search(filters, everywhere);
    expect(hits.map((h) => h.id)).toEqual([newer.id, older.id]);
    expect(hits[1]).toEqual({
      id: older.id,
      kind: 'external',
      speed: 'urgent',
      secrecy: 'none',
      referenceRaw: older.referenceRaw,
      letterDateRaw: older.letterDateRaw,
      letterDate: '2026-01-15',
      subject: older.subject,
      senderText: older.senderText,
      createdAt: older.createdAt,
    });
    expect(
      (await repo.search({ ...filters, speed: 'urgent' }, everywhere)).map((h) => h.id),
    ).toEqual([older.id]);
    const next = { createdAt: now.toISOString(), id: newer.id };
    expect((await repo.search({ ...filters, cursor: next }, everywhere)).map((h) => h.id)).toEqual([
      older.id,
    ]);
    expect(await repo.search({ ...filters, pattern: '%ไม่มีคำนี้%' }, everywhere)).toEqual([]);
  });

  it('search for visible units starts from their letters: recorded by, delivered to or registered in them', async () => {
    const mine = await f.newUnit({});
    const other = await f.newUnit({});
    const word = `คำค้น${randomUUID().slice(0, 8)}`;
    const recorded = letter(mine, {
      subject: `${word} บันทึก`,
      createdAt: new Date(now.getTime() - 3000),
    });
    const registered = letter(other, {
      subject: `${word} ลงรับ`,
      createdAt: new Date(now.getTime() - 2000),
    });
    const elsewhere = letter(other, {
      subject: `${word} ที่อื่น`,
      createdAt: new Date(now.getTime() - 1000),
    });
    for (const row of [recorded, registered, elsewhere]) {
      await repo.insert(t.dataSource.manager, row, []);
    }
    const register = await f.newRegister(mine);
    await t.dataSource.query(
      `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at)
       VALUES ($1, 2569, 1, $2, $3)`,
      [register.id, registered.id, now],
    );
    await f.newDelivery({
      sender: other,
      recipient: mine,
      sentAt: now,
      dueAt: now,
      secrecy: 'none',
      subject: `${word} ส่งถึง`,
    });
    const filters = {
      pattern: `%${word}%`,
      altPattern: null,
      from: null,
      to: null,
      speed: null,
      registerId: null,
      secrecyLevels: ['none'],
      cursor: null,
      limit: 10,
    };
    const subjects = async (visibleUnitIds: string[] | null) =>
      (await repo.search({ ...filters, visibleUnitIds }, everywhere)).map((h) =>
        h.subject.replace(`${word} `, ''),
      );
    // Every letter of the deployment that matches, newest first...
    expect(await subjects(null)).toEqual(['ส่งถึง 1', 'ที่อื่น', 'ลงรับ', 'บันทึก']);
    // ...and only those of the units, when the search starts from them.
    expect(await subjects([mine.id])).toEqual(['ส่งถึง 1', 'ลงรับ', 'บันทึก']);
    expect(await subjects([other.id])).toEqual(['ส่งถึง 1', 'ที่อื่น', 'ลงรับ']);
    expect(await subjects([])).toEqual([]);
    // The visibility predicate still applies to the candidates.
    expect(
      await repo.search({ ...filters, visibleUnitIds: [mine.id] }, { sql: 'false', params: [] }),
    ).toEqual([]);

    // On one connection: the search from units is planned once (its plan walks the units'
    // letters whatever the words); the search over everything is planned with its words.
    await t.dataSource.transaction(async (manager) => {
      const plans = async () =>
        new Map(
          (
            await manager.query<{ statement: string; generic: number; custom: number }[]>(
              `SELECT statement, generic_plans::int AS generic, custom_plans::int AS custom
                 FROM pg_prepared_statements WHERE statement LIKE '%saraban_search_form%'`,
            )
          ).map(({ statement, generic, custom }) => [statement, { generic, custom }]),
        );
      const before = await plans();
      const found = async (visibleUnitIds: string[] | null, pattern = filters.pattern) =>
        (await repo.search({ ...filters, pattern, visibleUnitIds }, everywhere, manager)).length;
      for (let i = 0; i < 6; i++) {
        expect(await found([mine.id])).toBe(3);
        expect(await found(null)).toBe(4);
        // Latin letters are matched with ILIKE: a pattern all the same.
        expect(await found(null, `%SMS${i}%`)).toBe(0);
      }
      const planned = [...(await plans())].flatMap(([statement, after]) => {
        const { generic = 0, custom = 0 } = before.get(statement) ?? {};
        const ran = { generic: after.generic - generic, custom: after.custom - custom };
        return ran.generic + ran.custom > 0 ? [{ statement: statement.slice(0, 30), ...ran }] : [];
      });
      expect(planned).toEqual([
        { statement: 'WITH candidate AS MATERIALIZED', generic: 6, custom: 0 },
      ]);
    });
  });
});
