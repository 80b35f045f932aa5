import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { EscalationAdminRepository } from 'src/modules/escalation/escalation-admin.repository.js';
import { EscalationErrors } from 'src/modules/escalation/escalation.errors.js';
import { EscalationRepository } from 'src/modules/escalation/escalation.repository.js';
import { LADDER_TOP } from 'src/modules/escalation/escalation.service.js';
import { nationalHolidaysWithSubstitutes } from 'src/modules/escalation/national-holidays.js';
import { WorkingCalendar } from 'src/modules/escalation/working-calendar.js';
import type { Speed } from 'src/modules/letters/letter.entity.js';

export interface HolidayInput {
  date: string;
  nameTh: string;
  nameEn?: string | null;
}

/**
 * Holidays of the working calendar and the deadline policy per speed class, as data an
 * administrator of the whole tree changes (see src/modules/escalation/README.md#holidays and
 * #deadlines). Each change is one transaction with its audit event; the ladder reads the
 * result (EscalationService).
 */
@Injectable()
export class EscalationAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: EscalationAdminRepository,
    private readonly ladder: EscalationRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private requireAdmin(principal: Principal): void {
    // Not an administrator of the whole tree: the settings do not exist for them.
    if (!this.access.canAdministerSystem(principal)) throw new DomainError(CommonErrors.NOT_FOUND);
  }

  async listHolidays(principal: Principal, year?: number) {
    this.requireAdmin(principal);
    const items = await this.repository.findHolidays(
      year ? `${year}-01-01` : null,
      year ? `${year}-12-31` : null,
    );
    return { items };
  }

  async addHolidays(
    principal: Principal,
    holidays: HolidayInput[],
    options: { year?: number; replace?: boolean } = {},
  ) {
    this.requireAdmin(principal);
    if (options.year !== undefined) {
      const outside = holidays.filter((h) => !h.date.startsWith(`${options.year}-`));
      if (outside.length > 0) {
        throw new DomainError(EscalationErrors.HOLIDAY_YEAR_MISMATCH, {
          data: { dates: outside.map((h) => h.date) },
        });
      }
    }
    this.calendarCheck(holidays.map((h) => h.date));
    return this.dataSource.transaction(async (manager) => {
      const removed =
        options.replace && options.year !== undefined
          ? await this.repository.deleteHolidaysOfYear(manager, options.year)
          : 0;
      const added = await this.repository.insertHolidays(
        manager,
        holidays.map((h) => ({ date: h.date, nameTh: h.nameTh.trim(), nameEn: h.nameEn ?? null })),
        'admin',
        principal.userId,
        this.clock.now(),
      );
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: options.year !== undefined ? 'holidays.imported' : 'holidays.added',
        subjectType: 'holidays',
        subjectId: String(options.year ?? holidays[0]?.date.slice(0, 4) ?? ''),
        data: { added, removed, given: holidays.length },
      });
      return { added, alreadyPresent: holidays.length - added.length, removed };
    });
  }

  /** The fixed-date national holidays of a Buddhist-era year, e.g. for a year not yet seeded. */
  async seedNationalHolidays(principal: Principal, beYear: number) {
    this.requireAdmin(principal);
    let holidays;
    try {
      holidays = nationalHolidaysWithSubstitutes(beYear);
    } catch (error) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        errors: [{ field: 'beYear', code: 'min', message: (error as Error).message }],
      });
    }
    return this.addHolidays(principal, holidays, { year: beYear - 543 });
  }

  async removeHoliday(principal: Principal, date: string) {
    this.requireAdmin(principal);
    return this.dataSource.transaction(async (manager) => {
      const removed = await this.repository.deleteHoliday(manager, date);
      if (!removed) throw new DomainError(EscalationErrors.HOLIDAY_NOT_FOUND);
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'holidays.removed',
        subjectType: 'holidays',
        subjectId: date,
        data: { ...removed },
      });
      return removed;
    });
  }

  async listPolicies(principal: Principal) {
    this.requireAdmin(principal);
    return { items: await this.repository.findPolicies(), workingDayMinutes: this.dayMinutes() };
  }

  async setPolicy(
    principal: Principal,
    speed: Speed,
    policy: { ackWorkingMinutes: number; stepWorkingMinutes: number[] },
  ) {
    this.requireAdmin(principal);
    if (policy.stepWorkingMinutes.length > LADDER_TOP - 1) {
      throw new DomainError(EscalationErrors.POLICY_INVALID, {
        data: { stepWorkingMinutes: `at most ${LADDER_TOP - 1} steps` },
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const before = await this.ladder.findPolicy(manager, speed);
      const saved = await this.repository.upsertPolicy(
        manager,
        { speed, ...policy },
        principal.userId,
        this.clock.now(),
      );
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'escalation.policy.changed',
        subjectType: 'escalation_policy',
        subjectId: speed,
        data: {
          before: before
            ? { ack: before.ackWorkingMinutes, steps: before.stepWorkingMinutes }
            : null,
          after: { ack: saved.ackWorkingMinutes, steps: saved.stepWorkingMinutes },
        },
      });
      return saved;
    });
  }

  private dayMinutes(): number {
    return new WorkingCalendar({
      officeHours: { start: this.config.officeHoursStart, end: this.config.officeHoursEnd },
      holidays: [],
    }).workingDayMinutes;
  }

  /** The calendar's own date rules (real dates, CE years) as a validation error. */
  private calendarCheck(dates: string[]): void {
    try {
      new WorkingCalendar({ holidays: dates });
    } catch (error) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        errors: [{ field: 'holidays', code: 'isDate', message: (error as Error).message }],
      });
    }
  }
}
