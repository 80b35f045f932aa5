import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { NestedObject, Optional } from 'src/common/validation.js';
import { LETTER_KINDS, SECRECY_CODES, SPEED_CODES } from 'src/modules/letters/letter.entity.js';

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

  @ApiProperty({ description: 'OCR text of the letter (200 KB at most)' })
  @IsString()
  @MaxLength(204_800)
  text: string;

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
