import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SECRECY_CODES, SPEED_CODES } from 'src/modules/letters/letter.entity.js';

/**
 * The answers of the progress and tracking reads (ติดตาม), as the OpenAPI document
 * describes them: the console's types are generated from these.
 */

export class TrackingUnitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'จังหวัดร้อยเอ็ด' }) nameTh: string;
  @ApiProperty({ example: 'province' }) kind: string;
}

/** Recipient units by their best state. */
export class UnitCountsResponse {
  @ApiProperty() total: number;
  @ApiProperty() received: number;
  @ApiProperty() pending: number;
  @ApiProperty() returned: number;
}

export class ProgressUnitCountsResponse extends UnitCountsResponse {
  @ApiProperty() cancelled: number;
}

export class ProgressDeliveryCountsResponse {
  @ApiProperty() sent: number;
  @ApiProperty() received: number;
  @ApiProperty() returned: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() total: number;
}

/** Recipient units at one level (hop) of the letter's tree. */
export class LevelCountsResponse extends UnitCountsResponse {
  @ApiProperty({ minimum: 1 }) level: number;
}

export class SentLevelCountsResponse extends LevelCountsResponse {
  @ApiProperty({ description: 'Pending past their due time' }) overdue: number;
}

export class KindCountsResponse {
  @ApiProperty({ example: 'subdistrict_administration' }) kind: string;
  @ApiProperty() total: number;
  @ApiProperty() received: number;
  @ApiProperty() pending: number;
}

export class ChildRollupResponse extends UnitCountsResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, nullable: true }) nameTh: string | null;
  @ApiProperty({ type: String, nullable: true }) kind: string | null;
  @ApiProperty({ type: [KindCountsResponse] }) byKind: KindCountsResponse[];
}

export class OldestPendingResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'date-time' }) pendingSince: string;
  @ApiProperty({ description: 'Working hours waited so far', example: 26.5 }) ageHours: number;
}

/** A recipient unit that has not registered (ลงรับ) the letter, with its escalation. */
export class PendingUnitResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'อำเภอเสลภูมิ' }) nameTh: string;
  @ApiProperty({ example: 'district' }) kind: string;
  @ApiProperty({ format: 'uuid', description: "The unit's oldest pending delivery" })
  deliveryId: string;
  @ApiProperty({ format: 'date-time' }) pendingSince: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ description: 'Working hours waited so far' }) ageHours: number;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Highest rung reached (0: none yet)' })
  escalationLevel: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEscalationAt: string | null;
}

export class PendingUnitsPageResponse {
  @ApiProperty({ type: [PendingUnitResponse] }) items: PendingUnitResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class ProgressResponse {
  @ApiProperty({ format: 'uuid' }) rootLetterId: string;
  @ApiProperty({ type: TrackingUnitResponse }) unit: TrackingUnitResponse;
  @ApiProperty({ type: ProgressDeliveryCountsResponse })
  deliveries: ProgressDeliveryCountsResponse;
  @ApiProperty({ type: ProgressUnitCountsResponse }) units: ProgressUnitCountsResponse;
  @ApiProperty({ type: [LevelCountsResponse] }) levels: LevelCountsResponse[];
  @ApiProperty({ type: [ChildRollupResponse] }) children: ChildRollupResponse[];
  @ApiProperty({ type: OldestPendingResponse, nullable: true })
  oldestPending: OldestPendingResponse | null;
  @ApiProperty({ type: PendingUnitsPageResponse }) notReceived: PendingUnitsPageResponse;
}

export class SentTotalsResponse extends UnitCountsResponse {
  @ApiProperty() overdue: number;
}

export class SentLetterResponse {
  @ApiProperty({ format: 'uuid' }) rootLetterId: string;
  @ApiProperty({ format: 'uuid' }) letterId: string;
  @ApiProperty({ type: String, nullable: true, description: 'ที่ as printed' })
  reference: string | null;
  @ApiProperty({ enum: SPEED_CODES }) speed: string;
  @ApiProperty({ enum: SECRECY_CODES }) secrecy: string;
  @ApiPropertyOptional({ description: 'Left out when the letter is above your clearance' })
  subject?: string;
  @ApiProperty({ format: 'date-time' }) firstSentAt: string;
  @ApiProperty({ format: 'date-time' }) lastSentAt: string;
  @ApiProperty({ type: SentTotalsResponse }) totals: SentTotalsResponse;
  @ApiProperty({ type: [SentLevelCountsResponse] }) levels: SentLevelCountsResponse[];
}

export class SentLettersPageResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: [SentLetterResponse] }) items: SentLetterResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class OverdueItemResponse {
  @ApiProperty({ format: 'uuid' }) deliveryId: string;
  @ApiProperty({ format: 'uuid' }) letterId: string;
  @ApiProperty({ type: String, nullable: true, description: 'ที่ as printed' })
  reference: string | null;
  @ApiProperty({ enum: SPEED_CODES }) speed: string;
  @ApiProperty({ enum: SECRECY_CODES }) secrecy: string;
  @ApiPropertyOptional({ description: 'Left out when the letter is above your clearance' })
  subject?: string;
  @ApiProperty({ example: 'จังหวัดร้อยเอ็ด' }) senderName: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ minimum: 0, maximum: 4, description: 'Highest rung reached (0: none yet)' })
  level: number;
  @ApiProperty({ description: 'Working hours since it was sent' }) ageHours: number;
  @ApiProperty({ description: 'Working hours past its due time' }) overdueHours: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextEscalationAt: string | null;
}

export class OverdueGroupResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ example: 'อำเภอเสลภูมิ' }) nameTh: string;
  @ApiProperty({ example: 'district' }) kind: string;
  @ApiProperty({ description: "The unit's overdue deliveries in all" }) overdue: number;
  @ApiProperty({ type: [OverdueItemResponse] }) items: OverdueItemResponse[];
}

export class OverduePageResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: [OverdueGroupResponse] }) groups: OverdueGroupResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class LevelCountResponse {
  @ApiProperty({ minimum: 0, maximum: 4 }) level: number;
  @ApiProperty() count: number;
}

export class OverdueLevelsResponse {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty() total: number;
  @ApiProperty({ type: [LevelCountResponse] }) levels: LevelCountResponse[];
}

export class AcknowledgmentPointResponse {
  @ApiProperty({ format: 'date-time', description: 'Start of the hour or working day' })
  at: string;
  @ApiProperty({ format: 'date', description: 'Its Bangkok date', example: '2026-01-15' })
  date: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'By working day: which working day since the letter was sent (1 for the first); null by hour',
    example: 1,
  })
  workingDay: number | null;
  @ApiProperty({
    description:
      'Units that registered in this hour, or on this working day (a day off counts on the next working day)',
  })
  count: number;
  @ApiProperty({ description: 'Units that registered so far' }) received: number;
  @ApiProperty({ description: 'received / total, to three decimals' }) share: number;
}

export class AcknowledgmentSeriesResponse {
  @ApiProperty({ format: 'uuid' }) rootLetterId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ enum: ['hour', 'day'] }) by: 'hour' | 'day';
  @ApiProperty({ description: 'Recipient units in the subtree' }) total: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstSentAt: string | null;
  @ApiProperty({ type: [AcknowledgmentPointResponse] }) points: AcknowledgmentPointResponse[];
}
