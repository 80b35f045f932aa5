import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { NestedObject, Optional } from 'src/common/validation.js';
import { SECRECY_CODES, SPEED_CODES, type Speed } from 'src/modules/letters/letter.entity.js';
import { DELIVERY_STATES, type DeliveryState } from 'src/modules/routing/delivery.entity.js';
import { UNIT_KIND_CODES, type UnitKind } from 'src/modules/organisations/unit-kind.js';
import {
  ANNOTATION_DECISION_CODES,
  type AnnotationDecision,
} from 'src/modules/routing/annotation.entity.js';

export class AnnotationDto {
  @ApiProperty({ example: 'เห็นควรแจ้ง อำเภอ และ อปท. ทราบ', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;

  @ApiPropertyOptional({
    enum: ANNOTATION_DECISION_CODES,
    description: 'noted ทราบ, proceed ดำเนินการ, agreed เห็นชอบ, approved อนุมัติ, other',
    example: 'proceed',
  })
  @Optional()
  @IsIn(ANNOTATION_DECISION_CODES)
  decision?: AnnotationDecision;
}

/** Largest single forward: every unit of the national tree fits. */
export const MAX_FORWARD_RECIPIENTS = 20_000;

export class ForwardDto {
  @ApiPropertyOptional({
    type: [String],
    description: 'Recipient units by id',
    example: ['8f2d…', '4b7a…'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_FORWARD_RECIPIENTS)
  @IsUUID('all', { each: true })
  unitIds?: string[];

  @ApiPropertyOptional({
    enum: UNIT_KIND_CODES,
    isArray: true,
    description: "Every direct child of the sending unit of these kinds (a district's อบต.)",
    example: ['subdistrict_municipality', 'subdistrict_administration'],
  })
  @Optional()
  @IsArray()
  @IsIn(UNIT_KIND_CODES, { each: true })
  childKinds?: UnitKind[];

  @ApiPropertyOptional({
    enum: UNIT_KIND_CODES,
    isArray: true,
    description: "Every unit of these kinds anywhere in the sending unit's subtree",
    example: ['provincial_division', 'district', 'provincial_administration', 'town_municipality'],
  })
  @Optional()
  @IsArray()
  @IsIn(UNIT_KIND_CODES, { each: true })
  subtreeKinds?: UnitKind[];

  @ApiPropertyOptional({ type: AnnotationDto, description: 'เกษียน written with the forward' })
  @Optional()
  @NestedObject(() => AnnotationDto)
  annotation?: AnnotationDto;

  @ApiPropertyOptional({
    description: 'When the recipients must report or reply (ISO instant)',
    example: '2026-01-30T10:00:00+07:00',
  })
  @Optional()
  @IsISO8601({ strict: true })
  responseDueAt?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'ส่งผิดหน่วยงาน', maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(300)
  cursor?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class InboxQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: SPEED_CODES,
    description: 'Only letters of this speed class (ความเร่งด่วน)',
  })
  @Optional()
  @IsIn(SPEED_CODES)
  speed?: Speed;

  @ApiPropertyOptional({
    enum: ['overdue', 'on_time'],
    description: 'Only deliveries past their due time, or only those not yet past it',
  })
  @Optional()
  @IsIn(['overdue', 'on_time'])
  due?: 'overdue' | 'on_time';
}

export class TreeQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only this level (1: the origin’s recipients)', example: 2 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  level?: number;
}

export class ProgressQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Whose subtree (default: the unit you act for)',
    example: '8f2d…',
  })
  @Optional()
  @IsUUID()
  unitId?: string;
}

/** Filters of the overdue list and its CSV export. */
export class OverdueFilterQuery {
  @ApiPropertyOptional({ enum: SPEED_CODES, description: 'Only letters of this speed class' })
  @Optional()
  @IsIn(SPEED_CODES)
  speed?: Speed;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 4,
    description: 'Only deliveries whose escalation reached exactly this level (0: not yet)',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(4)
  level?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 87_600,
    description: 'Only deliveries sent at least this many hours ago',
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(87_600)
  minAgeHours?: number;
}

/** A page of the overdue list, filtered. */
export class OverdueQuery extends IntersectionType(PageQuery, OverdueFilterQuery) {}

export class AcknowledgmentSeriesQuery {
  @ApiPropertyOptional({ description: 'Whose subtree (default: the unit you act for)' })
  @Optional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    enum: ['hour', 'day'],
    default: 'hour',
    description: 'Bucket by hour, or by working day (Bangkok time)',
  })
  @Optional()
  @IsIn(['hour', 'day'])
  by?: 'hour' | 'day';
}

export class ForwardTargetsQuery extends PageQuery {
  @ApiPropertyOptional({
    description: "List the units directly below this one (default: the sender's organisation)",
  })
  @Optional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({
    description: 'Instead, search the whole scope by Thai name (2+ characters)',
    example: 'เสลภูมิ',
  })
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    description:
      'The register entry of the letter about to be forwarded: each unit then says whether ' +
      'the forward would be refused for it (noClearedMember: a classified letter and nobody ' +
      'there cleared to register or return it)',
  })
  @Optional()
  @IsUUID()
  entryId?: string;
}

export class ProgressEventsQuery {
  @ApiPropertyOptional({ description: "Only this letter's delivery tree (its root's)" })
  @Optional()
  @IsUUID()
  letterId?: string;

  @ApiPropertyOptional({ description: "Only deliveries sent or received in this unit's subtree" })
  @Optional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    description: 'Resume after this event (for clients that cannot set Last-Event-ID)',
  })
  @Optional()
  @IsString()
  @MaxLength(20)
  lastEventId?: string;
}

// Answers, described for the OpenAPI document (the console's types are generated from it).

export class InboxItemResponse {
  @ApiProperty({ format: 'uuid' })
  deliveryId: string;

  @ApiProperty({ format: 'uuid' })
  letterId: string;

  @ApiProperty({ type: String, nullable: true, description: 'ที่ as printed' })
  reference: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ลงวันที่ as printed' })
  letterDateRaw: string | null;

  @ApiProperty({ enum: SPEED_CODES })
  speed: string;

  @ApiProperty({ enum: SECRECY_CODES })
  secrecy: string;

  @ApiPropertyOptional({
    description: 'Left out when the letter is above your clearance',
    example: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
  })
  subject?: string;

  @ApiProperty({ format: 'uuid' })
  senderUnitId: string;

  @ApiProperty({ example: 'กระทรวงมหาดไทย' })
  senderName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  sentAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  dueAt: Date | null;

  @ApiProperty({ description: 'Working hours waited so far', example: 2.5 })
  ageHours: number;

  @ApiProperty()
  overdue: boolean;
}

export class InboxPageResponse {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ type: [InboxItemResponse] })
  items: InboxItemResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class DeliveryStateResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: DELIVERY_STATES })
  state: DeliveryState;

  @ApiProperty({ type: String, nullable: true })
  stateReason: string | null;

  @ApiProperty({ format: 'date-time' })
  stateChangedAt: string;
}

export class UnitRefResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'จังหวัดร้อยเอ็ด' }) nameTh: string;
  @ApiProperty({ enum: UNIT_KIND_CODES }) kind: string;
}

/** A unit of the recipient picker. */
export class ForwardTargetResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'อำเภอเสลภูมิ' }) nameTh: string;
  @ApiProperty({ enum: UNIT_KIND_CODES }) kind: string;
  @ApiProperty({ example: 'อำเภอ / เขต' }) kindLabel: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty({ type: String, nullable: true }) parentName: string | null;
  @ApiProperty({ description: 'Child units (to open the node)' }) children: number;
  @ApiProperty({ description: 'Local administrations (อปท.) under it' })
  localAdministrations: number;
  @ApiProperty({ description: 'False for the sending unit and its organisation' })
  selectable: boolean;
  @ApiPropertyOptional({
    description:
      'With entryId: nobody in the unit is cleared for that classified letter (a forward to it is refused)',
  })
  noClearedMember?: boolean;
}

export class QuickPickResponse {
  @ApiProperty({ example: 'districts' }) key: string;
  @ApiProperty({ example: 'ทุกอำเภอ' }) labelTh: string;
  @ApiProperty({ enum: UNIT_KIND_CODES, isArray: true }) subtreeKinds: string[];
  @ApiProperty({ description: 'Units of those kinds in the scope' }) count: number;
}

export class ForwardTargetsPageResponse {
  @ApiProperty({ type: UnitRefResponse, description: 'The unit forwarding' })
  unit: UnitRefResponse;
  @ApiProperty({ type: UnitRefResponse, description: 'The organisation whose tree is listed' })
  organisation: UnitRefResponse;
  @ApiProperty({
    type: UnitRefResponse,
    nullable: true,
    description: 'The node whose children are listed (null for a name search)',
  })
  parent: UnitRefResponse | null;
  @ApiProperty({ type: [ForwardTargetResponse] }) items: ForwardTargetResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
  @ApiProperty({ type: [QuickPickResponse] }) quickPicks: QuickPickResponse[];
}

export class UnitNameResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'องค์การบริหารส่วนตำบลดงลาน' }) nameTh: string;
}

export class NoClearedMemberResponse {
  @ApiProperty({ description: 'Exact' }) count: number;
  @ApiProperty({ type: [UnitNameResponse], description: 'The first of them' })
  units: UnitNameResponse[];
}

export class ForwardPreviewResponse {
  @ApiProperty() recipients: number;
  @ApiProperty({ description: 'Already have the letter from this unit' }) alreadySent: number;
  @ApiProperty() willCreate: number;
  @ApiProperty({ type: NoClearedMemberResponse }) noClearedMember: NoClearedMemberResponse;
}

export class SkippedUnitsResponse {
  @ApiProperty({ description: 'Exact' }) count: number;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The first of them' })
  unitIds: string[];
}

export class ForwardResponse {
  @ApiProperty({ format: 'uuid' }) forwardId: string;
  @ApiProperty({ format: 'uuid' }) letterId: string;
  @ApiProperty({ format: 'uuid' }) rootLetterId: string;
  @ApiProperty({ format: 'uuid' }) senderUnitId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentDeliveryId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) annotationId: string | null;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) responseDueAt: string | null;
  @ApiProperty({ description: 'Deliveries made' }) created: number;
  @ApiProperty({ type: SkippedUnitsResponse, description: 'Recipients that already had it' })
  skipped: SkippedUnitsResponse;
}

/** A minute (เกษียน) as written: append-only, with its author as they were when writing it. */
export class AnnotationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) registerEntryId: string;
  @ApiProperty({ format: 'uuid' }) letterId: string;
  @ApiProperty({ format: 'uuid', description: 'The unit whose register holds the letter' })
  unitId: string;
  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' }) unitName: string;
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @ApiProperty({ example: 'นางสาวพรทิพย์ ศรีสุข' }) authorName: string;
  @ApiProperty({ type: String, nullable: true, example: 'หัวหน้าสำนักงานจังหวัดร้อยเอ็ด' })
  authorPosition: string | null;
  @ApiProperty({ example: 'เห็นควรแจ้ง อำเภอ และ อปท. ทราบ' }) text: string;
  @ApiProperty({ enum: ANNOTATION_DECISION_CODES, nullable: true, type: String })
  decision: AnnotationDecision | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}

export class AnnotationsResponse {
  @ApiProperty({ format: 'uuid' }) registerEntryId: string;
  @ApiProperty({ type: [AnnotationResponse], description: 'Oldest first' })
  items: AnnotationResponse[];
}
