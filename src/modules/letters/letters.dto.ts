import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { NestedObject, NestedObjects, Optional } from 'src/common/validation.js';
import { LETTER_KINDS, SECRECY_CODES, SPEED_CODES } from 'src/modules/letters/letter.entity.js';
import type { ParsedLetter } from 'src/thai/letter-parser.js';

export class SignatoryDto {
  @ApiPropertyOptional({ example: 'นายโชตินรินทร์ เกิดสม' })
  @Optional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ example: 'รองปลัดกระทรวงมหาดไทย ปฏิบัติราชการแทน ปลัดกระทรวงมหาดไทย' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  position?: string;
}

/** A receipt stamp already on the paper (ตรารับ of an earlier unit), as the intake read it. */
export class PrintedStampDto {
  @ApiPropertyOptional({ type: String, example: 'สำนักงานปลัดกระทรวงมหาดไทย', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  unit?: string | null;

  @ApiPropertyOptional({ type: Number, example: 2631, nullable: true })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99_999_999)
  receiptNumber?: number | null;

  @ApiPropertyOptional({
    type: String,
    description: 'ISO date as printed',
    example: '2026-01-15',
    nullable: true,
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string | null;

  @ApiPropertyOptional({ type: String, example: '10:30', nullable: true })
  @IsOptional()
  @Matches(/^\d{2}:\d{2}$/)
  time?: string | null;
}

/** A letter from its fields, as a clerk types them (Thai or Arabic digits, BE dates). */
export class CreateLetterDto {
  @ApiPropertyOptional({
    description: 'Unit recording the letter (required when you act for several)',
  })
  @Optional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ enum: LETTER_KINDS, example: 'external' })
  @IsIn(LETTER_KINDS)
  kind: (typeof LETTER_KINDS)[number];

  @ApiPropertyOptional({ enum: SPEED_CODES, example: 'most_urgent' })
  @Optional()
  @IsIn(SPEED_CODES)
  speed?: (typeof SPEED_CODES)[number];

  @ApiPropertyOptional({ enum: SECRECY_CODES, example: 'none' })
  @Optional()
  @IsIn(SECRECY_CODES)
  secrecy?: (typeof SECRECY_CODES)[number];

  @ApiPropertyOptional({ description: 'ที่ as printed', example: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗' })
  @Optional()
  @IsString()
  @MaxLength(200)
  referenceNumber?: string;

  @ApiPropertyOptional({ description: 'Date as printed (BE)', example: '๑๒ มกราคม ๒๕๖๙' })
  @Optional()
  @IsString()
  @MaxLength(100)
  letterDate?: string;

  @ApiProperty({ example: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  subject: string;

  @ApiPropertyOptional({ description: 'เรียน / ถึง', example: 'ผู้ว่าราชการจังหวัดทุกจังหวัด' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  addressee?: string;

  @ApiPropertyOptional({
    description: 'อ้างถึง: cited letters as printed',
    example: ['มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พฤศจิกายน ๒๕๖๘'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  references?: string[];

  @ApiPropertyOptional({ description: 'สิ่งที่ส่งมาด้วย', example: ['สำเนาหนังสือ จำนวน ๑ ฉบับ'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  enclosures?: string[];

  @ApiPropertyOptional({ type: SignatoryDto })
  @Optional()
  @NestedObject(() => SignatoryDto)
  signatory?: SignatoryDto;

  @ApiPropertyOptional({ description: 'Sending unit, when it is in this system' })
  @Optional()
  @IsUUID()
  senderUnitId?: string;

  @ApiPropertyOptional({ description: 'Sender as printed', example: 'กระทรวงมหาดไทย' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  senderText?: string;

  @ApiPropertyOptional({
    description: 'ส่วนราชการเจ้าของเรื่อง as printed at the foot',
    example: 'กองการสื่อสารและเทคโนโลยีสารสนเทศ',
  })
  @Optional()
  @IsString()
  @MaxLength(1000)
  ownerUnit?: string;

  @ApiPropertyOptional({
    description:
      'Receipt stamps already on the paper (from the intake parser, checked by the clerk)',
    type: [PrintedStampDto],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @NestedObjects(() => PrintedStampDto)
  printedStamps?: PrintedStampDto[];

  @ApiPropertyOptional({
    description: 'Uploaded PDF ids; the first is the letter itself',
    type: [String],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({
    description: 'Re-issue: the upstream letter this one encloses (keeps its root)',
  })
  @Optional()
  @IsUUID()
  enclosesLetterId?: string;
}

/** A letter from its OCR text: the Thai intake parser fills the fields. */
export class CreateLetterFromTextDto {
  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    description: 'OCR text of the letter (200 KB at most); or fileId, a PDF whose reading is done',
  })
  @Optional()
  @IsString()
  @MaxLength(204_800)
  text?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'An uploaded PDF whose reading is done (409 before): its text is parsed instead of text, and it becomes the letter file',
  })
  @Optional()
  @IsUUID()
  fileId?: string;

  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({ description: 'Sender as printed, when the text does not say it' })
  @Optional()
  @IsString()
  @MaxLength(1000)
  senderText?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  senderUnitId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  enclosesLetterId?: string;
}

export class SearchLettersQuery {
  @ApiPropertyOptional({
    description: 'Thai substring of subject, sender or ที่ (3+ characters)',
    example: 'อาชญากรรม',
  })
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Letter date from (BE or ISO)', example: '๑ ม.ค. ๒๕๖๙' })
  @Optional()
  @IsString()
  @MaxLength(50)
  from?: string;

  @ApiPropertyOptional({ description: 'Letter date to (BE or ISO)', example: '31/01/2569' })
  @Optional()
  @IsString()
  @MaxLength(50)
  to?: string;

  @ApiPropertyOptional({ enum: SPEED_CODES })
  @Optional()
  @IsIn(SPEED_CODES)
  speed?: (typeof SPEED_CODES)[number];

  @ApiPropertyOptional()
  @Optional()
  @IsUUID()
  registerId?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

// Answers, described for the OpenAPI document (the console's types are generated from it).

export class CitedLetterResponse {
  @ApiProperty({ type: String, nullable: true, description: 'As printed' })
  raw: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'มท' })
  agencyPrefix: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0210.5' })
  agencyNumber: string | null;

  @ApiProperty({ type: Boolean, nullable: true })
  circular: boolean | null;

  @ApiProperty({ type: Number, nullable: true })
  serial: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  date: string | null;
}

export class LetterReferenceResponse extends CitedLetterResponse {
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The letter of this system it points to, when one matches',
  })
  letterId?: string | null;
}

export class SignatoryResponse {
  @ApiProperty({ type: String, nullable: true, example: 'นายโชตินรินทร์ เกิดสม' })
  name: string | null;

  @ApiProperty({ type: String, nullable: true })
  position: string | null;
}

/** A warning of the intake parser: which field, and what to check or use instead. */
export class LetterWarningResponse {
  @ApiProperty({ example: 'year_slip' })
  code: string;

  @ApiProperty({ example: 'letterDate' })
  field: string;

  @ApiPropertyOptional({ description: 'year_slip: the date it probably means' })
  suggested?: string;

  @ApiPropertyOptional()
  reason?: string;

  @ApiPropertyOptional({ description: 'legacy_encoding: the text that looks mis-encoded' })
  sample?: string;

  @ApiPropertyOptional()
  index?: number;

  @ApiPropertyOptional({ format: 'date' })
  date?: string;
}

export class LetterResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: LETTER_KINDS })
  kind: string;

  @ApiProperty({ enum: SPEED_CODES })
  speed: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  speedDeadline: Date | null;

  @ApiProperty({ enum: SECRECY_CODES })
  secrecy: string;

  @ApiProperty({ type: String, nullable: true, description: 'ที่ as printed' })
  referenceRaw: string | null;

  @ApiProperty({ type: String, nullable: true })
  agencyPrefix: string | null;

  @ApiProperty({ type: String, nullable: true })
  agencyNumber: string | null;

  @ApiProperty()
  circular: boolean;

  @ApiProperty({ type: Number, nullable: true })
  serial: number | null;

  @ApiProperty({ type: String, nullable: true, description: 'ลงวันที่ as printed' })
  letterDateRaw: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  letterDate: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  suggestedLetterDate: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty({ type: String, nullable: true })
  addressee: string | null;

  @ApiProperty({ type: [LetterReferenceResponse] })
  references: LetterReferenceResponse[];

  @ApiProperty({ type: [String] })
  enclosures: string[];

  @ApiProperty({ type: SignatoryResponse, nullable: true })
  signatory: SignatoryResponse | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  senderUnitId: string | null;

  @ApiProperty({ type: String, nullable: true })
  senderText: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'ส่วนราชการเจ้าของเรื่อง as printed' })
  ownerUnit: string | null;

  @ApiProperty({ format: 'uuid' })
  rootLetterId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  enclosesLetterId: string | null;

  @ApiProperty({ type: [LetterWarningResponse] })
  warnings: unknown[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  printedStamps: unknown[];

  @ApiProperty({ format: 'uuid' })
  createdUnitId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  createdBy: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: [String], description: 'The letter’s PDFs, in order' })
  fileIds: string[];
}

export class LetterSummaryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: LETTER_KINDS })
  kind: string;

  @ApiProperty({ enum: SPEED_CODES })
  speed: string;

  @ApiProperty({ enum: SECRECY_CODES })
  secrecy: string;

  @ApiProperty({ type: String, nullable: true })
  referenceRaw: string | null;

  @ApiProperty({ type: String, nullable: true })
  letterDateRaw: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  letterDate: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty({ type: String, nullable: true })
  senderText: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class LetterPageResponse {
  @ApiProperty({ type: [LetterSummaryResponse] })
  items: LetterSummaryResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}

export class ParsedReferenceResponse {
  @ApiProperty({ example: 'มท ๐๒๑๐.๕/๒๖๓' })
  raw: string;

  @ApiProperty({ example: 'มท' })
  agencyPrefix: string;

  @ApiProperty({ example: '0210.5' })
  agencyNumber: string;

  @ApiProperty()
  circular: boolean;

  @ApiProperty({ example: 263 })
  serial: number;
}

export class ParsedDateResponse {
  @ApiProperty({ example: '๑๒ มกราคม ๒๕๖๘' })
  raw: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  date: string | null;
}

export class PrintedStampResponse {
  @ApiProperty({ type: String, nullable: true })
  unit: string | null;

  @ApiProperty({ type: Number, nullable: true })
  receiptNumber: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  date: string | null;

  @ApiProperty({ type: String, nullable: true, example: '10:55' })
  time: string | null;
}

/** What the intake parser read from a letter's text. */
export class ParsedLetterResponse implements ParsedLetter {
  @ApiProperty({ enum: ['external', 'memo', 'stamped'] })
  kind: ParsedLetter['kind'];

  @ApiProperty({ type: String, nullable: true, example: 'ด่วนที่สุด' })
  urgency: string | null;

  @ApiProperty({ type: String, nullable: true })
  secrecy: string | null;

  @ApiProperty({ type: ParsedReferenceResponse, nullable: true })
  referenceNumber: ParsedReferenceResponse | null;

  @ApiProperty({ type: ParsedDateResponse, nullable: true })
  letterDate: ParsedDateResponse | null;

  @ApiProperty({ type: String, nullable: true })
  subject: string | null;

  @ApiProperty({ type: String, nullable: true })
  salutation: string | null;

  @ApiProperty({ type: [CitedLetterResponse] })
  references: CitedLetterResponse[];

  @ApiProperty({ type: [String] })
  enclosures: string[];

  @ApiProperty({ type: SignatoryResponse, nullable: true })
  signatory: { name: string; position: string | null } | null;

  @ApiProperty({ type: String, nullable: true })
  ownerUnit: string | null;

  @ApiProperty({ type: [PrintedStampResponse] })
  receiptStamps: PrintedStampResponse[];

  @ApiProperty({ type: [LetterWarningResponse] })
  warnings: ParsedLetter['warnings'];

  @ApiPropertyOptional({
    description:
      'Only when parsed from a read PDF: 0–1 per field found, from the reading confidences of its characters (1 for a text layer; an OCR-read Thai digit counts at most 0.5)',
    example: { referenceNumber: 0.5, letterDate: 0.93, subject: 0.95 },
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  confidence?: Record<string, number>;
}
