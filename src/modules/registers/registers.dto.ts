import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Optional } from 'src/common/validation.js';
import { REGISTER_KINDS, type RegisterKind } from 'src/modules/registers/register.entity.js';
import type { RegisterPrintoutRow } from 'src/modules/registers/register-printout.renderer.js';
import type { EntryRow } from 'src/modules/registers/registers.repository.js';
import { formatThaiDate, formatThaiTime } from 'src/thai/be-date.js';
import { bangkokDate, bangkokTime } from 'src/thai/calendar.js';
import { formatNumber } from 'src/thai/digits.js';

export class RegisterLetterDto {
  @ApiPropertyOptional({ description: 'The letter to register (or give deliveryId)' })
  @Optional()
  @IsUUID()
  letterId?: string;

  @ApiPropertyOptional({ description: 'The delivery this registration acknowledges (ลงรับ)' })
  @Optional()
  @IsUUID()
  deliveryId?: string;

  @ApiPropertyOptional({ description: 'การปฏิบัติ', example: 'เสนอ ผวจ. / ส่งกลุ่มงานยุทธศาสตร์' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  action?: string;

  @ApiPropertyOptional({ description: 'หมายเหตุ' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  remarks?: string;

  @ApiPropertyOptional({
    description: 'Cancel-and-replace: the entry this one replaces (same register)',
  })
  @Optional()
  @IsUUID()
  replacesEntryId?: string;
}

/** Most letters one batch registers (one transaction, one lock of the register's counter). */
export const BATCH_MAX_ITEMS = 500;

export class RegisterBatchDto {
  @ApiProperty({
    type: [RegisterLetterDto],
    minItems: 1,
    maxItems: BATCH_MAX_ITEMS,
    description: `Up to ${BATCH_MAX_ITEMS} letters or deliveries; numbered consecutively in this order`,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BATCH_MAX_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => RegisterLetterDto)
  items: RegisterLetterDto[];
}

export class CancelEntryDto {
  @ApiProperty({ example: 'ลงรับซ้ำ' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}

export class AllocateNumberDto {
  @ApiProperty({ description: 'The outgoing letter that gets the number' })
  @IsUUID()
  letterId: string;

  @ApiPropertyOptional({ description: 'หมายเหตุ' })
  @Optional()
  @IsString()
  @MaxLength(2000)
  remarks?: string;
}

export class CreateRegisterDto {
  @ApiProperty({ example: 'ทะเบียนคำสั่ง' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ['incoming', 'outgoing'], example: 'incoming' })
  @IsIn(['incoming', 'outgoing'])
  direction: 'incoming' | 'outgoing';

  @ApiPropertyOptional({
    enum: ['none', 'confidential', 'secret'],
    default: 'none',
    description: 'A secret register',
  })
  @Optional()
  @IsIn(['none', 'confidential', 'secret'])
  minClearance?: 'none' | 'confidential' | 'secret';
}

export class OpeningFloorDto {
  @ApiProperty({ description: 'Buddhist-era year', example: 2569 })
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2700)
  beYear: number;

  @ApiProperty({
    description: 'Last number used in the paper book; the system continues after it',
    example: 520,
  })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  lastPaperNumber: number;
}

export class ListEntriesQuery {
  @ApiPropertyOptional({
    description: 'Buddhist-era year (default: this year in Bangkok)',
    example: 2569,
  })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(2400)
  @Max(2700)
  year?: number;

  @ApiPropertyOptional({ description: 'Return entries after this number' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(2_147_483_647) // the entry number is a PostgreSQL integer
  after?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class PrintoutQuery {
  @ApiPropertyOptional({ description: 'From date (BE or ISO), inclusive', example: '๑ ม.ค. ๒๕๖๙' })
  @Optional()
  @IsString()
  @MaxLength(50)
  from?: string;

  @ApiPropertyOptional({ description: 'To date (BE or ISO), inclusive', example: '31/01/2569' })
  @Optional()
  @IsString()
  @MaxLength(50)
  to?: string;

  @ApiPropertyOptional({
    description: '1: show in the console viewer instead of downloading (PDF only)',
    enum: ['1', 'true', '0', 'false'],
  })
  @Optional()
  @IsIn(['1', 'true', '0', 'false'])
  inline?: string;
}

// ---- presenters ----------------------------------------------------------------------------

export interface EntryView {
  id: string;
  registerId: string;
  receiptNumber: number;
  beYear: number;
  receivedAt: string;
  letterId: string;
  deliveryId: string | null;
  action: string | null;
  remarks: string | null;
  status: 'active' | 'cancelled';
  cancelReason: string | null;
  replacesEntryId: string | null;
  replacedByEntryId: string | null;
  issuedReference: string | null;
  /** As the stamp and the register print them (Thai digits). */
  display: { receiptNumber: string; date: string; time: string };
  warnings: {
    code: string;
    message: string;
    entryId?: string;
    registerId?: string;
    receiptNumber?: number;
  }[];
}

/** A registered batch: its entries in number order (the order of the request). */
export interface BatchView {
  registerId: string;
  beYear: number;
  items: EntryView[];
}

export function entryView(entry: EntryRow, warnings: EntryView['warnings'] = []): EntryView {
  const at = new Date(entry.registeredAt);
  return {
    id: entry.id,
    registerId: entry.registerId,
    receiptNumber: entry.number,
    beYear: entry.beYear,
    receivedAt: at.toISOString(),
    letterId: entry.letterId,
    deliveryId: entry.deliveryId,
    action: entry.action,
    remarks: entry.remarks,
    status: entry.status,
    cancelReason: entry.cancelReason,
    replacesEntryId: entry.replacesEntryId,
    replacedByEntryId: entry.replacedByEntryId,
    issuedReference: entry.issuedReference,
    display: {
      receiptNumber: formatNumber(entry.number, { digits: 'thai' }),
      date: formatThaiDate(bangkokDate(at), { style: 'register', digits: 'thai' }),
      time: formatThaiTime(bangkokTime(at), { digits: 'thai' }),
    },
    warnings,
  };
}

// Answers, described for the OpenAPI document (the console's types are generated from it).
// Each class implements the view it documents, so a change to the view that the document
// does not follow fails to compile.

export class EntryDisplayResponse {
  @ApiProperty({ example: '๕๒๐' })
  receiptNumber: string;

  @ApiProperty({ example: '๑๕ ม.ค. ๒๕๖๙' })
  date: string;

  @ApiProperty({ example: '๑๐.๕๕ น.' })
  time: string;
}

export class EntryWarningResponse {
  @ApiProperty({ example: 'letter_already_registered' })
  code: string;

  @ApiProperty()
  message: string;

  @ApiPropertyOptional({ format: 'uuid' })
  entryId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  registerId?: string;

  @ApiPropertyOptional()
  receiptNumber?: number;
}

export class EntryResponse implements EntryView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  registerId: string;

  @ApiProperty({ description: 'เลขรับ (or เลขทะเบียนส่ง)', example: 520 })
  receiptNumber: number;

  @ApiProperty({ example: 2569 })
  beYear: number;

  @ApiProperty({ format: 'date-time' })
  receivedAt: string;

  @ApiProperty({ format: 'uuid' })
  letterId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  deliveryId: string | null;

  @ApiProperty({ type: String, nullable: true })
  action: string | null;

  @ApiProperty({ type: String, nullable: true })
  remarks: string | null;

  @ApiProperty({ enum: ['active', 'cancelled'] })
  status: 'active' | 'cancelled';

  @ApiProperty({ type: String, nullable: true })
  cancelReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacesEntryId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  replacedByEntryId: string | null;

  @ApiProperty({ type: String, nullable: true })
  issuedReference: string | null;

  @ApiProperty({ type: EntryDisplayResponse })
  display: EntryDisplayResponse;

  @ApiProperty({ type: [EntryWarningResponse] })
  warnings: EntryWarningResponse[];
}

export class OutgoingNumberResponse extends EntryResponse {
  @ApiProperty({ description: 'ที่ given to the letter', example: 'รอ ๐๐๑๗.๓/ว ๑๒๓' })
  referenceNumber: string;
}

export class RegisterResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ enum: REGISTER_KINDS })
  kind: RegisterKind;

  @ApiProperty({ enum: ['incoming', 'outgoing'] })
  direction: 'incoming' | 'outgoing';

  @ApiProperty({ example: 'ทะเบียนหนังสือรับ' })
  name: string;

  @ApiProperty({ enum: ['none', 'confidential', 'secret'] })
  minClearance: 'none' | 'confidential' | 'secret';

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class BookRowResponse implements RegisterPrintoutRow {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ format: 'uuid' })
  letterId: string;

  @ApiProperty({ example: 520 })
  number: number;

  @ApiProperty({ example: 2569 })
  beYear: number;

  @ApiProperty({ type: String, format: 'date-time' })
  registeredAt: Date;

  @ApiProperty({ enum: ['active', 'cancelled'] })
  status: 'active' | 'cancelled';

  @ApiProperty({ description: 'The number column as printed', example: '๕๒๐/๒๕๖๙' })
  receiptNumber: string;

  @ApiProperty({ description: 'ที่', example: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗' })
  referenceNumber: string;

  @ApiProperty({ description: 'ลงวันที่', example: '๑๒ มกราคม ๒๕๖๙' })
  letterDate: string;

  @ApiProperty({ description: 'จาก' })
  from: string;

  @ApiProperty({ description: 'ถึง' })
  to: string;

  @ApiProperty({ description: 'เรื่อง' })
  subject: string;

  @ApiProperty({ description: 'การปฏิบัติ' })
  action: string;

  @ApiProperty({ description: 'หมายเหตุ' })
  remarks: string;
}

export class BookResponse {
  @ApiProperty({ format: 'uuid' })
  registerId: string;

  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' })
  unitName: string;

  @ApiProperty({ example: 'ทะเบียนหนังสือรับ' })
  registerName: string;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  from: string;

  @ApiProperty({ format: 'date', example: '2026-01-31' })
  to: string;

  @ApiProperty({ example: '๑ ม.ค. ๒๕๖๙ – ๓๑ ม.ค. ๒๕๖๙' })
  periodText: string;

  @ApiPropertyOptional({ example: 'เลขทะเบียนรับ' })
  numberColumnHeader?: string;

  @ApiProperty({ type: [BookRowResponse] })
  rows: BookRowResponse[];
}
