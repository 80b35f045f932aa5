import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { CommonErrors, DomainError, type FieldError } from 'src/common/domain-error.js';
import { IdempotencyService } from 'src/common/idempotency/idempotency.service.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal, UnitRef } from 'src/modules/auth/principal.js';
import {
  type AuditActor,
  type AuditEventInput,
  AuditService,
} from 'src/modules/audit/audit.service.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import type { LetterRow } from 'src/modules/letters/letters.repository.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';
import type { Register } from 'src/modules/registers/register.entity.js';
import { ReceiptListenerSlot } from 'src/modules/registers/receipt-listener.js';
import {
  type AllocateNumberDto,
  type CreateRegisterDto,
  entryView,
  type EntryView,
  type ListEntriesQuery,
  type BatchView,
  type OpeningFloorDto,
  type RegisterBatchDto,
  type RegisterLetterDto,
} from 'src/modules/registers/registers.dto.js';
import { RegisterErrors } from 'src/modules/registers/registers.errors.js';
import {
  type EarlierReceipt,
  type EntryRow,
  RegistersRepository,
} from 'src/modules/registers/registers.repository.js';
import { bangkokBuddhistYear } from 'src/thai/calendar.js';
import { convertDigits, formatNumber } from 'src/thai/digits.js';
import { formatReferenceNumber, referenceNumberHead } from 'src/thai/reference-number.js';

/** Roles that may write in a unit's registers: the registry clerks, and heads and admins. */
const WRITER_ROLES = new Set(['clerk', 'head', 'admin']);

/**
 * A unit can receive the same root letter twice (see
 * src/modules/registers/README.md#duplicate-arrival).
 */
function duplicateArrivalWarnings(earlier: EarlierReceipt | null): EntryView['warnings'] {
  if (!earlier) return [];
  const number = formatNumber(earlier.number, { digits: 'thai' });
  const year = formatNumber(earlier.beYear, { digits: 'thai' });
  return [
    {
      code: 'duplicate_arrival',
      message: `หน่วยงานนี้ลงรับหนังสือเรื่องนี้แล้ว เลขรับที่ ${number}/${year}`,
      entryId: earlier.id,
      registerId: earlier.registerId,
      receiptNumber: earlier.number,
    },
  ];
}

/**
 * The audit event of one registration, alone or in a batch: `register-entry.replaced` when
 * it replaces a cancelled entry, else `register-entry.created`.
 */
function registrationEvent(
  actor: AuditActor,
  register: Register,
  registration: {
    entry: Pick<EntryRow, 'id' | 'beYear' | 'number'>;
    letterId: string;
    deliveryId: string | null;
    replaced: EntryRow | undefined;
    batch?: true;
  },
): AuditEventInput {
  const { entry, letterId, deliveryId, replaced, batch } = registration;
  return {
    actor,
    unitId: register.unitId,
    action: replaced ? 'register-entry.replaced' : 'register-entry.created',
    subjectType: 'register_entry',
    subjectId: entry.id,
    data: {
      registerId: register.id,
      beYear: entry.beYear,
      number: entry.number,
      letterId,
      deliveryId,
      replaces: replaced?.id ?? null,
      ...(batch ? { batch } : {}),
    },
  };
}

@Injectable()
export class RegistersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RegistersRepository,
    private readonly letters: LettersService,
    private readonly organisations: OrganisationsService,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly receipts: ReceiptListenerSlot,
  ) {}

  /** The register, if the principal may see it (its unit, and its clearance); else 404. */
  async findVisibleRegister(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<Register> {
    const found = await this.repository.findRegister(manager, id);
    if (!found || !this.canSeeRegister(principal, found)) {
      throw new DomainError(RegisterErrors.REGISTER_NOT_FOUND);
    }
    return found.register;
  }

  /** A register is visible with its secrecy floor cleared and its unit in the principal's sight. */
  private canSeeRegister(
    principal: Principal,
    found: { register: Register; unit: UnitRef },
  ): boolean {
    return (
      this.access.canSeeSecrecy(principal, found.register.minClearance) &&
      this.access.canSeeUnitRef(principal, found.unit)
    );
  }

  /** Visible and the principal writes in that unit's books (clerk, head or admin of the unit itself). */
  async findWritableRegister(
    manager: EntityManager,
    principal: Principal,
    id: string,
  ): Promise<Register> {
    const register = await this.findVisibleRegister(manager, principal, id);
    const writes = principal.grants.some(
      (g) => g.unitId === register.unitId && WRITER_ROLES.has(g.role),
    );
    if (!writes) throw new DomainError(CommonErrors.FORBIDDEN);
    return register;
  }

  async listRegisters(principal: Principal, unitId: string): Promise<Register[]> {
    if (!(await this.access.canSeeUnit(principal, unitId)))
      throw new DomainError(RegisterErrors.REGISTER_NOT_FOUND);
    await this.dataSource.transaction((manager) =>
      this.repository.ensureDefaultRegisters(manager, [unitId], this.clock.now()),
    );
    const registers = await this.repository.findRegistersOfUnit(unitId);
    return registers.filter((r) => this.access.canSeeSecrecy(principal, r.minClearance));
  }

  async createRegister(
    principal: Principal,
    unitId: string,
    dto: CreateRegisterDto,
  ): Promise<Register> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.access.canAdministerUnit(principal, unitId, manager))) {
        if (await this.access.canSeeUnit(principal, unitId, manager))
          throw new DomainError(CommonErrors.FORBIDDEN);
        throw new DomainError(RegisterErrors.REGISTER_NOT_FOUND);
      }
      const register = await this.repository.insertRegister(manager, {
        unitId,
        kind: 'custom',
        direction: dto.direction,
        name: dto.name.trim(),
        minClearance: dto.minClearance ?? 'none',
        createdAt: this.clock.now(),
      });
      if (!register) {
        throw new DomainError({
          ...CommonErrors.VALIDATION_FAILED,
          code: 'REGISTER_NAME_TAKEN',
          status: 409,
          title: 'Register name taken',
          detail: 'หน่วยงานนี้มีทะเบียนชื่อนี้อยู่แล้ว',
        });
      }
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId,
        action: 'register.created',
        subjectType: 'register',
        subjectId: register.id,
        data: {
          name: register.name,
          direction: register.direction,
          minClearance: register.minClearance,
        },
      });
      return register;
    });
  }

  /** An office moving from its paper book mid-year continues after its last paper number. */
  async setOpeningFloor(principal: Principal, registerId: string, dto: OpeningFloorDto) {
    return this.dataSource.transaction(async (manager) => {
      const register = await this.findWritableRegister(manager, principal, registerId);
      const counter = await this.repository.lockCounter(manager, register.id, dto.beYear);
      if (counter && counter.lastNumber !== (counter.openingFloor ?? 0)) {
        throw new DomainError(
          dto.lastPaperNumber < counter.lastNumber
            ? RegisterErrors.FLOOR_BELOW_USED
            : RegisterErrors.FLOOR_AFTER_FIRST_ENTRY,
        );
      }
      await this.repository.setOpeningFloor(manager, register.id, dto.beYear, dto.lastPaperNumber);
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: register.unitId,
        action: 'register.opening-floor-set',
        subjectType: 'register',
        subjectId: register.id,
        data: {
          beYear: dto.beYear,
          lastPaperNumber: dto.lastPaperNumber,
          previous: counter?.openingFloor ?? null,
        },
      });
      return {
        registerId: register.id,
        beYear: dto.beYear,
        lastPaperNumber: dto.lastPaperNumber,
        nextNumber: dto.lastPaperNumber + 1,
      };
    });
  }

  /**
   * Registers a letter (ลงรับ): takes the next number of the year and writes the entry,
   * the delivery acknowledgment and the audit event in one transaction. With an
   * Idempotency-Key, a retry returns the first answer and takes no second number.
   */
  async receive(
    principal: Principal,
    registerId: string,
    dto: RegisterLetterDto,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: EntryView; replayed: boolean }> {
    if (!dto.letterId && !dto.deliveryId) throw new DomainError(...noLetterNorDelivery());
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: `register-entry:${registerId}`,
          request: dto,
        },
        async () => ({
          status: 201,
          body: await this.receiveIn(manager, principal, registerId, dto),
        }),
      ),
    );
  }

  /**
   * Registers a letter inside the caller's transaction, as `receive` does (for a command
   * that records the letter and its entry together, e.g. an e-mail intake).
   */
  async receiveIn(
    manager: EntityManager,
    principal: Principal,
    registerId: string,
    dto: RegisterLetterDto,
    /** Refuse (404) a register of any other unit. */
    onlyUnitId?: string,
  ): Promise<EntryView> {
    if (!dto.letterId && !dto.deliveryId) throw new DomainError(...noLetterNorDelivery());
    const register = await this.findReceivingRegister(manager, principal, registerId);
    if (onlyUnitId !== undefined && register.unitId !== onlyUnitId)
      throw new DomainError(RegisterErrors.REGISTER_NOT_FOUND);
    const { letter, replaced } = await this.checkReceipt(manager, principal, register, dto);

    const now = this.clock.now();
    const beYear = bangkokBuddhistYear(now);
    // A delivery is marked received by the entry's own statement (the listener's SQL), so
    // with nothing to write after the entry, that statement also appends the audit event:
    // the counter row and the audit chain are then held for the commit's round trip only.
    const listener = this.receipts.listener;
    const delivery = dto.deliveryId && listener ? listener.receivedSql('written') : null;
    const entryId = randomUUID();
    const actor = this.access.actor(principal);
    const eventOf = (entry: Pick<EntryRow, 'id' | 'beYear' | 'number'>) =>
      registrationEvent(actor, register, {
        entry,
        letterId: letter.id,
        deliveryId: dto.deliveryId ?? null,
        replaced,
      });
    const { entry, earlier, auditEventId, deliveriesReceived } =
      await this.repository.insertNextEntry(
        manager,
        {
          registerId: register.id,
          beYear,
          letterId: letter.id,
          registeredAt: now,
          action: dto.action ?? null,
          remarks: dto.remarks ?? null,
          status: 'active',
          cancelReason: null,
          cancelledAt: null,
          replacesEntryId: replaced?.id ?? null,
          replacedByEntryId: null,
          deliveryId: dto.deliveryId ?? null,
          issuedReference: null,
          createdBy: principal.userId,
        },
        {
          unitId: register.unitId,
          rootLetterId: letter.rootLetterId,
          entryId,
          // The event's number is the one the statement takes: a slot it fills in.
          audit: replaced
            ? null
            : (firstParam, source) =>
                this.audit.inlineAppend(
                  manager,
                  eventOf({ id: entryId, beYear, number: 0 }),
                  { number: 'e.number' },
                  source,
                  firstParam,
                ),
          delivery,
        },
      );
    if (delivery) listener!.checkReceived(manager, deliveriesReceived ?? 0);
    if (replaced) {
      if (replaced.status === 'active') {
        await this.repository.markCancelled(
          manager,
          replaced.id,
          `ยกเลิก แทนด้วยเลขรับ ${entry.number}/${beYear}`,
          now,
        );
      }
      await this.repository.linkReplacement(manager, replaced.id, entry.id);
    }
    // Appended by the entry's statement unless the entry was not the command's last write.
    if (replaced) await this.audit.record(manager, eventOf(entry));
    else if (auditEventId === null) throw new Error('the registration appended no audit event');
    return entryView(entry, duplicateArrivalWarnings(earlier));
  }

  /** The unit's standard incoming register (ทะเบียนหนังสือรับ), made on first use. */
  async defaultIncomingRegisterId(manager: EntityManager, unitId: string): Promise<string> {
    await this.repository.ensureDefaultRegisters(manager, [unitId], this.clock.now());
    const id = await this.repository.findRegisterIdOfKind(manager, unitId, 'incoming');
    if (!id) throw new DomainError(RegisterErrors.REGISTER_NOT_FOUND);
    return id;
  }

  /** An incoming register the principal writes in, open. */
  private async findReceivingRegister(
    manager: EntityManager,
    principal: Principal,
    registerId: string,
  ): Promise<Register> {
    const register = await this.findWritableRegister(manager, principal, registerId);
    if (!register.active) throw new DomainError(RegisterErrors.REGISTER_INACTIVE);
    if (register.direction !== 'incoming')
      throw new DomainError(RegisterErrors.REGISTER_WRONG_DIRECTION);
    return register;
  }

  /**
   * Everything a registration checks before it takes a number: the delivery (locked, for
   * this register's unit), the letter (visible to the principal, not above the register's
   * clearance), the entry it replaces. Throws a DomainError to refuse.
   */
  private async checkReceipt(
    manager: EntityManager,
    principal: Principal,
    register: Register,
    dto: RegisterLetterDto,
    /** Letters already read and found visible (a batch reads them in one statement). */
    visible?: Map<string, LetterRow>,
  ): Promise<{ letter: LetterRow; replaced: EntryRow | undefined }> {
    if (!dto.letterId && !dto.deliveryId) throw new DomainError(...noLetterNorDelivery());
    let letterId = dto.letterId;
    if (dto.deliveryId) {
      if (!this.receipts.listener) throw new DomainError(RegisterErrors.REGISTER_ENTRY_NOT_FOUND);
      const deliveredLetter = await this.receipts.listener.checkDelivery(
        manager,
        principal,
        dto.deliveryId,
        register.unitId,
      );
      if (letterId && letterId !== deliveredLetter) {
        throw new DomainError(CommonErrors.VALIDATION_FAILED, {
          errors: [
            {
              field: 'letterId',
              code: 'mismatch',
              message: 'letterId ไม่ตรงกับหนังสือของ deliveryId',
            },
          ],
        });
      }
      letterId = deliveredLetter;
    }
    const letter =
      visible?.get(letterId!) ?? (await this.letters.findVisible(manager, principal, letterId!));
    if (letter.secrecy !== 'none' && rank(letter.secrecy) > rank(register.minClearance)) {
      throw new DomainError(RegisterErrors.LETTER_NOT_REGISTRABLE);
    }
    let replaced: EntryRow | undefined;
    if (dto.replacesEntryId) {
      replaced = await this.repository.findEntry(manager, dto.replacesEntryId, true);
      if (!replaced || replaced.registerId !== register.id)
        throw new DomainError(RegisterErrors.ENTRY_REPLACEMENT_MISMATCH);
      if (replaced.replacedByEntryId) throw new DomainError(RegisterErrors.ENTRY_ALREADY_CANCELLED);
    }
    return { letter, replaced };
  }

  /**
   * Registers a batch (the morning's mail, a circular's stack; up to BATCH_MAX_ITEMS) in
   * one transaction. Every item is checked as `receive` checks it; if any fails, nothing is
   * written and every failing item is named (`errors[].index`). Otherwise the items take
   * consecutive numbers in the order given (one update of the counter row), deliveries are
   * marked received and replaced entries cancelled as one by one, and each item has its
   * audit event (one append of all of them). With an Idempotency-Key a retry returns the
   * first answer.
   */
  async receiveBatch(
    principal: Principal,
    registerId: string,
    dto: RegisterBatchDto,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: BatchView; replayed: boolean }> {
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: `register-entry-batch:${registerId}`,
          request: dto,
        },
        async () => {
          const register = await this.findReceivingRegister(manager, principal, registerId);
          const errors: FieldError[] = [];
          const checked: { letter: LetterRow; replaced: EntryRow | undefined }[] = [];
          // A delivery is received once, an entry replaced once, and a letter listed twice
          // in one batch is a slip of the hand: the later item is refused, naming the first.
          const firstOf = new Map<string, number>();
          const visible = await this.letters.findVisibleMany(
            manager,
            principal,
            dto.items.flatMap((item) => (item.letterId && !item.deliveryId ? [item.letterId] : [])),
          );
          for (const [index, item] of dto.items.entries()) {
            try {
              const result = await this.checkReceipt(manager, principal, register, item, visible);
              const keys = [
                item.deliveryId ? `delivery:${item.deliveryId}` : `letter:${result.letter.id}`,
                ...(item.replacesEntryId ? [`replaces:${item.replacesEntryId}`] : []),
              ];
              const repeated = keys.map((key) => firstOf.get(key)).find((i) => i !== undefined);
              if (repeated !== undefined) {
                errors.push({
                  index,
                  field: `items[${index}]`,
                  code: RegisterErrors.DUPLICATE_BATCH_ITEM.code,
                  message: `${RegisterErrors.DUPLICATE_BATCH_ITEM.detail} (รายการที่ ${repeated})`,
                });
                continue;
              }
              for (const key of keys) firstOf.set(key, index);
              checked.push(result);
            } catch (error) {
              if (!(error instanceof DomainError)) throw error;
              const detail = error.extras.errors?.map((e) => e.message).join('; ');
              errors.push({
                index,
                field: `items[${index}]`,
                code: error.code,
                message: detail ? `${error.detail}: ${detail}` : error.detail,
              });
            }
          }
          if (errors.length > 0) throw new DomainError(RegisterErrors.BATCH_REJECTED, { errors });

          const now = this.clock.now();
          const beYear = bangkokBuddhistYear(now);
          const roots = [...new Set(checked.map((c) => c.letter.rootLetterId))];
          const earlierByRoot = await this.repository.findEarlierReceipts(
            manager,
            register.unitId,
            roots,
          );
          const entries = await this.repository.insertNextEntries(
            manager,
            register.id,
            beYear,
            dto.items.map((item, i) => ({
              letterId: checked[i].letter.id,
              registeredAt: now,
              action: item.action ?? null,
              remarks: item.remarks ?? null,
              status: 'active' as const,
              cancelReason: null,
              cancelledAt: null,
              replacesEntryId: checked[i].replaced?.id ?? null,
              replacedByEntryId: null,
              deliveryId: item.deliveryId ?? null,
              issuedReference: null,
              createdBy: principal.userId,
            })),
          );
          const views: EntryView[] = [];
          const events: AuditEventInput[] = [];
          for (const [i, entry] of entries.entries()) {
            const { letter, replaced } = checked[i];
            const item = dto.items[i];
            if (replaced) {
              if (replaced.status === 'active') {
                await this.repository.markCancelled(
                  manager,
                  replaced.id,
                  `ยกเลิก แทนด้วยเลขรับ ${entry.number}/${beYear}`,
                  now,
                );
              }
              await this.repository.linkReplacement(manager, replaced.id, entry.id);
            }
            if (this.receipts.listener) {
              await this.receipts.listener.onRegistered(manager, {
                entry,
                unitId: register.unitId,
                letterId: letter.id,
                deliveryId: item.deliveryId ?? null,
              });
            }
            // The first receipt of the chain: before the batch, or an earlier item of it.
            const earlier = earlierByRoot.get(letter.rootLetterId) ?? null;
            if (!earlier) {
              earlierByRoot.set(letter.rootLetterId, {
                id: entry.id,
                registerId: entry.registerId,
                number: entry.number,
                beYear: entry.beYear,
              });
            }
            views.push(entryView(entry, duplicateArrivalWarnings(earlier)));
            events.push(
              registrationEvent(this.access.actor(principal), register, {
                entry,
                letterId: letter.id,
                deliveryId: item.deliveryId ?? null,
                replaced,
                batch: true,
              }),
            );
          }
          await this.audit.recordMany(manager, events);
          return { status: 201, body: { registerId: register.id, beYear, items: views } };
        },
      ),
    );
  }

  /** Outgoing and circular registers give a letter its ที่: `รอ ๐๐๑๗.๓/ว ๑๒๓`. */
  async allocateOutgoingNumber(
    principal: Principal,
    registerId: string,
    dto: AllocateNumberDto,
    idempotencyKey?: string,
  ): Promise<{ status: number; body: EntryView & { referenceNumber: string }; replayed: boolean }> {
    return this.dataSource.transaction((manager) =>
      this.idempotency.run(
        manager,
        {
          key: idempotencyKey,
          owner: principal.userId,
          scope: `register-number:${registerId}`,
          request: dto,
        },
        async () => {
          const register = await this.findWritableRegister(manager, principal, registerId);
          if (!register.active) throw new DomainError(RegisterErrors.REGISTER_INACTIVE);
          if (register.direction !== 'outgoing')
            throw new DomainError(RegisterErrors.REGISTER_WRONG_DIRECTION);
          const letter = await this.letters.findVisible(manager, principal, dto.letterId);
          const unit = await this.organisations.findUnit(register.unitId, manager);
          if (!unit?.letterCode || !unit.ownerNumber)
            throw new DomainError(RegisterErrors.UNIT_HAS_NO_LETTER_CODE);
          const now = this.clock.now();
          const beYear = bangkokBuddhistYear(now);
          const circular = register.kind === 'circular';
          const parts = { agencyPrefix: unit.letterCode, agencyNumber: unit.ownerNumber, circular };
          const digits = { digits: unit.referenceDigits };
          const entryId = randomUUID();
          const actor = this.access.actor(principal);
          const eventOf = (number: number, referenceNumber: string) => ({
            actor,
            unitId: register.unitId,
            action: 'register-number.allocated',
            subjectType: 'register_entry',
            subjectId: entryId,
            data: { registerId: register.id, beYear, number, letterId: letter.id, referenceNumber },
          });
          // One statement takes the number, writes the entry, records the number as the
          // letter's ที่ if it has none (it is what will be printed on it) and appends the
          // audit event: the counter row is held for the commit's round trip only.
          const { entry, auditEventId } = await this.repository.insertNumberedEntry(
            manager,
            {
              id: entryId,
              registerId: register.id,
              beYear,
              letterId: letter.id,
              registeredAt: now,
              action: null,
              remarks: dto.remarks ?? null,
              status: 'active',
              cancelReason: null,
              cancelledAt: null,
              replacesEntryId: null,
              replacedByEntryId: null,
              deliveryId: null,
              createdBy: principal.userId,
            },
            {
              head: referenceNumberHead(parts, digits),
              digits: convertDigits('0123456789', unit.referenceDigits),
            },
            {
              letter: (firstParam, written) =>
                this.letters.issuedReferenceSql(written, firstParam, letter.id, parts),
              audit: (firstParam, source) =>
                this.audit.inlineAppend(
                  manager,
                  eventOf(0, ''),
                  { number: 'e.number', referenceNumber: 'e.issued_reference' },
                  source,
                  firstParam,
                ),
            },
          );
          const referenceNumber = formatReferenceNumber({ ...parts, serial: entry.number }, digits);
          // The statement wrote the same text from the same parts (referenceNumberHead).
          if (entry.issuedReference !== referenceNumber)
            throw new Error(`issued reference ${entry.issuedReference} is not ${referenceNumber}`);
          // Invariant 2: no number without its audit event.
          if (auditEventId === null) throw new Error('the number was taken with no audit event');
          return { status: 201, body: { ...entryView(entry), referenceNumber } };
        },
      ),
    );
  }

  /**
   * Cancelling keeps the number with the reason: never reused (see
   * src/modules/registers/README.md#cancel-and-replace).
   */
  async cancel(
    principal: Principal,
    registerId: string,
    entryId: string,
    reason: string,
  ): Promise<EntryView> {
    return this.dataSource.transaction(async (manager) => {
      const register = await this.findWritableRegister(manager, principal, registerId);
      const entry = await this.repository.findEntry(manager, entryId, true);
      if (!entry || entry.registerId !== register.id)
        throw new DomainError(RegisterErrors.REGISTER_ENTRY_NOT_FOUND);
      if (entry.status === 'cancelled')
        throw new DomainError(RegisterErrors.ENTRY_ALREADY_CANCELLED);
      const cancelled = await this.repository.markCancelled(
        manager,
        entry.id,
        reason.trim(),
        this.clock.now(),
      );
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        unitId: register.unitId,
        action: 'register-entry.cancelled',
        subjectType: 'register_entry',
        subjectId: entry.id,
        data: {
          registerId: register.id,
          beYear: entry.beYear,
          number: entry.number,
          reason: reason.trim(),
        },
      });
      return entryView(cancelled);
    });
  }

  async listEntries(principal: Principal, registerId: string, query: ListEntriesQuery) {
    const register = await this.findVisibleRegister(this.dataSource.manager, principal, registerId);
    const year = query.year ?? bangkokBuddhistYear(this.clock.now());
    const limit = query.limit ?? 50;
    const rows = await this.repository.findEntries(register.id, year, query.after ?? 0, limit + 1);
    const items = rows.slice(0, limit).map((row) => entryView(row));
    return {
      registerId: register.id,
      beYear: year,
      items,
      nextAfter: rows.length > limit ? items[items.length - 1].receiptNumber : null,
    };
  }

  /** The entry, its register and its letter, each checked visible to the principal (else 404). */
  async getEntry(
    principal: Principal,
    entryId: string,
  ): Promise<{ entry: EntryRow; register: Register; letter: LetterRow }> {
    // The entry and its register in one statement; the letter is the letters module's.
    const found = await this.repository.findEntryWithRegister(this.dataSource.manager, entryId);
    if (!found || !this.canSeeRegister(principal, found)) {
      throw new DomainError(RegisterErrors.REGISTER_ENTRY_NOT_FOUND);
    }
    const { entry, register } = found;
    try {
      const letter = await this.letters.findVisible(
        this.dataSource.manager,
        principal,
        entry.letterId,
      );
      return { entry, register, letter };
    } catch {
      throw new DomainError(RegisterErrors.REGISTER_ENTRY_NOT_FOUND);
    }
  }
}

function noLetterNorDelivery(): [typeof CommonErrors.VALIDATION_FAILED, { errors: FieldError[] }] {
  return [
    CommonErrors.VALIDATION_FAILED,
    {
      errors: [
        { field: 'letterId', code: 'isNotEmpty', message: 'ต้องระบุ letterId หรือ deliveryId' },
      ],
    },
  ];
}

function rank(level: string): number {
  return ['none', 'confidential', 'secret', 'top_secret'].indexOf(level);
}
