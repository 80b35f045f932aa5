import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { ReadingRepository } from 'src/modules/files/reading.repository.js';
import type { ReadPage } from 'src/modules/files/reading/pdf-reader.js';
import { createTestApp, type TestApp } from '../../harness/app.js';
import { oneRow, rowsOf } from '../../harness/sql.js';

describe('ReadingRepository', () => {
  let t: TestApp;
  let repo: ReadingRepository;
  let files: FilesRepository;
  const requested = new Date('2026-01-15T03:00:00Z');
  const started = new Date('2026-01-15T03:00:05Z');
  const finished = new Date('2026-01-15T03:01:00Z');
  beforeAll(async () => {
    t = await createTestApp();
    repo = t.get(ReadingRepository);
    files = t.get(FilesRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  async function newFile(): Promise<string> {
    const { id } = await files.insert(t.dataSource.manager, {
      sha256: createHash('sha256').update(randomUUID()).digest('hex'),
      size: '2048',
      pages: 3,
      mediaType: 'application/pdf',
      originalName: 'คำสั่งจังหวัด.pdf',
      uploadedBy: null,
      uploadedUnitId: null,
      createdAt: requested,
    });
    return id;
  }

  function page(pageNumber: number, fields: Partial<ReadPage> = {}): ReadPage {
    return {
      pageNumber,
      method: 'text_layer',
      text: `หน้า ${pageNumber}\nเรื่อง ขอเชิญประชุม`,
      lines: [
        { text: `หน้า ${pageNumber}`, confidence: 1, box: { x0: 10, y0: 20, x1: 120, y1: 34 } },
        { text: 'เรื่อง ขอเชิญประชุม', confidence: 1, box: { x0: 10, y0: 40, x1: 220, y1: 54 } },
      ],
      confidence: 1,
      warnings: [],
      width: 595.5,
      height: 842,
      ...fields,
    };
  }

  async function storedPages(fileId: string) {
    return rowsOf<{ page_number: number; generation: number; text: string }>(
      t.dataSource,
      `SELECT page_number, generation, text FROM file_reading_pages
       WHERE file_id = $1 ORDER BY page_number`,
      [fileId],
    );
  }

  it('request queues generation 1 of a new reading and returns the row as stored', async () => {
    const fileId = await newFile();
    const queued = await repo.request(t.dataSource.manager, fileId, requested);
    expect(queued).toEqual({
      fileId,
      state: 'queued',
      generation: 1,
      pageCount: null,
      pagesDone: 0,
      failureCode: null,
      failureDetail: null,
      requestedAt: requested,
      startedAt: null,
      finishedAt: null,
    });
    expect(await repo.find(t.dataSource, fileId)).toEqual(queued);
  });

  it('request again starts the next generation: fields reset, old pages removed', async () => {
    const fileId = await newFile();
    const other = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    await repo.request(t.dataSource.manager, other, requested);
    await repo.start(fileId, 1, 2, started);
    await repo.start(other, 1, 1, started);
    await repo.storePage(fileId, 1, page(1));
    await repo.storePage(other, 1, page(1));
    await repo.finish(fileId, 1, { state: 'failed', code: 'ocr_failed', detail: 'พัง' }, finished);

    const later = new Date('2026-01-16T08:00:00Z');
    const again = await repo.request(t.dataSource.manager, fileId, later);
    expect(again).toEqual({
      fileId,
      state: 'queued',
      generation: 2,
      pageCount: null,
      pagesDone: 0,
      failureCode: null,
      failureDetail: null,
      requestedAt: later,
      startedAt: null,
      finishedAt: null,
    });
    expect(await storedPages(fileId)).toEqual([]);
    // Another file's reading is left alone.
    expect(await storedPages(other)).toEqual([
      { page_number: 1, generation: 1, text: page(1).text },
    ]);
    expect(await repo.find(t.dataSource, other)).toMatchObject({ generation: 1, pagesDone: 1 });
  });

  it('request inside a rolled-back transaction leaves the earlier reading and pages', async () => {
    const fileId = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    await repo.start(fileId, 1, 1, started);
    await repo.storePage(fileId, 1, page(1));
    const before = await repo.find(t.dataSource, fileId);
    await expect(
      t.dataSource.transaction(async (manager) => {
        await repo.request(manager, fileId, finished);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await repo.find(t.dataSource, fileId)).toEqual(before);
    expect(await storedPages(fileId)).toHaveLength(1);
  });

  it('find is null for a file never read, and reads its own file only', async () => {
    const a = await newFile();
    const b = await newFile();
    expect(await repo.find(t.dataSource, a)).toBeNull();
    await repo.request(t.dataSource.manager, b, requested);
    expect(await repo.find(t.dataSource, a)).toBeNull();
    expect(await repo.find(t.dataSource.manager, b)).toMatchObject({ fileId: b, generation: 1 });
  });

  it('start runs the current generation with its page count, keeping the first start time', async () => {
    const fileId = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    const running = await repo.start(fileId, 1, 4, started);
    expect(running).toEqual({
      fileId,
      state: 'running',
      generation: 1,
      pageCount: 4,
      pagesDone: 0,
      failureCode: null,
      failureDetail: null,
      requestedAt: requested,
      startedAt: started,
      finishedAt: null,
    });
    // A job run again after a crash: still running, started_at is the first one's.
    const rerun = await repo.start(fileId, 1, 4, new Date('2026-01-15T03:30:00Z'));
    expect(rerun).toEqual(running);
    expect(await repo.find(t.dataSource, fileId)).toEqual(running);
  });

  it('start is null for a replaced generation or an ended reading, and changes nothing', async () => {
    const replaced = await newFile();
    await repo.request(t.dataSource.manager, replaced, requested);
    await repo.request(t.dataSource.manager, replaced, requested);
    expect(await repo.start(replaced, 1, 3, started)).toBeNull();
    expect(await repo.find(t.dataSource, replaced)).toMatchObject({
      state: 'queued',
      generation: 2,
      pageCount: null,
      startedAt: null,
    });

    for (const outcome of [
      { state: 'done' } as const,
      { state: 'failed', code: 'unreadable', detail: 'ไฟล์เสีย' } as const,
    ]) {
      const ended = await newFile();
      await repo.request(t.dataSource.manager, ended, requested);
      await repo.finish(ended, 1, outcome, finished);
      const before = await repo.find(t.dataSource, ended);
      expect(await repo.start(ended, 1, 3, started)).toBeNull();
      expect(await repo.find(t.dataSource, ended)).toEqual(before);
    }
    expect(await repo.start(randomUUID(), 1, 3, started)).toBeNull();
  });

  it('storedPageNumbers lists the pages of this file and generation only', async () => {
    const fileId = await newFile();
    const other = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    await repo.request(t.dataSource.manager, other, requested);
    await repo.start(fileId, 1, 3, started);
    await repo.start(other, 1, 3, started);
    expect(await repo.storedPageNumbers(fileId, 1)).toEqual([]);
    await repo.storePage(fileId, 1, page(3));
    await repo.storePage(fileId, 1, page(1));
    await repo.storePage(other, 1, page(2));
    expect((await repo.storedPageNumbers(fileId, 1)).sort()).toEqual([1, 3]);
    expect(await repo.storedPageNumbers(fileId, 2)).toEqual([]);
    expect(await repo.storedPageNumbers(other, 1)).toEqual([2]);
  });

  it('storePage stores the page and counts it; pages reads them back in page order', async () => {
    const fileId = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    await repo.start(fileId, 1, 3, started);
    const ocr = page(2, {
      method: 'ocr',
      text: 'ลงชื่อ ผู้ว่าราชการจังหวัด',
      lines: [
        {
          text: 'ลงชื่อ',
          confidence: 0.5,
          box: { x0: 1.5, y0: 2, x1: 3, y1: 4 },
          charConfidences: [0.5, 0.5, 0.25, 0.75, 0.5, 0.5],
        },
      ],
      confidence: 0.5,
      warnings: ['low_confidence', 'noise_dropped'],
      width: 842,
      height: 595.5,
    });
    expect(await repo.storePage(fileId, 1, page(3))).toBe(true);
    expect(await repo.storePage(fileId, 1, ocr)).toBe(true);
    expect(await repo.storePage(fileId, 1, page(1))).toBe(true);
    expect(await repo.pages(fileId)).toEqual([page(1), ocr, page(3)]);
    expect(await repo.find(t.dataSource, fileId)).toMatchObject({
      state: 'running',
      pageCount: 3,
      pagesDone: 3,
    });
    expect((await storedPages(fileId)).map((row) => row.generation)).toEqual([1, 1, 1]);
  });

  it('storePage twice keeps the first page and counts it once', async () => {
    const fileId = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    await repo.start(fileId, 1, 2, started);
    expect(await repo.storePage(fileId, 1, page(1))).toBe(true);
    expect(await repo.storePage(fileId, 1, page(1, { text: 'อ่านซ้ำ' }))).toBe(true);
    expect(await repo.pages(fileId)).toEqual([page(1)]);
    expect(await repo.find(t.dataSource, fileId)).toMatchObject({ pagesDone: 1 });
  });

  it('storePage is false and stores nothing unless this generation is running', async () => {
    // Queued, not started yet.
    const queued = await newFile();
    await repo.request(t.dataSource.manager, queued, requested);
    expect(await repo.storePage(queued, 1, page(1))).toBe(false);
    // Replaced by a re-read while running.
    const replaced = await newFile();
    await repo.request(t.dataSource.manager, replaced, requested);
    await repo.start(replaced, 1, 2, started);
    await repo.request(t.dataSource.manager, replaced, finished);
    await repo.start(replaced, 2, 2, finished);
    expect(await repo.storePage(replaced, 1, page(1))).toBe(false);
    // Already done.
    const done = await newFile();
    await repo.request(t.dataSource.manager, done, requested);
    await repo.start(done, 1, 2, started);
    await repo.finish(done, 1, { state: 'done' }, finished);
    expect(await repo.storePage(done, 1, page(1))).toBe(false);
    // No reading at all.
    expect(await repo.storePage(randomUUID(), 1, page(1))).toBe(false);

    for (const fileId of [queued, replaced, done]) {
      expect(await storedPages(fileId)).toEqual([]);
      expect(await repo.find(t.dataSource, fileId)).toMatchObject({ pagesDone: 0 });
    }
    // The current generation still stores.
    expect(await repo.storePage(replaced, 2, page(1))).toBe(true);
    expect(await storedPages(replaced)).toEqual([
      { page_number: 1, generation: 2, text: page(1).text },
    ]);
  });

  it('finish ends a running reading as done, without failure fields', async () => {
    const fileId = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    await repo.start(fileId, 1, 1, started);
    expect(await repo.finish(fileId, 1, { state: 'done' }, finished)).toBe(true);
    expect(await repo.find(t.dataSource, fileId)).toEqual({
      fileId,
      state: 'done',
      generation: 1,
      pageCount: 1,
      pagesDone: 0,
      failureCode: null,
      failureDetail: null,
      requestedAt: requested,
      startedAt: started,
      finishedAt: finished,
    });
  });

  it('finish ends a queued reading as failed with its code and detail', async () => {
    const fileId = await newFile();
    await repo.request(t.dataSource.manager, fileId, requested);
    const outcome = { state: 'failed', code: 'encrypted', detail: 'ไฟล์มีรหัสผ่าน' } as const;
    expect(await repo.finish(fileId, 1, outcome, finished)).toBe(true);
    expect(await repo.find(t.dataSource, fileId)).toMatchObject({
      state: 'failed',
      failureCode: 'encrypted',
      failureDetail: 'ไฟล์มีรหัสผ่าน',
      startedAt: null,
      finishedAt: finished,
    });
  });

  it('finish is false for a replaced generation or an ended reading, and changes nothing', async () => {
    const replaced = await newFile();
    await repo.request(t.dataSource.manager, replaced, requested);
    await repo.start(replaced, 1, 1, started);
    await repo.request(t.dataSource.manager, replaced, finished);
    const current = await repo.find(t.dataSource, replaced);
    expect(await repo.finish(replaced, 1, { state: 'done' }, finished)).toBe(false);
    expect(await repo.find(t.dataSource, replaced)).toEqual(current);

    const done = await newFile();
    await repo.request(t.dataSource.manager, done, requested);
    await repo.finish(done, 1, { state: 'done' }, finished);
    const ended = await repo.find(t.dataSource, done);
    const failure = { state: 'failed', code: 'late', detail: 'ช้าไป' } as const;
    expect(await repo.finish(done, 1, failure, new Date('2026-01-15T04:00:00Z'))).toBe(false);
    expect(await repo.find(t.dataSource, done)).toEqual(ended);
  });

  it('pages is empty for a file without pages and never mixes files', async () => {
    const a = await newFile();
    const b = await newFile();
    expect(await repo.pages(a)).toEqual([]);
    await repo.request(t.dataSource.manager, a, requested);
    await repo.request(t.dataSource.manager, b, requested);
    await repo.start(a, 1, 1, started);
    await repo.start(b, 1, 1, started);
    await repo.storePage(b, 1, page(1, { text: 'ของไฟล์ ข' }));
    expect(await repo.pages(a)).toEqual([]);
    expect(await repo.pages(b)).toEqual([page(1, { text: 'ของไฟล์ ข' })]);
  });

  it('findUnfinished gives queued and running readings past the grace, oldest first', async () => {
    // Times far from every other test's, so only this test's readings are old enough.
    const base = new Date('1990-03-01T00:00:00Z');
    const at = (seconds: number) => new Date(base.getTime() + seconds * 1000);
    const running = await newFile();
    const queuedOld = await newFile();
    const queuedRecent = await newFile();
    const done = await newFile();
    const failed = await newFile();
    const rerun = await newFile();
    await repo.request(t.dataSource.manager, running, at(20));
    await repo.start(running, 1, 1, at(21));
    await repo.request(t.dataSource.manager, queuedOld, at(10));
    await repo.request(t.dataSource.manager, queuedRecent, at(95));
    await repo.request(t.dataSource.manager, done, at(5));
    await repo.finish(done, 1, { state: 'done' }, at(6));
    await repo.request(t.dataSource.manager, failed, at(6));
    await repo.finish(failed, 1, { state: 'failed', code: 'x', detail: 'y' }, at(7));
    await repo.request(t.dataSource.manager, rerun, at(1));
    await repo.request(t.dataSource.manager, rerun, at(30));

    const now = at(100);
    // Grace 10 s: requested before at(90).
    expect(await repo.findUnfinished(t.dataSource.manager, now, 10, 10)).toEqual([
      { fileId: queuedOld, generation: 1 },
      { fileId: running, generation: 1 },
      { fileId: rerun, generation: 2 },
    ]);
    // Grace 4 s lets the recent one in; requested exactly at the cut is not yet due.
    expect(await repo.findUnfinished(t.dataSource.manager, now, 4, 10)).toEqual([
      { fileId: queuedOld, generation: 1 },
      { fileId: running, generation: 1 },
      { fileId: rerun, generation: 2 },
      { fileId: queuedRecent, generation: 1 },
    ]);
    expect(await repo.findUnfinished(t.dataSource.manager, now, 5, 10)).toHaveLength(3);
    // Grace 75 s: only those before at(25).
    expect(await repo.findUnfinished(t.dataSource.manager, now, 75, 10)).toEqual([
      { fileId: queuedOld, generation: 1 },
      { fileId: running, generation: 1 },
    ]);
    expect(await repo.findUnfinished(t.dataSource.manager, now, 10, 2)).toEqual([
      { fileId: queuedOld, generation: 1 },
      { fileId: running, generation: 1 },
    ]);
  });

  it('findUnfinished without a time measures the grace from the database clock', async () => {
    const fileId = await newFile();
    const { hourAgo } = await oneRow<{ hourAgo: Date }>(
      t.dataSource,
      `SELECT now() - interval '1 hour' AS "hourAgo"`,
    );
    await repo.request(t.dataSource.manager, fileId, hourAgo);
    const ids = async (grace: number) =>
      (await repo.findUnfinished(t.dataSource.manager, null, grace, 1000)).map((r) => r.fileId);
    expect(await ids(60)).toContain(fileId);
    expect(await ids(2 * 3600)).not.toContain(fileId);
  });
});
