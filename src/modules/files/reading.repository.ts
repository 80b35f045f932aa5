import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { col, execute, executeCount, queryFirst, queryRows } from 'src/database/rows.js';
import type { ReadPage } from 'src/modules/files/reading/pdf-reader.js';

const READING_ROW = {
  fileId: col.uuid,
  state: col.oneOf('queued', 'running', 'done', 'failed'),
  generation: col.int,
  pageCount: col.nullable(col.int),
  pagesDone: col.int,
  failureCode: col.nullable(col.text),
  failureDetail: col.nullable(col.text),
  requestedAt: col.date,
  startedAt: col.nullable(col.date),
  finishedAt: col.nullable(col.date),
};
const READING_COLUMNS = `file_id AS "fileId", state, generation, page_count AS "pageCount",
  pages_done AS "pagesDone", failure_code AS "failureCode", failure_detail AS "failureDetail",
  requested_at AS "requestedAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

const PAGE_ROW = {
  pageNumber: col.int,
  method: col.oneOf('text_layer', 'ocr'),
  text: col.text,
  lines: col.json,
  confidence: col.number,
  warnings: col.array(col.text),
  width: col.number,
  height: col.number,
};

export type ReadingRow = {
  fileId: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  generation: number;
  pageCount: number | null;
  pagesDone: number;
  failureCode: string | null;
  failureDetail: string | null;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

/** All SQL of file readings (tables `file_readings`, `file_reading_pages`). */
@Injectable()
export class ReadingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Queues a reading of the file: a new row at generation 1, or the next generation of an
   * existing one with its pages removed. Returns the row as queued.
   */
  async request(manager: EntityManager, fileId: string, now: Date): Promise<ReadingRow> {
    await execute(manager, `DELETE FROM file_reading_pages WHERE file_id = $1`, [fileId]);
    const rows = await queryRows(
      manager,
      'ReadingRepository.request',
      READING_ROW,
      `INSERT INTO file_readings (file_id, state, generation, requested_at)
       VALUES ($1, 'queued', 1, $2)
       ON CONFLICT (file_id) DO UPDATE SET state = 'queued',
         generation = file_readings.generation + 1, page_count = NULL, pages_done = 0,
         failure_code = NULL, failure_detail = NULL, requested_at = $2, started_at = NULL,
         finished_at = NULL
       RETURNING ${READING_COLUMNS}`,
      [fileId, now],
    );
    return rows[0];
  }

  async find(db: EntityManager | DataSource, fileId: string): Promise<ReadingRow | null> {
    return queryFirst(
      db,
      'ReadingRepository.find',
      READING_ROW,
      `SELECT ${READING_COLUMNS} FROM file_readings WHERE file_id = $1`,
      [fileId],
    );
  }

  /**
   * Marks this generation's reading as running with its page count; null when a re-read
   * replaced it or it already ended (the job has nothing to do).
   */
  async start(fileId: string, generation: number, pageCount: number, now: Date) {
    return queryFirst(
      this.dataSource,
      'ReadingRepository.start',
      READING_ROW,
      `UPDATE file_readings SET state = 'running', page_count = $3,
         started_at = COALESCE(started_at, $4)
       WHERE file_id = $1 AND generation = $2 AND state IN ('queued', 'running')
       RETURNING ${READING_COLUMNS}`,
      [fileId, generation, pageCount, now],
    );
  }

  /** Page numbers this generation has already stored. */
  async storedPageNumbers(fileId: string, generation: number): Promise<number[]> {
    const rows = await queryRows(
      this.dataSource,
      'ReadingRepository.storedPageNumbers',
      { pageNumber: col.int },
      `SELECT page_number AS "pageNumber" FROM file_reading_pages
       WHERE file_id = $1 AND generation = $2`,
      [fileId, generation],
    );
    return rows.map((row) => row.pageNumber);
  }

  /**
   * Stores one page and counts it, in one transaction; false when the generation is no
   * longer current (a re-read started), so the job stops. Storing a page twice (a job run
   * again after a crash) keeps the first.
   */
  async storePage(fileId: string, generation: number, page: ReadPage): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const current = await queryFirst(
        manager,
        'ReadingRepository.storePage.lock',
        { generation: col.int },
        `SELECT generation FROM file_readings WHERE file_id = $1 AND state = 'running' FOR UPDATE`,
        [fileId],
      );
      if (current?.generation !== generation) return false;
      const inserted = await queryRows(
        manager,
        'ReadingRepository.storePage',
        { pageNumber: col.int },
        `INSERT INTO file_reading_pages
           (file_id, page_number, generation, method, text, lines, confidence, warnings, width, height)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9, $10)
         ON CONFLICT (file_id, page_number) DO NOTHING RETURNING page_number AS "pageNumber"`,
        [
          fileId,
          page.pageNumber,
          generation,
          page.method,
          page.text,
          JSON.stringify(page.lines),
          page.confidence,
          JSON.stringify(page.warnings),
          page.width,
          page.height,
        ],
      );
      if (inserted.length > 0) {
        await execute(
          manager,
          `UPDATE file_readings SET pages_done = pages_done + 1 WHERE file_id = $1`,
          [fileId],
        );
      }
      return true;
    });
  }

  /** Ends this generation's reading as done or failed; false when it was replaced. */
  async finish(
    fileId: string,
    generation: number,
    outcome: { state: 'done' } | { state: 'failed'; code: string; detail: string },
    now: Date,
  ): Promise<boolean> {
    const count = await executeCount(
      this.dataSource,
      'ReadingRepository.finish',
      `UPDATE file_readings SET state = $3, failure_code = $4, failure_detail = $5,
         finished_at = $6
       WHERE file_id = $1 AND generation = $2 AND state IN ('queued', 'running')`,
      [
        fileId,
        generation,
        outcome.state,
        outcome.state === 'failed' ? outcome.code : null,
        outcome.state === 'failed' ? outcome.detail : null,
        now,
      ],
    );
    return count > 0;
  }

  async pages(fileId: string) {
    return queryRows(
      this.dataSource,
      'ReadingRepository.pages',
      PAGE_ROW,
      `SELECT page_number AS "pageNumber", method, text, lines, confidence, warnings, width, height
       FROM file_reading_pages WHERE file_id = $1 ORDER BY page_number`,
      [fileId],
    );
  }

  /**
   * Readings not ended whose job Redis may have lost: queued or running, requested longer
   * than `graceSeconds` ago (the after-commit job is on its way until then).
   */
  async findUnfinished(
    manager: EntityManager,
    now: Date | null,
    graceSeconds: number,
    limit: number,
  ): Promise<{ fileId: string; generation: number }[]> {
    return queryRows(
      manager,
      'ReadingRepository.findUnfinished',
      { fileId: col.uuid, generation: col.int },
      `SELECT file_id AS "fileId", generation FROM file_readings
       WHERE state IN ('queued', 'running')
         AND requested_at < COALESCE($1::timestamptz, now()) - make_interval(secs => $2)
       ORDER BY requested_at LIMIT $3`,
      [now, graceSeconds, limit],
    );
  }
}
