import { Inject, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { safeFileName, setPdfHeaders } from 'src/http/downloads.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { type AuditActor, AuditService } from 'src/modules/audit/audit.service.js';
import { BlobStorage } from 'src/modules/files/blob-storage.js';
import { type UploadedFileView, view } from 'src/modules/files/files.dto.js';
import { FileErrors } from 'src/modules/files/files.errors.js';
import { FilesRepository, type FileRow } from 'src/modules/files/files.repository.js';
import { hasPdfMagic } from 'src/modules/files/pdf-inspection.js';
import { inspectPdf } from 'src/modules/files/pdf-inspector.js';
import { ReadingRepository } from 'src/modules/files/reading.repository.js';
import { JobQueue } from 'src/queue/job-queue.js';
import { type JobRequest, readingJobId } from 'src/queue/jobs.js';
import { PdfThreads } from 'src/pdf/pdf-threads.js';

/** A PDF that passed the upload checks and whose bytes are stored under `sha256`. */
export interface CheckedPdf {
  sha256: string;
  size: number;
  pages: number;
}

@Injectable()
export class FilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: FilesRepository,
    private readonly storage: BlobStorage,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly pdfThreads: PdfThreads,
    private readonly readings: ReadingRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks an uploaded PDF (off the request thread, with limits), stores the original
   * bytes unchanged under their sha256, and records the upload. Its reading is queued in
   * the same transaction and enqueued after commit (README.md#reading).
   */
  async upload(
    principal: Principal,
    bytes: Uint8Array,
    originalName: string | null,
    unitId?: string,
  ): Promise<UploadedFileView> {
    const units = this.access.actingUnitIds(principal);
    const uploadedUnitId = unitId ?? (units.length === 1 ? units[0] : undefined);
    if (!uploadedUnitId || !units.includes(uploadedUnitId)) {
      throw new DomainError(FileErrors.FILE_UNIT_REQUIRED);
    }
    const checked = await this.checkAndStore(bytes);
    const readingJobs: JobRequest[] = [];
    const uploaded = await this.dataSource.transaction(async (manager) =>
      view(
        await this.recordStored(
          manager,
          checked,
          {
            actor: this.access.actor(principal),
            uploadedBy: principal.userId,
            unitId: uploadedUnitId,
            originalName,
          },
          readingJobs,
        ),
      ),
    );
    await this.enqueueAfterCommit(readingJobs);
    return uploaded;
  }

  /**
   * The upload checks (size, magic bytes, then the PDF parsed off this thread with limits)
   * and the original written under its sha256. Throws the check's DomainError; nothing is
   * recorded yet: `recordStored` does that in the caller's transaction.
   */
  async checkAndStore(bytes: Uint8Array): Promise<CheckedPdf> {
    if (bytes.byteLength > this.config.fileMaxBytes)
      throw new DomainError(FileErrors.FILE_TOO_LARGE);
    if (!hasPdfMagic(bytes)) throw new DomainError(FileErrors.FILE_NOT_PDF);
    const inspection = await inspectPdf(this.pdfThreads, bytes, {
      maxPages: this.config.fileMaxPages,
      timeoutMs: this.config.fileCheckTimeoutMs,
      memoryMb: this.config.fileCheckMemoryMb,
    });
    if (!inspection.ok) {
      switch (inspection.reason) {
        case 'unparseable':
          throw new DomainError(FileErrors.FILE_PDF_UNPARSEABLE);
        case 'encrypted':
          throw new DomainError(FileErrors.FILE_PDF_ENCRYPTED);
        case 'too_many_pages':
          throw new DomainError(FileErrors.FILE_PDF_TOO_MANY_PAGES, {
            detail: `ไฟล์ PDF มี ${inspection.pages} หน้า เกินกำหนด ${this.config.fileMaxPages} หน้า`,
          });
        case 'active_content':
          throw new DomainError(FileErrors.FILE_PDF_ACTIVE_CONTENT, {
            detail: `ไฟล์ PDF นี้มีเนื้อหาที่สั่งทำงานได้ (${(inspection.found ?? []).join(', ')}) ระบบไม่รับไฟล์ลักษณะนี้เพื่อความปลอดภัย`,
            data: { activeContent: inspection.found ?? [] },
          });
        case 'timeout':
        case 'resource_limit':
          throw new DomainError(FileErrors.FILE_PDF_CHECK_LIMIT);
      }
    }
    // The blob is written before the row: a failed transaction leaves an unreferenced blob
    // (harmless, content-addressed), never a row without its bytes.
    const sha256 = await this.storage.put(bytes);
    return { sha256, size: bytes.byteLength, pages: inspection.pages };
  }

  /**
   * Records a checked, stored PDF as an upload of the unit, with its audit event, and queues
   * its reading in the same transaction: the job goes into `readingJobs`, for the caller to
   * pass to `enqueueAfterCommit` once the transaction has committed.
   */
  async recordStored(
    manager: EntityManager,
    checked: CheckedPdf,
    by: {
      actor: AuditActor;
      uploadedBy: string | null;
      unitId: string;
      originalName: string | null;
    },
    readingJobs: JobRequest[],
  ): Promise<FileRow> {
    const row = await this.repository.insert(manager, {
      sha256: checked.sha256,
      size: String(checked.size),
      pages: checked.pages,
      mediaType: 'application/pdf',
      originalName: by.originalName === null ? null : safeFileName(by.originalName) || null,
      uploadedBy: by.uploadedBy,
      uploadedUnitId: by.unitId,
      createdAt: this.clock.now(),
    });
    await this.audit.record(manager, {
      actor: by.actor,
      unitId: by.unitId,
      action: 'file.uploaded',
      subjectType: 'file',
      subjectId: row.id,
      data: { sha256: checked.sha256, size: checked.size, pages: checked.pages },
    });
    if (this.config.readingOnUpload) {
      const reading = await this.readings.request(manager, row.id, this.clock.now());
      readingJobs.push({
        name: 'files.read',
        id: readingJobId(row.id, reading.generation),
        data: { fileId: row.id, generation: reading.generation },
      });
    }
    return row;
  }

  /** Enqueues the readings `recordStored` queued, after their transaction committed. */
  async enqueueAfterCommit(readingJobs: JobRequest[]): Promise<void> {
    await this.jobs.addAfterCommit(readingJobs);
  }

  /** Whether the bytes start as a PDF does (the check uploads make before any other). */
  looksLikePdf(bytes: Uint8Array): boolean {
    return hasPdfMagic(bytes);
  }

  /** The unit's earliest file with these bytes, if it has one (to store them only once). */
  findUnitFileBySha256(
    manager: EntityManager,
    unitId: string,
    sha256: string,
  ): Promise<FileRow | undefined> {
    return this.repository.findByUnitAndSha256(manager, unitId, sha256);
  }

  /** A file as its uploading units see it; a letter's readers reach it through the letter. */
  async findUploadedVisible(principal: Principal, id: string): Promise<FileRow> {
    const row = await this.repository.findById(id);
    if (
      !row?.uploadedUnitId ||
      !this.access.actingUnitIds(principal).includes(row.uploadedUnitId)
    ) {
      throw new DomainError(FileErrors.FILE_NOT_FOUND);
    }
    return row;
  }

  async findById(id: string): Promise<FileRow> {
    const row = await this.repository.findById(id);
    if (!row) throw new DomainError(FileErrors.FILE_NOT_FOUND);
    return row;
  }

  /** Streams the original with the headers a PDF viewer needs; it never changes, so it caches. */
  stream(row: FileRow, response: Response, inline = false): void {
    setPdfHeaders(response, {
      filename: row.originalName ?? `${row.sha256.slice(0, 16)}.pdf`,
      inline,
    });
    response.setHeader('Content-Length', String(row.size));
    response.setHeader('ETag', `"${row.sha256}"`);
    response.setHeader('Cache-Control', 'private, max-age=31536000, immutable');
    this.storage.open(row.sha256).pipe(response);
  }

  describe(row: FileRow): UploadedFileView {
    return view(row);
  }

  async readAll(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.storage.open(sha256)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
}
