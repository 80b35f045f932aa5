import { ReadingService } from 'src/modules/files/reading.service.js';
import { fieldConfidence } from 'src/thai/field-confidence.js';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ReadReplica } from 'src/database/read-replica.js';
import { Clock } from 'src/common/clock.js';
import {
  type IdempotentAnswer,
  IdempotencyService,
} from 'src/common/idempotency/idempotency.service.js';
import { decodeCursor, encodeCursor, readCreatedAtCursor } from 'src/common/cursor.js';
import { DomainError } from 'src/common/domain-error.js';
import { parseUserDate } from 'src/common/user-date.js';
import { AccessService, type SqlPredicate } from 'src/modules/auth/access.service.js';
import type { Principal, UnitRef } from 'src/modules/auth/principal.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import type {
  CreateLetterDto,
  CreateLetterFromTextDto,
  SearchLettersQuery,
} from 'src/modules/letters/letters.dto.js';
import { LetterErrors } from 'src/modules/letters/letters.errors.js';
import {
  type LetterRow,
  LettersRepository,
  type LetterSummaryRow,
} from 'src/modules/letters/letters.repository.js';
import type { LetterReference, Secrecy, Speed } from 'src/modules/letters/letter.entity.js';
import { LETTER_YEARS, parseThaiDate } from 'src/thai/be-date.js';
import { toArabicDigits, toThaiDigits } from 'src/thai/digits.js';
import { SECRECY_CLASSES, SPEED_CLASSES } from 'src/thai/labels.js';
import { type ParsedLetter, parseLetter } from 'src/thai/letter-parser.js';
import { normalizeThaiText, toMatchForm } from 'src/thai/normalize.js';
import { findReferenceNumbers, parseReferenceNumber } from 'src/thai/reference-number.js';

/** Fields of a new letter after parsing and checks, before it is written. */
interface LetterDraft {
  kind: LetterRow['kind'];
  speed: Speed;
  secrecy: Secrecy;
  referenceRaw: string | null;
  reference: {
    agencyPrefix: string;
    agencyNumber: string;
    circular: boolean;
    serial: number;
  } | null;
  letterDateRaw: string | null;
  letterDate: string | null;
  suggestedLetterDate: string | null;
  subject: string;
  addressee: string | null;
  references: Omit<LetterReference, 'letterId'>[];
  enclosures: string[];
  signatory: { name: string | null; position: string | null } | null;
  senderUnitId: string | null;
  senderText: string | null;
  ownerUnit: string | null;
  warnings: unknown[];
  printedStamps: unknown[];
}

export interface LetterPage {
  items: LetterSummaryRow[];
  nextCursor: string | null;
}

function speedCode(label: string | null): Speed {
  return SPEED_CLASSES.find((s) => s.label === label)?.code ?? 'none';
}

function secrecyCode(label: string | null): Secrecy {
  return SECRECY_CLASSES.find((s) => s.label === label)?.code ?? 'none';
}

/**
 * An item of อ้างถึง as a clerk types it ("หนังสือ… ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พ.ย. ๒๕๖๘"):
 * the first reference number in it and the date after ลงวันที่ / ลว. Raw text is kept.
 */
export function citedLetter(raw: string): Omit<LetterReference, 'letterId'> {
  const text = normalizeThaiText(raw);
  const found = findReferenceNumbers(text, toMatchForm(text))[0];
  const dated = /(?:ลงวันที่|ลว\.)\s*(.+)$/.exec(text);
  const date = dated ? parseThaiDate(dated[1], LETTER_YEARS) : null;
  return {
    raw: text,
    agencyPrefix: found?.value.agencyPrefix ?? null,
    agencyNumber: found?.value.agencyNumber ?? null,
    circular: found?.value.circular ?? false,
    serial: found?.value.serial ?? null,
    date: date?.ok ? date.value.date : null,
  };
}

/** Escapes LIKE wildcards so a clerk's `%` or `_` is searched for literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

@Injectable()
export class LettersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: LettersRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly reads: ReadReplica,
    private readonly idempotency: IdempotencyService,
    private readonly readings: ReadingService,
  ) {}

  /** The unit a command acts for: the one named, or the only one the user has. */
  actingUnit(principal: Principal, unitId: string | undefined): string {
    const units = this.access.actingUnitIds(principal);
    if (unitId === undefined) {
      if (units.length === 1) return units[0];
      throw new DomainError(
        units.length === 0
          ? LetterErrors.LETTER_UNIT_NOT_ACTED_FOR
          : LetterErrors.LETTER_UNIT_REQUIRED,
      );
    }
    if (!units.includes(unitId)) throw new DomainError(LetterErrors.LETTER_UNIT_NOT_ACTED_FOR);
    return unitId;
  }

  /**
   * Records a letter from its fields. With an Idempotency-Key, a retry (a double click, an
   * answer lost to the network) returns the first letter and records no second one.
   */
  async createFromFields(
    principal: Principal,
    dto: CreateLetterDto,
    idempotencyKey?: string,
  ): Promise<IdempotentAnswer<LetterRow>> {
    const draft = this.draftFromFields(dto);
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: 'letter',
          request: dto,
        },
        async () => ({
          status: 201,
          body: await this.create(
            manager,
            principal,
            dto.unitId,
            dto.fileIds ?? [],
            dto.enclosesLetterId,
            draft,
          ),
        }),
      ),
    );
  }

  /**
   * Records a letter from its fields inside the caller's transaction, as `createFromFields`
   * does (for a command that records the letter with other rows, e.g. an e-mail intake).
   */
  async createFromFieldsIn(
    manager: EntityManager,
    principal: Principal,
    dto: CreateLetterDto,
  ): Promise<LetterRow> {
    return this.create(
      manager,
      principal,
      dto.unitId,
      dto.fileIds ?? [],
      dto.enclosesLetterId,
      this.draftFromFields(dto),
    );
  }

  /** The fields a clerk typed, parsed and checked; throws 400 on what cannot be read. */
  private draftFromFields(dto: CreateLetterDto): LetterDraft {
    const reference = dto.referenceNumber ? parseReferenceNumber(dto.referenceNumber) : null;
    if (reference && !reference.ok) {
      throw new DomainError(LetterErrors.LETTER_REFERENCE_INVALID, {
        errors: [
          {
            field: 'referenceNumber',
            code: reference.error.code,
            message: reference.error.message,
          },
        ],
      });
    }
    const date = dto.letterDate ? parseThaiDate(dto.letterDate, LETTER_YEARS) : null;
    if (date && !date.ok) {
      throw new DomainError(LetterErrors.LETTER_DATE_INVALID, {
        errors: [{ field: 'letterDate', code: date.error.code, message: date.error.message }],
      });
    }
    const references = (dto.references ?? []).map((raw) => citedLetter(raw));
    return {
      kind: dto.kind,
      speed: dto.speed ?? 'none',
      secrecy: dto.secrecy ?? 'none',
      referenceRaw: reference?.ok ? reference.value.raw : null,
      reference: reference?.ok ? reference.value : null,
      letterDateRaw: date?.ok ? date.value.raw : null,
      letterDate: date?.ok ? date.value.date : null,
      suggestedLetterDate: null,
      subject: normalizeThaiText(dto.subject),
      addressee: dto.addressee ? normalizeThaiText(dto.addressee) : null,
      references,
      enclosures: (dto.enclosures ?? []).map(normalizeThaiText),
      signatory: dto.signatory
        ? { name: dto.signatory.name ?? null, position: dto.signatory.position ?? null }
        : null,
      senderUnitId: dto.senderUnitId ?? null,
      senderText: dto.senderText ? normalizeThaiText(dto.senderText) : null,
      ownerUnit: dto.ownerUnit ? normalizeThaiText(dto.ownerUnit) : null,
      warnings: [],
      printedStamps: dto.printedStamps ?? [],
    };
  }

  /** Runs the Thai intake parser; its fields and warnings are stored, nothing is guessed. */
  async createFromText(
    principal: Principal,
    dto: CreateLetterFromTextDto,
  ): Promise<LetterRow & { parsed: ParsedLetter }> {
    let parsed: ParsedLetter;
    let fileIds = dto.fileIds ?? [];
    if (dto.fileId !== undefined) {
      // The text of a read PDF (409 until its reading is done); it becomes the letter's file.
      const read = await this.readings.textOf(principal, dto.fileId);
      const letter = parseLetter(read.text);
      const sure = fieldConfidence(letter, read.text, read.confidences);
      parsed = {
        ...letter,
        confidence: sure.confidence,
        warnings: [...letter.warnings, ...sure.warnings],
      } as ParsedLetter;
      if (!fileIds.includes(dto.fileId)) fileIds = [dto.fileId, ...fileIds];
    } else {
      if (dto.text === undefined || dto.text.trim() === '') {
        throw new DomainError(LetterErrors.LETTER_TEXT_EMPTY);
      }
      parsed = parseLetter(dto.text);
    }
    const subject = parsed.subject;
    if (!subject) throw new DomainError(LetterErrors.LETTER_SUBJECT_MISSING);
    const slip = parsed.warnings.find(
      (w): w is Extract<typeof w, { suggested: string }> =>
        w.code === 'year_slip' && 'suggested' in w,
    );
    const letter = await this.dataSource.transaction((manager) =>
      this.create(manager, principal, dto.unitId, fileIds, dto.enclosesLetterId, {
        kind: parsed.kind,
        speed: speedCode(parsed.urgency),
        secrecy: secrecyCode(parsed.secrecy),
        referenceRaw: parsed.referenceNumber?.raw ?? null,
        reference: parsed.referenceNumber,
        letterDateRaw: parsed.letterDate?.raw ?? null,
        letterDate: parsed.letterDate?.date ?? null,
        suggestedLetterDate: slip && 'suggested' in slip ? slip.suggested : null,
        subject,
        addressee: parsed.salutation,
        references: parsed.references.map((r) => ({
          raw: r.raw ?? '',
          agencyPrefix: r.agencyPrefix,
          agencyNumber: r.agencyNumber,
          circular: r.circular ?? false,
          serial: r.serial,
          date: r.date,
        })),
        enclosures: parsed.enclosures,
        signatory: parsed.signatory,
        senderUnitId: dto.senderUnitId ?? null,
        senderText: dto.senderText ? normalizeThaiText(dto.senderText) : parsed.ownerUnit,
        ownerUnit: parsed.ownerUnit,
        warnings: parsed.warnings,
        printedStamps: parsed.receiptStamps,
      }),
    );
    return { ...letter, parsed };
  }

  private async create(
    manager: EntityManager,
    principal: Principal,
    unitId: string | undefined,
    fileIds: string[],
    enclosesLetterId: string | undefined,
    draft: LetterDraft,
  ): Promise<LetterRow> {
    const createdUnitId = this.actingUnit(principal, unitId);
    // ลับที่สุด stays out of the electronic system (see src/modules/letters/README.md#secrecy).
    if (draft.secrecy === 'top_secret') throw new DomainError(LetterErrors.LETTER_TOP_SECRET);
    if (!this.access.canSeeSecrecy(principal, draft.secrecy)) {
      throw new DomainError(LetterErrors.LETTER_SECRECY_ABOVE_CLEARANCE);
    }
    {
      const uniqueFiles = [...new Set(fileIds)];
      const owned = await this.repository.findFilesUploadedBy(
        manager,
        uniqueFiles,
        this.access.actingUnitIds(principal),
      );
      if (owned.length !== uniqueFiles.length)
        throw new DomainError(LetterErrors.LETTER_FILE_NOT_FOUND);

      const id: string = randomUUID();
      let rootLetterId: string = id;
      if (enclosesLetterId) {
        const upstream = await this.findVisible(manager, principal, enclosesLetterId);
        rootLetterId = upstream.rootLetterId;
      }
      const visibility = this.visibilityPredicate(principal, 6);
      const references: LetterReference[] = [];
      for (const reference of draft.references) {
        const letterId =
          reference.agencyPrefix && reference.agencyNumber && reference.serial !== null
            ? await this.repository.resolveReference(
                manager,
                {
                  agencyPrefix: reference.agencyPrefix,
                  agencyNumber: reference.agencyNumber,
                  serial: reference.serial,
                  circular: reference.circular,
                  date: reference.date,
                },
                visibility,
              )
            : null;
        references.push({ ...reference, letterId });
      }
      const row: Omit<LetterRow, 'fileIds'> = {
        id,
        kind: draft.kind,
        speed: draft.speed,
        speedDeadline: null,
        secrecy: draft.secrecy,
        referenceRaw: draft.referenceRaw,
        agencyPrefix: draft.reference?.agencyPrefix ?? null,
        agencyNumber: draft.reference?.agencyNumber ?? null,
        circular: draft.reference?.circular ?? false,
        serial: draft.reference?.serial ?? null,
        letterDateRaw: draft.letterDateRaw,
        letterDate: draft.letterDate,
        suggestedLetterDate: draft.suggestedLetterDate,
        subject: draft.subject,
        addressee: draft.addressee,
        references,
        enclosures: draft.enclosures,
        signatory: draft.signatory,
        senderUnitId: draft.senderUnitId,
        senderText: draft.senderText,
        ownerUnit: draft.ownerUnit,
        rootLetterId,
        enclosesLetterId: enclosesLetterId ?? null,
        warnings: draft.warnings,
        printedStamps: draft.printedStamps,
        createdUnitId,
        createdBy: principal.userId,
        createdAt: this.clock.now(),
      };
      await this.repository.insert(manager, row, uniqueFiles);
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: createdUnitId,
        action: 'letter.created',
        subjectType: 'letter',
        subjectId: id,
        // No subject here: the audit trail must not carry a secret letter's subject.
        data: {
          kind: row.kind,
          speed: row.speed,
          secrecy: row.secrecy,
          reference: row.referenceRaw,
          files: uniqueFiles,
        },
      });
      return { ...row, fileIds: uniqueFiles };
    }
  }

  /** Access predicate on a unit column, numbered from `firstParam`. */
  visibilityPredicate(principal: Principal, firstParam: number): SqlPredicate {
    const unit = (column: string) =>
      this.access.visibleUnitsPredicateParts(principal, { unitIdColumn: column }, firstParam).sql;
    const { params } = this.access.visibleUnitsPredicate(
      principal,
      { unitIdColumn: 'x' },
      firstParam,
    );
    return { sql: this.repository.visibilitySql(unit), params };
  }

  /**
   * For the registers module: an outgoing number becomes the letter's ที่ (the number printed
   * on it), unless the letter already has one.
   */
  async recordIssuedReference(
    manager: EntityManager,
    letterId: string,
    reference: Parameters<LettersRepository['setReferenceIfNone']>[2],
  ): Promise<void> {
    await this.repository.setReferenceIfNone(manager, letterId, reference);
  }

  /**
   * `recordIssuedReference` as SQL for the statement that takes the number (see
   * `LettersRepository.issuedReferenceSql`).
   */
  issuedReferenceSql(
    entry: string,
    firstParam: number,
    letterId: string,
    reference: { agencyPrefix: string; agencyNumber: string; circular: boolean },
  ): { ctes: string; params: unknown[] } {
    return this.repository.issuedReferenceSql(entry, firstParam, letterId, reference);
  }

  /** The letter, or LETTER_NOT_FOUND when it does not exist or the principal may not see it. */
  async findVisible(manager: EntityManager, principal: Principal, id: string): Promise<LetterRow> {
    const found = await this.repository.findWithUnitInScope(
      manager,
      id,
      this.letterScope(principal),
    );
    if (!found || !this.visibleTo(principal, found)) {
      throw new DomainError(LetterErrors.LETTER_NOT_FOUND);
    }
    return found.letter;
  }

  /** The letters of `ids` the principal may see, by id, read in one statement. */
  async findVisibleMany(
    manager: EntityManager,
    principal: Principal,
    ids: string[],
  ): Promise<Map<string, LetterRow>> {
    if (ids.length === 0) return new Map();
    const found = await this.repository.findManyWithUnitInScope(
      manager,
      ids,
      this.letterScope(principal),
    );
    return new Map(
      found.filter((f) => this.visibleTo(principal, f)).map((f) => [f.letter.id, f.letter]),
    );
  }

  private letterScope(principal: Principal) {
    return this.access.visibleUnitsPredicateParts(
      principal,
      { unitIdColumn: 'u.id', unitPathColumn: 'u.path' },
      2,
    );
  }

  private visibleTo(
    principal: Principal,
    found: { letter: LetterRow; unit: UnitRef | null },
  ): boolean {
    return this.access.canSeeLetterAt(
      principal,
      found.unit ? [found.unit] : [],
      found.letter.secrecy,
    );
  }

  get(principal: Principal, id: string): Promise<LetterRow> {
    return this.findVisible(this.dataSource.manager, principal, id);
  }

  async search(principal: Principal, query: SearchLettersQuery): Promise<LetterPage> {
    let pattern: string | null = null;
    let altPattern: string | null = null;
    if (query.q !== undefined) {
      const text = normalizeThaiText(query.q);
      if ([...text].length < 3) throw new DomainError(LetterErrors.SEARCH_QUERY_TOO_SHORT);
      pattern = likePattern(text);
      const arabic = toArabicDigits(text);
      const thai = toThaiDigits(text);
      const other = arabic !== text ? arabic : thai !== text ? thai : null;
      altPattern = other ? likePattern(other) : null;
    }
    const date = (field: 'from' | 'to') => {
      const raw = query[field];
      if (raw === undefined) return null;
      const iso = parseUserDate(raw);
      if (!iso) {
        throw new DomainError(LetterErrors.LETTER_DATE_INVALID, {
          errors: [{ field, code: 'unparseable', message: `อ่านวันที่ "${raw}" ไม่ได้` }],
        });
      }
      return iso;
    };
    const cursor = query.cursor
      ? decodeCursor(query.cursor, LetterErrors.SEARCH_CURSOR_INVALID, readCreatedAtCursor)
      : null;
    const limit = query.limit ?? 20;
    const scope = this.access.visibleScope(principal);
    const rows = await this.repository.search(
      {
        pattern,
        altPattern,
        from: date('from'),
        to: date('to'),
        speed: query.speed ?? null,
        registerId: query.registerId ?? null,
        secrecyLevels: this.access.visibleSecrecyLevels(principal),
        cursor,
        limit,
        visibleUnitIds: scope.subtreePaths.length === 0 ? scope.unitIds : null,
      },
      this.visibilityPredicate(principal, 1),
      await this.reads.for(principal.userId),
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor([new Date(last.createdAt).toISOString(), last.id])
        : null;
    return { items, nextCursor };
  }
}
