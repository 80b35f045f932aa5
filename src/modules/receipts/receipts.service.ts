import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { FilesService } from 'src/modules/files/files.service.js';
import { ReceiptErrors } from 'src/modules/receipts/receipts.errors.js';
import { ReceiptsRepository } from 'src/modules/receipts/receipts.repository.js';
import { renderStampedPdfInThread, type StampInput } from 'src/modules/receipts/stamp-renderer.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';
import { PdfThreadLimitError, type PdfThreadLimits, PdfThreads } from 'src/pdf/pdf-threads.js';
import { formatThaiDate, formatThaiTime } from 'src/thai/be-date.js';
import { bangkokDate, bangkokTime } from 'src/thai/calendar.js';
import { formatNumber } from 'src/thai/digits.js';

/** Bump when the stamp's look changes, so cached renderings are made again. */
const RENDERING_VERSION = 1;

@Injectable()
export class ReceiptsService {
  private readonly cacheDir: string;
  private readonly limits: PdfThreadLimits;

  constructor(
    private readonly registers: RegistersService,
    private readonly files: FilesService,
    private readonly repository: ReceiptsRepository,
    private readonly pdfThreads: PdfThreads,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cacheDir = resolve(config.dataDir, 'stamped');
    this.limits = { timeoutMs: config.pdfRenderTimeoutMs, memoryMb: config.pdfRenderMemoryMb };
  }

  /** The stamps a receipt's rendering shows: its own and those recorded before it on its path. */
  async stampsFor(
    principal: Principal,
    entryId: string,
  ): Promise<{ letterId: string; stamps: StampInput[] }> {
    const { entry, register } = await this.registers.getEntry(principal, entryId);
    if (register.direction !== 'incoming') throw new DomainError(ReceiptErrors.NOT_A_RECEIPT);
    const pathUnits = await this.repository.findPathUnits(entry.deliveryId);
    const chain = await this.repository.findStampChain(
      entry.letterId,
      new Date(entry.registeredAt),
      pathUnits,
    );
    const stamps = chain.map((row) => {
      const at = new Date(row.registeredAt);
      return {
        unitName: row.unitName,
        receiptNumber: formatNumber(row.number, { digits: 'thai' }),
        date: formatThaiDate(bangkokDate(at), { style: 'register', digits: 'thai' }),
        time: formatThaiTime(bangkokTime(at), { digits: 'thai' }),
      };
    });
    return { letterId: entry.letterId, stamps };
  }

  /**
   * The original PDF with the chain's receipt stamps. The original is never changed;
   * the rendering is reproducible from the data and cached under a hash of its inputs.
   */
  async stampedPdf(
    principal: Principal,
    entryId: string,
  ): Promise<{ bytes: Uint8Array; etag: string }> {
    const { letterId, stamps } = await this.stampsFor(principal, entryId);
    const original = await this.repository.findFirstFile(letterId);
    if (!original) throw new DomainError(ReceiptErrors.LETTER_HAS_NO_FILE);
    const key = createHash('sha256')
      .update(JSON.stringify({ v: RENDERING_VERSION, original: original.sha256, stamps }))
      .digest('hex');
    const cached = join(this.cacheDir, `${key}.pdf`);
    try {
      return { bytes: await readFile(cached), etag: key };
    } catch {
      // Not rendered yet.
    }
    let bytes: Uint8Array;
    try {
      // In a thread: a large original takes seconds, which would stall every request.
      bytes = await this.pdfThreads.run(
        renderStampedPdfInThread,
        [await this.files.readAll(original.sha256), stamps],
        this.limits,
      );
    } catch (error) {
      if (error instanceof PdfThreadLimitError)
        throw new DomainError(ReceiptErrors.STAMP_LIMIT_EXCEEDED);
      throw new DomainError(ReceiptErrors.ORIGINAL_CANNOT_BE_STAMPED);
    }
    await mkdir(this.cacheDir, { recursive: true });
    const temporary = `${cached}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, cached);
    return { bytes, etag: key };
  }
}
