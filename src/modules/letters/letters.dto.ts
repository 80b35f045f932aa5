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
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { LETTER_KINDS, SECRECY_CODES, SPEED_CODES } from 'src/modules/letters/letter.entity.js';

export class SignatoryDto {
  @ApiPropertyOptional({ example: 'นายโชตินรินทร์ เกิดสม' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional({ example: 'รองปลัดกระทรวงมหาดไทย ปฏิบัติราชการแทน ปลัดกระทรวงมหาดไทย' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  position?: string;
}

/** A letter from its fields, as a clerk types them (Thai or Arabic digits, BE dates). */
export class CreateLetterDto {
  @ApiPropertyOptional({
    description: 'Unit recording the letter (required when you act for several)',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ enum: LETTER_KINDS, example: 'external' })
  @IsIn(LETTER_KINDS)
  kind: (typeof LETTER_KINDS)[number];

  @ApiPropertyOptional({ enum: SPEED_CODES, example: 'most_urgent' })
  @IsOptional()
  @IsIn(SPEED_CODES)
  speed?: (typeof SPEED_CODES)[number];

  @ApiPropertyOptional({ enum: SECRECY_CODES, example: 'none' })
  @IsOptional()
  @IsIn(SECRECY_CODES)
  secrecy?: (typeof SECRECY_CODES)[number];

  @ApiPropertyOptional({ description: 'ที่ as printed', example: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  referenceNumber?: string;

  @ApiPropertyOptional({ description: 'Date as printed (BE)', example: '๑๒ มกราคม ๒๕๖๙' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  letterDate?: string;

  @ApiProperty({ example: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  subject: string;

  @ApiPropertyOptional({ description: 'เรียน / ถึง', example: 'ผู้ว่าราชการจังหวัดทุกจังหวัด' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  addressee?: string;

  @ApiPropertyOptional({
    description: 'อ้างถึง: cited letters as printed',
    example: ['มท ๐๒๑๐.๕/ว๑๐๕๕๗ ลงวันที่ ๑๙ พฤศจิกายน ๒๕๖๘'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(1000, { each: true })
  references?: string[];

  @ApiPropertyOptional({ description: 'สิ่งที่ส่งมาด้วย', example: ['สำเนาหนังสือ จำนวน ๑ ฉบับ'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  enclosures?: string[];

  @ApiPropertyOptional({ type: SignatoryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SignatoryDto)
  signatory?: SignatoryDto;

  @ApiPropertyOptional({ description: 'Sending unit, when it is in this system' })
  @IsOptional()
  @IsUUID()
  senderUnitId?: string;

  @ApiPropertyOptional({ description: 'Sender as printed', example: 'กระทรวงมหาดไทย' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  senderText?: string;

  @ApiPropertyOptional({
    description: 'Uploaded PDF ids; the first is the letter itself',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({
    description: 'Re-issue: the upstream letter this one encloses (keeps its root)',
  })
  @IsOptional()
  @IsUUID()
  enclosesLetterId?: string;
}

/** A letter from its OCR text: the Thai intake parser fills the fields. */
export class CreateLetterFromTextDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @ApiProperty({ description: 'OCR text of the letter (200 KB at most)' })
  @IsString()
  @MaxLength(204_800)
  text: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  fileIds?: string[];

  @ApiPropertyOptional({ description: 'Sender as printed, when the text does not say it' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  senderText?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  senderUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  enclosesLetterId?: string;
}

export class SearchLettersQuery {
  @ApiPropertyOptional({
    description: 'Thai substring of subject, sender or ที่ (3+ characters)',
    example: 'อาชญากรรม',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Letter date from (BE or ISO)', example: '๑ ม.ค. ๒๕๖๙' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  from?: string;

  @ApiPropertyOptional({ description: 'Letter date to (BE or ISO)', example: '31/01/2569' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  to?: string;

  @ApiPropertyOptional({ enum: SPEED_CODES })
  @IsOptional()
  @IsIn(SPEED_CODES)
  speed?: (typeof SPEED_CODES)[number];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  registerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 20, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
