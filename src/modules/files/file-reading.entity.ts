import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StoredFile } from 'src/modules/files/stored-file.entity.js';

export type ReadingState = 'queued' | 'running' | 'done' | 'failed';

/**
 * The reading of one stored PDF's text (src/modules/files/README.md#reading): its state and
 * progress. A re-read bumps `generation`; pages and jobs of an older generation are ignored.
 */
@Entity({ name: 'file_readings' })
@Check('file_readings_state_check', `state IN ('queued', 'running', 'done', 'failed')`)
@Index('file_readings_unfinished_idx', ['requestedAt'], {
  where: `state IN ('queued', 'running')`,
})
export class FileReading {
  @PrimaryColumn({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @Column({ type: 'text' })
  state: ReadingState;

  /** 1 for the first reading, +1 for each re-read. */
  @Column({ type: 'integer', default: 1 })
  generation: number;

  /** Page count, once the PDF has been opened. */
  @Column({ name: 'page_count', type: 'integer', nullable: true })
  pageCount: number | null;

  @Column({ name: 'pages_done', type: 'integer', default: 0 })
  pagesDone: number;

  /** Why it failed: a stable code and a Thai sentence for the clerk. */
  @Column({ name: 'failure_code', type: 'text', nullable: true })
  failureCode: string | null;

  @Column({ name: 'failure_detail', type: 'text', nullable: true })
  failureDetail: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @ManyToOne(() => StoredFile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'file_readings_file_fk' })
  file?: StoredFile;
}

/** One page's text as read, stored as soon as the page is done (a crash keeps it). */
@Entity({ name: 'file_reading_pages' })
export class FileReadingPage {
  @PrimaryColumn({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @PrimaryColumn({ name: 'page_number', type: 'integer' })
  pageNumber: number;

  /** The reading generation that wrote it. */
  @Column({ type: 'integer' })
  generation: number;

  /** `text_layer` or `ocr`. */
  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  text: string;

  /** ReadLine[]: text, confidence, box in points, per-character confidences for OCR. */
  @Column({ type: 'jsonb' })
  lines: unknown;

  @Column({ type: 'real' })
  confidence: number;

  @Column({ type: 'jsonb' })
  warnings: string[];

  @Column({ type: 'real' })
  width: number;

  @Column({ type: 'real' })
  height: number;

  @ManyToOne(() => FileReading, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'file_reading_pages_reading_fk' })
  reading?: FileReading;
}
