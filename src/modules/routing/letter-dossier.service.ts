import { Injectable } from '@nestjs/common';
import { ReadReplica } from 'src/database/read-replica.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { LettersService } from 'src/modules/letters/letters.service.js';
import { ANNOTATION_DECISIONS } from 'src/modules/routing/annotation.entity.js';
import { FORWARDING_ROLES } from 'src/modules/routing/forward-scope.js';
import {
  LetterDossierRepository,
  type VisibleUnits,
} from 'src/modules/routing/letter-dossier.repository.js';
import type { LetterDossierResponse } from 'src/modules/routing/letter-dossier.dto.js';
import { formatThaiDate, formatThaiTime } from 'src/thai/be-date.js';
import { bangkokDate, bangkokTime } from 'src/thai/calendar.js';

/** Recipients a forward lists by name on the letter page (its counts are always exact). */
const RECIPIENTS_LISTED = 50;

/** "๑๕ ม.ค. ๒๕๖๙ ๑๐.๕๕ น.": an instant as a Thai reader writes it, in Bangkok time. */
function thaiInstant(value: Date | string): string {
  const at = new Date(value);
  return `${formatThaiDate(bangkokDate(at), { style: 'register', digits: 'thai' })} ${formatThaiTime(
    bangkokTime(at),
    { digits: 'thai' },
  )}`;
}

/**
 * The letter page's read (README.md#the-letter-page): the letter, its receipts, the minutes
 * in order, where it came from and where it went, each part narrowed to the units the
 * reader sees. A letter the reader may not see is LETTER_NOT_FOUND before anything is read.
 */
@Injectable()
export class LetterDossierService {
  constructor(
    private readonly repository: LetterDossierRepository,
    private readonly letters: LettersService,
    private readonly access: AccessService,
    private readonly reads: ReadReplica,
  ) {}

  async dossier(principal: Principal, letterId: string): Promise<LetterDossierResponse> {
    const db = await this.reads.for(principal.userId);
    const letter = await this.letters.findVisible(db, principal, letterId);
    const units: VisibleUnits = (unitIdColumn, unitPathColumn) =>
      this.access.visibleUnitsPredicate(principal, { unitIdColumn, unitPathColumn }, 2);
    const [receipts, path, forwards, enclosedIds, senderName] = await Promise.all([
      this.repository.findReceipts(db, letter.id, units),
      this.repository.findArrivalPaths(db, letter.id, units),
      this.repository.findForwards(db, letter.id, units, RECIPIENTS_LISTED),
      this.repository.findEnclosedChain(db, letter.id),
      letter.senderUnitId ? this.repository.findUnitName(db, letter.senderUnitId) : null,
    ]);
    const arrivals = path.filter((hop) => hop.letterId === letter.id).map((hop) => hop.deliveryId);
    const [minutes, enclosed] = await Promise.all([
      this.repository.findMinutes(db, letter.id, units, arrivals),
      this.letters.findVisibleMany(db, principal, enclosedIds),
    ]);
    // The chain stops at the first letter the reader may not see: nothing of it, nor above.
    const encloses = [];
    for (const id of enclosedIds) {
      const row = enclosed.get(id);
      if (!row) break;
      encloses.push({
        id: row.id,
        referenceRaw: row.referenceRaw,
        letterDateRaw: row.letterDateRaw,
        subject: row.subject,
        secrecy: row.secrecy,
      });
    }
    const forwardsFrom = new Set(
      principal.grants.filter((g) => FORWARDING_ROLES.has(g.role)).map((g) => g.unitId),
    );
    return {
      letter,
      senderName,
      receipts: receipts.map((row) => ({
        ...row,
        registeredAtTh: thaiInstant(row.registeredAt),
        mayAnnotate: row.status === 'active',
        mayForward: row.status === 'active' && forwardsFrom.has(row.unitId),
      })),
      minutes: minutes.map((row) => ({
        ...row,
        decisionLabel: ANNOTATION_DECISIONS.find((d) => d.code === row.decision)?.label ?? null,
        createdAtTh: thaiInstant(row.createdAt),
      })),
      origin: {
        path: path.map((hop) => ({
          deliveryId: hop.deliveryId,
          parentDeliveryId: hop.parentDeliveryId,
          letterId: hop.letterId,
          sender: { id: hop.senderUnitId, nameTh: hop.senderName },
          recipient: { id: hop.recipientUnitId, nameTh: hop.recipientName },
          state: hop.state,
          sentAt: hop.sentAt,
          sentAtTh: thaiInstant(hop.sentAt),
          receiptNumber: hop.receiptNumber,
        })),
        encloses,
        earlierHidden: encloses.length < enclosedIds.length,
      },
      destinations: forwards.map((row) => ({
        forwardId: row.forwardId,
        sender: { id: row.senderUnitId, nameTh: row.senderName },
        sentAt: row.sentAt,
        sentAtTh: thaiInstant(row.sentAt),
        responseDueAt: row.responseDueAt,
        minuteId: row.annotationId,
        cancelledAt: row.cancelledAt,
        total: row.total,
        sent: row.sent,
        received: row.received,
        returned: row.returned,
        cancelled: row.cancelled,
        recipients: row.recipients,
      })),
    };
  }
}
