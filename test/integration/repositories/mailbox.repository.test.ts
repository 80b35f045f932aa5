import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import {
  MAILBOX_LOCK_NAMESPACE,
  MailboxRepository,
  type NewDraft,
} from 'src/modules/mailbox/mailbox.repository.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow, rowsOf } from '../../harness/sql.js';
import { factories, type Factories, type TestUnit } from '../../factories/index.js';

describe('MailboxRepository', () => {
  let t: TestApp;
  let f: Factories;
  let repo: MailboxRepository;
  const now = new Date('2026-01-15T03:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    repo = t.get(MailboxRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  function draft(unit: { id: string }, fields: Partial<NewDraft> = {}): NewDraft {
    return {
      unitId: unit.id,
      messageId: `<${randomUUID()}@mail.example.go.th>`,
      sender: 'สำนักงานจังหวัด <saraban@province.go.th>',
      subject: 'ขอเชิญประชุม',
      sentAt: at(-5),
      receivedAt: now,
      bodyText: 'เรียน ผู้อำนวยการ\nตามหนังสือที่แนบมานี้',
      hasPdf: true,
      skippedAttachments: [],
      ...fields,
    };
  }

  async function newDraft(unit: { id: string }, fields: Partial<NewDraft> = {}): Promise<string> {
    const id = await repo.insertDraft(t.dataSource.manager, draft(unit, fields));
    if (id === null) throw new Error('draft not inserted');
    return id;
  }

  async function newFile(unit: TestUnit, name: string): Promise<string> {
    const stored = await t.get(FilesRepository).insert(t.dataSource.manager, {
      sha256: createHash('sha256')
        .update(name + randomUUID())
        .digest('hex'),
      size: '100',
      pages: 1,
      mediaType: 'application/pdf',
      originalName: name,
      uploadedBy: null,
      uploadedUnitId: unit.id,
      createdAt: now,
    });
    return stored.id;
  }

  async function statusOf(id: string) {
    return oneRow<{
      status: string;
      letter_id: string | null;
      entry_id: string | null;
      discard_reason: string | null;
      decided_by: string | null;
      decided_at: Date | null;
    }>(
      t.dataSource,
      `SELECT status, letter_id, entry_id, discard_reason, decided_by, decided_at
       FROM mailbox_drafts WHERE id = $1`,
      [id],
    );
  }

  it('tryLockMailbox admits one holder per unit until unlockMailbox releases it', async () => {
    const [unit, other] = [await f.newUnit({}), await f.newUnit({})];
    const first = t.dataSource.createQueryRunner();
    const second = t.dataSource.createQueryRunner();
    await first.connect();
    await second.connect();
    try {
      expect(await repo.tryLockMailbox(first, unit.id)).toBe(true);
      expect(await repo.tryLockMailbox(second, unit.id)).toBe(false);
      // Another unit's mailbox is a lock of its own.
      expect(await repo.tryLockMailbox(second, other.id)).toBe(true);
      const held = await rowsOf<{ objid: string }>(
        t.dataSource,
        `SELECT objid::text FROM pg_locks
         WHERE locktype = 'advisory' AND classid::int = $1 AND granted
           AND objid::int IN (hashtext($2), hashtext($3))`,
        [MAILBOX_LOCK_NAMESPACE, unit.id, other.id],
      );
      expect(held).toHaveLength(2);

      await repo.unlockMailbox(first, unit.id);
      expect(await repo.tryLockMailbox(second, unit.id)).toBe(true);
      expect(await repo.tryLockMailbox(first, unit.id)).toBe(false);
      await repo.unlockMailbox(second, unit.id);
      await repo.unlockMailbox(second, other.id);
      expect(await repo.tryLockMailbox(first, unit.id)).toBe(true);
      expect(await repo.tryLockMailbox(first, other.id)).toBe(true);
      await repo.unlockMailbox(first, unit.id);
      await repo.unlockMailbox(first, other.id);
    } finally {
      await first.release();
      await second.release();
    }
  });

  it('insertDraft stores every field and answers null for a Message-ID the unit has', async () => {
    const [unit, other] = [await f.newUnit({}), await f.newUnit({})];
    const skipped = [
      { name: 'ภาพ.png', contentType: 'image/png', size: 2048, reason: 'not_pdf' },
      { name: null, contentType: 'application/pdf', size: 99, reason: 'FILE_PDF_ENCRYPTED' },
    ];
    const fields = draft(unit, { hasPdf: false, skippedAttachments: skipped });
    const id = await repo.insertDraft(t.dataSource.manager, fields);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      await oneRow(
        t.dataSource,
        `SELECT unit_id, message_id, sender, subject, sent_at, received_at, body_text, has_pdf,
           skipped_attachments, status, letter_id, decided_at
         FROM mailbox_drafts WHERE id = $1`,
        [id],
      ),
    ).toEqual({
      unit_id: unit.id,
      message_id: fields.messageId,
      sender: fields.sender,
      subject: fields.subject,
      sent_at: fields.sentAt,
      received_at: now,
      body_text: fields.bodyText,
      has_pdf: false,
      skipped_attachments: skipped,
      status: 'pending',
      letter_id: null,
      decided_at: null,
    });

    // The same message again (another poll) is not a second draft.
    expect(
      await repo.insertDraft(t.dataSource.manager, { ...fields, subject: 'ซ้ำ', receivedAt: at(1) }),
    ).toBeNull();
    expect(
      await rowsOf(t.dataSource, 'SELECT subject FROM mailbox_drafts WHERE unit_id = $1', [
        unit.id,
      ]),
    ).toEqual([{ subject: fields.subject }]);
    // Another unit's mailbox receiving the same message keeps its own draft.
    const otherId = await repo.insertDraft(t.dataSource.manager, { ...fields, unitId: other.id });
    expect(otherId).not.toBeNull();
    expect(otherId).not.toBe(id);
  });

  it('insertDraft keeps the nulls of a message without sender, subject, date or body', async () => {
    const unit = await f.newUnit({});
    const id = await newDraft(unit, { sender: null, subject: null, sentAt: null, bodyText: null });
    expect(await repo.findDraft(t.dataSource.manager, unit.id, id)).toMatchObject({
      sender: null,
      subject: null,
      sentAt: null,
      bodyText: null,
      skippedAttachments: [],
      files: [],
    });
  });

  it('draftExists by unit and Message-ID', async () => {
    const [unit, other] = [await f.newUnit({}), await f.newUnit({})];
    const messageId = `<${randomUUID()}@mail.example.go.th>`;
    expect(await repo.draftExists(unit.id, messageId)).toBe(false);
    await newDraft(unit, { messageId });
    expect(await repo.draftExists(unit.id, messageId)).toBe(true);
    expect(await repo.draftExists(other.id, messageId)).toBe(false);
    expect(await repo.draftExists(unit.id, `<${randomUUID()}@mail.example.go.th>`)).toBe(false);
  });

  it('insertDraftFile links files that findDraft lists by position', async () => {
    const unit = await f.newUnit({});
    const id = await newDraft(unit);
    const [letterFile, enclosure] = [await newFile(unit, 'letter'), await newFile(unit, 'encl')];
    await repo.insertDraftFile(t.dataSource.manager, {
      draftId: id,
      position: 1,
      fileId: enclosure,
      name: null,
      duplicate: true,
    });
    await repo.insertDraftFile(t.dataSource.manager, {
      draftId: id,
      position: 0,
      fileId: letterFile,
      name: 'หนังสือ.pdf',
      duplicate: false,
    });
    expect(
      await rowsOf(
        t.dataSource,
        `SELECT position, file_id, name, duplicate FROM mailbox_draft_files
         WHERE draft_id = $1 ORDER BY position`,
        [id],
      ),
    ).toEqual([
      { position: 0, file_id: letterFile, name: 'หนังสือ.pdf', duplicate: false },
      { position: 1, file_id: enclosure, name: null, duplicate: true },
    ]);
    expect((await repo.findDraft(t.dataSource.manager, unit.id, id))?.files).toEqual([
      { fileId: letterFile, name: 'หนังสือ.pdf', position: 0, duplicate: false },
      { fileId: enclosure, name: null, position: 1, duplicate: true },
    ]);
    // A position is taken once per draft.
    await expect(
      repo.insertDraftFile(t.dataSource.manager, {
        draftId: id,
        position: 0,
        fileId: enclosure,
        name: null,
        duplicate: false,
      }),
    ).rejects.toThrow();
  });

  it('findDraft reads the whole draft of its unit; null for another unit or an unknown id', async () => {
    const [unit, other] = [await f.newUnit({}), await f.newUnit({})];
    const skipped = [
      { name: 'a.docx', contentType: 'application/msword', size: 5, reason: 'not_pdf' },
    ];
    const fields = draft(unit, { skippedAttachments: skipped });
    const id = await newDraft(unit, fields);
    expect(await repo.findDraft(t.dataSource.manager, unit.id, id)).toEqual({
      id,
      unitId: unit.id,
      messageId: fields.messageId,
      sender: fields.sender,
      subject: fields.subject,
      sentAt: fields.sentAt,
      receivedAt: now,
      bodyText: fields.bodyText,
      hasPdf: true,
      skippedAttachments: skipped,
      status: 'pending',
      letterId: null,
      entryId: null,
      discardReason: null,
      decidedBy: null,
      decidedAt: null,
      files: [],
    });
    expect(await repo.findDraft(t.dataSource.manager, other.id, id)).toBeNull();
    expect(await repo.findDraft(t.dataSource.manager, unit.id, randomUUID())).toBeNull();
  });

  it('lockDraft reads the draft and holds its row until the transaction ends', async () => {
    const unit = await f.newUnit({});
    const id = await newDraft(unit);
    const free = await newDraft(unit);
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.lockDraft(manager, unit.id, id)).toMatchObject({
        id,
        unitId: unit.id,
        status: 'pending',
      });
      await t.dataSource.transaction(async (otherTx) => {
        await expect(
          otherTx.query('SELECT 1 FROM mailbox_drafts WHERE id = $1 FOR UPDATE NOWAIT', [id]),
        ).rejects.toMatchObject({ code: '55P03' });
      });
      // Only that draft is held.
      await t.dataSource.transaction(async (otherTx) => {
        expect(
          await rowsOf(otherTx, 'SELECT id FROM mailbox_drafts WHERE id = $1 FOR UPDATE NOWAIT', [
            free,
          ]),
        ).toEqual([{ id: free }]);
      });
    });
    // Released with the transaction.
    await t.dataSource.transaction(async (otherTx) => {
      expect(
        await rowsOf(otherTx, 'SELECT id FROM mailbox_drafts WHERE id = $1 FOR UPDATE NOWAIT', [
          id,
        ]),
      ).toEqual([{ id }]);
    });
  });

  it('lockDraft is null, and locks nothing, for another unit’s draft or an unknown id', async () => {
    const [unit, other] = [await f.newUnit({}), await f.newUnit({})];
    const id = await newDraft(unit);
    await t.dataSource.transaction(async (manager) => {
      expect(await repo.lockDraft(manager, other.id, id)).toBeNull();
      expect(await repo.lockDraft(manager, unit.id, randomUUID())).toBeNull();
      await t.dataSource.transaction(async (otherTx) => {
        expect(
          await rowsOf(otherTx, 'SELECT id FROM mailbox_drafts WHERE id = $1 FOR UPDATE NOWAIT', [
            id,
          ]),
        ).toEqual([{ id }]);
      });
    });
  });

  describe('listDrafts', () => {
    let unit: TestUnit;
    /** Ids by name, newest first as listed: e (t+3), tie pair at t+2, b (t+1), a (t+0). */
    const ids: Record<string, string> = {};
    let tie: [string, string];
    beforeAll(async () => {
      unit = await f.newUnit({});
      const other = await f.newUnit({});
      ids.a = await newDraft(unit, { receivedAt: at(0), subject: 'a' });
      ids.b = await newDraft(unit, { receivedAt: at(1), subject: 'b' });
      ids.c = await newDraft(unit, { receivedAt: at(2), subject: 'c' });
      ids.d = await newDraft(unit, { receivedAt: at(2), subject: 'd' });
      ids.e = await newDraft(unit, { receivedAt: at(3), subject: 'e' });
      // Another unit's draft, newest of all, is never listed.
      ids.x = await newDraft(other, { receivedAt: at(10), subject: 'x' });
      await t.dataSource.query(`UPDATE mailbox_drafts SET status = 'discarded' WHERE id = $1`, [
        ids.b,
      ]);
      await t.dataSource.query(`UPDATE mailbox_drafts SET status = 'confirmed' WHERE id = $1`, [
        ids.d,
      ]);
      tie = [ids.c, ids.d].sort().reverse() as [string, string];
    });
    const list = async (filters: Partial<Parameters<MailboxRepository['listDrafts']>[1]>) =>
      (await repo.listDrafts(unit.id, { status: null, cursor: null, limit: 50, ...filters })).map(
        (d) => d.id,
      );

    it('lists the unit’s drafts newest first, ties by id descending', async () => {
      expect(await list({})).toEqual([ids.e, ...tie, ids.b, ids.a]);
      const [first] = await repo.listDrafts(unit.id, { status: null, cursor: null, limit: 1 });
      expect(first).toMatchObject({ id: ids.e, subject: 'e', receivedAt: at(3), files: [] });
    });

    it('filters by status, each status its own drafts', async () => {
      expect(await list({ status: 'pending' })).toEqual(
        [ids.e, ...tie, ids.a].filter((id) => id !== ids.d),
      );
      expect(await list({ status: 'confirmed' })).toEqual([ids.d]);
      expect(await list({ status: 'discarded' })).toEqual([ids.b]);
    });

    it('limits the page and continues strictly after the cursor', async () => {
      expect(await list({ limit: 2 })).toEqual([ids.e, tie[0]]);
      // A cursor inside the tie continues with the other draft of the same time.
      expect(
        await list({ limit: 2, cursor: { createdAt: at(2).toISOString(), id: tie[0] } }),
      ).toEqual([tie[1], ids.b]);
      expect(await list({ cursor: { createdAt: at(1).toISOString(), id: ids.b } })).toEqual([
        ids.a,
      ]);
      expect(await list({ cursor: { createdAt: at(0).toISOString(), id: ids.a } })).toEqual([]);
      expect(
        await list({ status: 'pending', cursor: { createdAt: at(3).toISOString(), id: ids.e } }),
      ).toEqual([ids.c, ids.a]);
    });
  });

  it('markConfirmed records the letter, entry and clerk of a pending draft only', async () => {
    const unit = await f.newUnit({});
    const clerk = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const { id: letterId } = await f.newLetter({ unit });
    const entryId = randomUUID();
    const [id, discarded, untouched] = [
      await newDraft(unit),
      await newDraft(unit),
      await newDraft(unit),
    ];
    await repo.markDiscarded(t.dataSource.manager, discarded, {
      reason: 'ไม่ใช่หนังสือราชการ',
      by: clerk.id,
      at: at(1),
    });

    await repo.markConfirmed(t.dataSource.manager, id, {
      letterId,
      entryId,
      by: clerk.id,
      at: at(2),
    });
    expect(await statusOf(id)).toEqual({
      status: 'confirmed',
      letter_id: letterId,
      entry_id: entryId,
      discard_reason: null,
      decided_by: clerk.id,
      decided_at: at(2),
    });
    // A closed draft keeps its first decision.
    await repo.markConfirmed(t.dataSource.manager, discarded, {
      letterId,
      entryId,
      by: clerk.id,
      at: at(3),
    });
    await repo.markConfirmed(t.dataSource.manager, id, {
      letterId: randomUUID(),
      entryId: randomUUID(),
      by: clerk.id,
      at: at(4),
    });
    expect(await statusOf(discarded)).toMatchObject({
      status: 'discarded',
      letter_id: null,
      decided_at: at(1),
    });
    expect(await statusOf(id)).toMatchObject({ letter_id: letterId, decided_at: at(2) });
    expect(await statusOf(untouched)).toMatchObject({ status: 'pending', decided_by: null });
  });

  it('markDiscarded records the reason and clerk of a pending draft only', async () => {
    const unit = await f.newUnit({});
    const clerk = await f.newUser({ memberships: [{ unit, role: 'clerk' }] });
    const [id, confirmed, untouched] = [
      await newDraft(unit),
      await newDraft(unit),
      await newDraft(unit),
    ];
    const { id: letterId } = await f.newLetter({ unit });
    await repo.markConfirmed(t.dataSource.manager, confirmed, {
      letterId,
      entryId: randomUUID(),
      by: clerk.id,
      at: at(1),
    });

    await repo.markDiscarded(t.dataSource.manager, id, {
      reason: 'สแปม',
      by: clerk.id,
      at: at(2),
    });
    expect(await statusOf(id)).toEqual({
      status: 'discarded',
      letter_id: null,
      entry_id: null,
      discard_reason: 'สแปม',
      decided_by: clerk.id,
      decided_at: at(2),
    });
    await repo.markDiscarded(t.dataSource.manager, confirmed, {
      reason: 'ภายหลัง',
      by: clerk.id,
      at: at(3),
    });
    await repo.markDiscarded(t.dataSource.manager, id, { reason: 'ซ้ำ', by: clerk.id, at: at(4) });
    expect(await statusOf(confirmed)).toMatchObject({
      status: 'confirmed',
      discard_reason: null,
      decided_at: at(1),
    });
    expect(await statusOf(id)).toMatchObject({ discard_reason: 'สแปม', decided_at: at(2) });
    expect(await statusOf(untouched)).toMatchObject({ status: 'pending', discard_reason: null });
  });
});
