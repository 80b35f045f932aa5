import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadReplica } from 'src/database/read-replica.js';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { parseUserDate } from 'src/common/user-date.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';
import type { PrintoutQuery } from 'src/modules/registers/registers.dto.js';
import { RegisterErrors } from 'src/modules/registers/registers.errors.js';
import {
  type PrintoutRow,
  RegistersRepository,
} from 'src/modules/registers/registers.repository.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';
import {
  type RegisterPrintoutInput,
  renderRegisterCsv,
  renderRegisterPrintoutInThread,
} from 'src/modules/registers/register-printout.renderer.js';
import { PdfThreadLimitError, PdfThreads } from 'src/pdf/pdf-threads.js';
import { formatThaiDate } from 'src/thai/be-date.js';
import { addDays, bangkokDate } from 'src/thai/calendar.js';
import { formatNumber } from 'src/thai/digits.js';

/** Midnight at the start of a Bangkok calendar day, as an instant (UTC+7, no DST). */
function bangkokMidnight(iso: string): Date {
  return new Date(Date.parse(`${iso}T00:00:00+07:00`));
}

@Injectable()
export class RegisterPrintoutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registers: RegistersService,
    private readonly organisations: OrganisationsService,
    private readonly repository: RegistersRepository,
    private readonly clock: Clock,
    private readonly reads: ReadReplica,
    private readonly pdfThreads: PdfThreads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async pdf(principal: Principal, registerId: string, query: PrintoutQuery): Promise<Uint8Array> {
    const input = await this.input(principal, registerId, query);
    try {
      // In a thread: a long period is hundreds of pages, seconds that would stall every request.
      return await this.pdfThreads.run(renderRegisterPrintoutInThread, [input], {
        timeoutMs: this.config.pdfRenderTimeoutMs,
        memoryMb: this.config.pdfRenderMemoryMb,
      });
    } catch (error) {
      if (error instanceof PdfThreadLimitError)
        throw new DomainError(RegisterErrors.PRINTOUT_LIMIT_EXCEEDED);
      throw error;
    }
  }

  async csv(principal: Principal, registerId: string, query: PrintoutQuery): Promise<string> {
    return renderRegisterCsv(await this.input(principal, registerId, query));
  }

  /**
   * The same book as JSON, for screens: the printout's columns as printed, plus each
   * entry's id, letter, status and registration instant, and the period as ISO dates.
   */
  async book(principal: Principal, registerId: string, query: PrintoutQuery) {
    const { input, rows, from, to } = await this.read(principal, registerId, query);
    return {
      registerId,
      unitName: input.unitName,
      registerName: input.registerName,
      from,
      to,
      periodText: input.periodText,
      numberColumnHeader: input.numberColumnHeader,
      rows: rows.map((row, index) => ({
        entryId: row.entryId,
        letterId: row.letterId,
        number: row.number,
        beYear: row.beYear,
        registeredAt: row.registeredAt,
        status: row.status,
        ...input.rows[index],
      })),
    };
  }

  private async input(
    principal: Principal,
    registerId: string,
    query: PrintoutQuery,
  ): Promise<RegisterPrintoutInput> {
    return (await this.read(principal, registerId, query)).input;
  }

  /** Period defaults to this Buddhist-era year up to today, Bangkok time. */
  private async read(
    principal: Principal,
    registerId: string,
    query: PrintoutQuery,
  ): Promise<{ input: RegisterPrintoutInput; rows: PrintoutRow[]; from: string; to: string }> {
    const db = await this.reads.for(principal.userId);
    const register = await this.registers.findVisibleRegister(db, principal, registerId);
    const today = bangkokDate(this.clock.now());
    const read = (raw: string | undefined, fallback: string, field: string) => {
      if (raw === undefined) return fallback;
      const iso = parseUserDate(raw);
      if (!iso)
        throw new DomainError(RegisterErrors.DATE_UNPARSEABLE, {
          errors: [{ field, code: 'unparseable', message: `อ่านวันที่ "${raw}" ไม่ได้` }],
        });
      return iso;
    };
    const from = read(query.from, `${today.slice(0, 4)}-01-01`, 'from');
    const to = read(query.to, today, 'to');
    const rows = await this.repository.findPrintoutRows(
      register.id,
      bangkokMidnight(from),
      bangkokMidnight(addDays(to, 1)),
      db,
    );
    const unit = await this.organisations.findUnit(register.unitId, db);
    const registerDate = (iso: string) =>
      formatThaiDate(iso, { style: 'register', digits: 'thai' });
    const input: RegisterPrintoutInput = {
      unitName: unit?.nameTh ?? '',
      registerName: register.name,
      periodText: `${registerDate(from)} – ${registerDate(to)}`,
      digits: 'thai',
      numberColumnHeader: register.direction === 'outgoing' ? 'เลขทะเบียนส่ง' : 'เลขทะเบียนรับ',
      rows: rows.map((row) => this.row(row, register.direction)),
    };
    return { input, rows, from, to };
  }

  private row(row: PrintoutRow, direction: 'incoming' | 'outgoing') {
    const cancelled = row.status === 'cancelled' ? `ยกเลิก: ${row.cancelReason ?? ''}` : '';
    return {
      receiptNumber: `${formatNumber(row.number, { digits: 'thai' })}/${formatNumber(row.beYear, { digits: 'thai' })}`,
      referenceNumber: (direction === 'outgoing' ? row.issuedReference : row.referenceRaw) ?? '',
      letterDate:
        row.letterDateRaw ??
        (row.letterDate
          ? formatThaiDate(row.letterDate, { style: 'register', digits: 'thai' })
          : ''),
      from: row.senderText ?? '',
      to: row.addressee ?? '',
      subject: row.subject,
      action: row.action ?? '',
      remarks: [row.remarks ?? '', cancelled].filter(Boolean).join(' '),
    };
  }
}
