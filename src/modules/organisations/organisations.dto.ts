import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Optional } from 'src/common/validation.js';
import {
  REFERENCE_DIGITS,
  type ReferenceDigits,
  UNIT_KIND_CODES,
  type UnitKind,
  unitKindLabel,
} from 'src/modules/organisations/unit-kind.js';
import type { UnitRow } from 'src/modules/organisations/organisations.repository.js';

/** Letter codes are Thai consonants (มท, รอ), possibly with a dot. */
const LETTER_CODE = /^[\u0E01-\u0E2E.]{1,10}$/;
/** Owner numbers are ASCII or Thai digits with dots (0017.3, ๐๒๑๐.๕). */
const OWNER_NUMBER = /^[0-9\u0E50-\u0E59]+(\.[0-9\u0E50-\u0E59]+)*$/;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  @ApiProperty({ format: 'uuid', description: 'The parent unit; the caller must administer it' })
  @IsUUID()
  parentId: string;

  @ApiProperty({ enum: UNIT_KIND_CODES, example: 'provincial_division' })
  @IsIn(UNIT_KIND_CODES)
  kind: UnitKind;

  @ApiProperty({ example: 'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  nameTh: string;

  @ApiPropertyOptional({ example: 'กยผ.' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  shortName?: string;

  @ApiPropertyOptional({ example: 'รอ' })
  @Optional()
  @Matches(LETTER_CODE)
  letterCode?: string;

  @ApiPropertyOptional({ example: '0017.3' })
  @Optional()
  @Matches(OWNER_NUMBER)
  @MaxLength(40)
  ownerNumber?: string;

  @ApiPropertyOptional({ example: 'หัวหน้ากลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  headPosition?: string;

  @ApiPropertyOptional({ enum: REFERENCE_DIGITS, default: 'thai' })
  @Optional()
  @IsIn(REFERENCE_DIGITS)
  referenceDigits?: ReferenceDigits;
}

/** Rename and edit the descriptive fields; `null` clears an optional one. */
export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'สำนักงานจังหวัดร้อยเอ็ด' })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  nameTh?: string;

  @ApiPropertyOptional({ type: String, example: 'สนจ.รอ.', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiPropertyOptional({ type: String, example: 'รอ', nullable: true })
  @IsOptional()
  @Matches(LETTER_CODE)
  letterCode?: string | null;

  @ApiPropertyOptional({ type: String, example: '0017.3', nullable: true })
  @IsOptional()
  @Matches(OWNER_NUMBER)
  @MaxLength(40)
  ownerNumber?: string | null;

  @ApiPropertyOptional({ type: String, example: 'ผู้ว่าราชการจังหวัดร้อยเอ็ด', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(300)
  headPosition?: string | null;

  @ApiPropertyOptional({ enum: REFERENCE_DIGITS })
  @Optional()
  @IsIn(REFERENCE_DIGITS)
  referenceDigits?: ReferenceDigits;
}

export class MoveUnitDto {
  @ApiProperty({ format: 'uuid', description: 'The new parent; the caller must administer it' })
  @IsUUID()
  parentId: string;
}

export class UnitListQuery {
  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @Optional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class SubtreeQuery extends UnitListQuery {
  @ApiPropertyOptional({
    description: 'Thai substring of the unit name, at least 3 characters',
    example: 'เทศบาล',
  })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export const UNIT_EXAMPLE = {
  id: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  kind: 'provincial_office',
  kindLabel: 'สำนักงานจังหวัด',
  nameTh: 'สำนักงานจังหวัดร้อยเอ็ด',
  shortName: 'สนจ.รอ.',
  letterCode: 'รอ',
  ownerNumber: '0017',
  headPosition: 'หัวหน้าสำนักงานจังหวัดร้อยเอ็ด',
  parentId: '0a1b2c3d-4e5f-4061-8a7b-8c9d0e1f2a3b',
  depth: 2,
  active: true,
  referenceDigits: 'thai',
  geocode: null,
};

export const UNIT_PAGE_EXAMPLE = { items: [UNIT_EXAMPLE], nextCursor: null };

// ---- presenters ----------------------------------------------------------------------------

export interface UnitView {
  id: string;
  kind: UnitKind;
  kindLabel: string;
  nameTh: string;
  shortName: string | null;
  letterCode: string | null;
  ownerNumber: string | null;
  headPosition: string | null;
  parentId: string | null;
  depth: number;
  active: boolean;
  referenceDigits: ReferenceDigits;
  geocode: string | null;
}

export function toView(row: UnitRow): UnitView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: unitKindLabel(row.kind),
    nameTh: row.nameTh,
    shortName: row.shortName,
    letterCode: row.letterCode,
    ownerNumber: row.ownerNumber,
    headPosition: row.headPosition,
    parentId: row.parentId,
    depth: row.depth,
    active: row.active,
    referenceDigits: row.referenceDigits,
    geocode: row.geocode,
  };
}

/** One unit as the API answers it, for the OpenAPI document. */
export class UnitResponse implements UnitView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: [...UNIT_KIND_CODES] })
  kind: UnitKind;

  @ApiProperty({ example: 'สำนักงานจังหวัด' })
  kindLabel: string;

  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' })
  nameTh: string;

  @ApiProperty({ type: String, nullable: true, example: 'สนจ.รอ.' })
  shortName: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'รอ' })
  letterCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0017' })
  ownerNumber: string | null;

  @ApiProperty({ type: String, nullable: true })
  headPosition: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  parentId: string | null;

  @ApiProperty({ example: 2 })
  depth: number;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ enum: REFERENCE_DIGITS, description: 'Digits of the numbers it prints' })
  referenceDigits: ReferenceDigits;

  @ApiProperty({ type: String, nullable: true })
  geocode: string | null;
}

export class UnitPageResponse {
  @ApiProperty({ type: [UnitResponse] })
  items: UnitResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Cursor of the next page' })
  nextCursor: string | null;
}
