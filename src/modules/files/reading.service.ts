import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { BlobStorage } from 'src/modules/files/blob-storage.js';
import { FileErrors } from 'src/modules/files/files.errors.js';
import { FilesRepository } from 'src/modules/files/files.repository.js';
import { FilesService } from 'src/modules/files/files.service.js';
import { OcrPool } from 'src/modules/files/reading/ocr-pool.js';
import {
  countPdfPages,
  PdfReadError,
  type PdfReadFailure,
  type ReadLine,
  readPdf,
} from 'src/modules/files/reading/pdf-reader.js';
import { ReadingRepository, type ReadingRow } from 'src/modules/files/reading.repository.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { type JobOutcome, type JobRequest, readingJobId } from 'src/queue/jobs.js';

/** Thai reasons a reading ends failed, by code. */
const FAILURES: Record<PdfReadFailure | 'internal', { code: string; detail: string }> = {
  encrypted: {
    code: 'READING_PDF_ENCRYPTED',
    detail: 'อ่านข้อความไม่ได้: ไฟล์ PDF นี้ถูกเข้ารหัสหรือตั้งรหัสผ่านไว้',
  },
  unreadable: {
    code: 'READING_PDF_UNREADABLE',
    detail: 'อ่านข้อความไม่ได้: ไฟล์ PDF นี้เสียหายหรือมีโครงสร้างไม่ถูกต้อง',
  },
  too_many_pages: {
    code: 'READING_TOO_MANY_PAGES',
    detail: 'อ่านข้อความไม่ได้: ไฟล์ PDF มีจำนวนหน้ามากเกินกำหนด',
  },
  internal: {
    code: 'READING_FAILED',
    detail: 'อ่านข้อความจากไฟล์ไม่สำเร็จหลังลองหลายครั้ง กรุณาสั่งอ่านใหม่ภายหลัง',
  },
};

/** Attempts of one job before an unexpected error ends the reading as failed. */
const ATTEMPTS_BEFORE_FAILED = 3;

export interface ReadingPageView {
  pageNumber: number;
  method: 'text_layer' | 'ocr';
  text: string;
  confidence: number;
  warnings: string[];
  width: number;
  height: number;
  lines?: ReadLine[];
}

export interface ReadingView {
  fileId: string;
  state: ReadingRow['state'];
  generation: number;
  pageCount: number | null;
  pagesDone: number;
  failure: { code: string; detail: string } | null;
  /** `no_text` when every page read is empty; page warnings are on the pages. */
  warnings: string[];
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** When done: the pages in order. */
  pages: ReadingPageView[] | null;
}

/** The text a parser gets from a finished reading: pages joined, with per-character confidence. */
export interface ReadText {
  text: string;
  /** One 0–1 confidence per UTF-16 code unit of `text`. */
  confidences: number[];
  warnings: string[];
}

class ReadingSuperseded extends Error {}

/**
 * Reading stored PDFs (src/modules/files/README.md#reading): queueing (after an upload, or
 * a re-read), the job that reads page by page into PostgreSQL, and the views.
 */
@Injectable()
export class ReadingService implements OnApplicationShutdown {
  private ocrPool: OcrPool | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ReadingRepository,
    private readonly filesRepository: FilesRepository,
    private readonly files: FilesService,
    private readonly storage: BlobStorage,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ocrPool?.close();
  }

  /** Queues a reading inside the caller's transaction; enqueue the returned job after commit. */
  async requestInTransaction(manager: EntityManager, fileId: string): Promise<JobRequest> {
    const row = await this.repository.request(manager, fileId, this.clock.now());
    return readingJob(row.fileId, row.generation);
  }

  /** Re-reads a file the principal may see: a new generation replaces the old pages. */
  async reread(principal: Principal, fileId: string): Promise<ReadingView> {
    const file = await this.files.findUploadedVisible(principal, fileId);
    const job = await this.dataSource.transaction(async (manager) => {
      const request = await this.requestInTransaction(manager, file.id);
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: file.uploadedUnitId,
        action: 'file.reading_requested',
        subjectType: 'file',
        subjectId: file.id,
        data: { generation: request.name === 'files.read' ? request.data.generation : null },
      });
      return request;
    });
    await this.jobs.addAfterCommit([job]);
    return this.view(principal, fileId, false);
  }

  /** State and progress (and, when done, the pages) of a file the principal may see. */
  async view(principal: Principal, fileId: string, withLines: boolean): Promise<ReadingView> {
    const file = await this.files.findUploadedVisible(principal, fileId);
    const row = await this.repository.find(this.dataSource, file.id);
    if (!row) throw new DomainError(FileErrors.FILE_NOT_FOUND);
    return this.describe(row, withLines);
  }

  /**
   * The finished reading's text for the parser, or 409 when it is not done, 404 when the
   * principal cannot see the file.
   */
  async textOf(principal: Principal, fileId: string): Promise<ReadText> {
    const file = await this.files.findUploadedVisible(principal, fileId);
    const row = await this.repository.find(this.dataSource, file.id);
    if (row?.state !== 'done') {
      throw new DomainError(FileErrors.FILE_READING_NOT_DONE, {
        data: { state: row?.state ?? null, pagesDone: row?.pagesDone ?? 0 },
      });
    }
    const pages = await this.repository.pages(file.id);
    const text: string[] = [];
    const confidences: number[] = [];
    const warnings = new Set<string>();
    for (const page of pages) {
      for (const w of page.warnings) warnings.add(w);
      for (const line of page.lines as ReadLine[]) {
        if (text.length > 0) {
          text.push('\n');
          confidences.push(1);
        }
        text.push(line.text);
        confidences.push(
          ...(line.charConfidences ?? Array.from({ length: line.text.length }, () => 1)),
        );
      }
    }
    return { text: text.join(''), confidences, warnings: [...warnings] };
  }

  /**
   * The job: reads the pages this generation has not stored yet, storing each as it
   * finishes, then ends the reading. Idempotent: a second run (a stalled job, the sweep)
   * finds the stored pages and reads only the rest.
   */
  async runJob(fileId: string, generation: number, attempt: number): Promise<JobOutcome> {
    const reading = await this.repository.find(this.dataSource, fileId);
    if (reading?.generation !== generation || !['queued', 'running'].includes(reading.state)) {
      return { done: 'nothing to read' };
    }
    const file = await this.filesRepository.findById(fileId);
    if (!file) return { done: 'file gone' };
    try {
      const bytes = await this.readBytes(file.sha256);
      const pageCount = await countPdfPages(bytes);
      if (!(await this.repository.start(fileId, generation, pageCount, this.clock.now()))) {
        return { done: 'superseded' };
      }
      const stored = new Set(await this.repository.storedPageNumbers(fileId, generation));
      const missing = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
        (n) => !stored.has(n),
      );
      if (missing.length > 0) {
        await readPdf(bytes, {
          ocr: this.ocr(),
          pages: missing,
          onPage: async (page) => {
            if (!(await this.repository.storePage(fileId, generation, page))) {
              throw new ReadingSuperseded();
            }
          },
        });
      }
      await this.repository.finish(fileId, generation, { state: 'done' }, this.clock.now());
      return { done: `read ${pageCount} pages (${missing.length} now)` };
    } catch (error) {
      if (error instanceof ReadingSuperseded) return { done: 'superseded' };
      if (error instanceof PdfReadError) {
        const failure = FAILURES[error.reason];
        const detail =
          error.reason === 'too_many_pages' && error.pageCount
            ? `${failure.detail} (${error.pageCount} หน้า)`
            : failure.detail;
        await this.repository.finish(
          fileId,
          generation,
          { state: 'failed', code: failure.code, detail },
          this.clock.now(),
        );
        return { done: `failed: ${error.reason}` };
      }
      logger.warn({ err: (error as Error).message, fileId, attempt }, 'reading attempt failed');
      if (attempt < ATTEMPTS_BEFORE_FAILED) throw error;
      await this.repository.finish(
        fileId,
        generation,
        { state: 'failed', ...FAILURES.internal },
        this.clock.now(),
      );
      return { done: 'failed after retries' };
    }
  }

  private ocr(): OcrPool {
    this.ocrPool ??= new OcrPool({
      size: this.config.readingOcrWorkers,
      timeoutMs: this.config.readingPageTimeoutMs,
    });
    return this.ocrPool;
  }

  private async readBytes(sha256: string): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.storage.open(sha256)) chunks.push(chunk as Buffer);
    return new Uint8Array(Buffer.concat(chunks));
  }

  private async describe(row: ReadingRow, withLines: boolean): Promise<ReadingView> {
    const pages =
      row.state === 'done'
        ? (await this.repository.pages(row.fileId)).map((page): ReadingPageView => ({
            pageNumber: page.pageNumber,
            method: page.method,
            text: page.text,
            confidence: page.confidence,
            warnings: page.warnings,
            width: page.width,
            height: page.height,
            ...(withLines ? { lines: page.lines as ReadLine[] } : {}),
          }))
        : null;
    const warnings: string[] = [];
    if (pages && pages.every((page) => page.text === '')) warnings.push('no_text');
    return {
      fileId: row.fileId,
      state: row.state,
      generation: row.generation,
      pageCount: row.pageCount,
      pagesDone: row.pagesDone,
      failure:
        row.failureCode && row.failureDetail
          ? { code: row.failureCode, detail: row.failureDetail }
          : null,
      warnings,
      requestedAt: row.requestedAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      pages,
    };
  }
}

export function readingJob(fileId: string, generation: number): JobRequest {
  return { name: 'files.read', id: readingJobId(fileId, generation), data: { fileId, generation } };
}
