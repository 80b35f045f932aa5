import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { parseUserDate } from 'src/common/user-date.js';
import { NestedObjects, Optional } from 'src/common/validation.js';
import { SPEED_CODES, type Speed } from 'src/modules/letters/letter.entity.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date as a clerk types it (`๓ มี.ค. ๒๕๖๙`, `3/3/2569`) becomes ISO; anything else stays to be refused. */
const userDate = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (parseUserDate(value) ?? value) : value;

export class HolidayDto {
  @ApiProperty({
    description:
      'ISO date (Gregorian, Bangkok), or a Buddhist-era date as typed (๓ มีนาคม ๒๕๖๙, 3/3/2569)',
    example: '2026-03-03',
  })
  @Transform(userDate)
  @Matches(ISO_DATE)
  date: string;

  @ApiProperty({ example: 'วันมาฆบูชา' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameTh: string;

  @ApiPropertyOptional({ type: String, example: 'Makha Bucha Day', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string | null;
}

export class HolidayResponse {
  @ApiProperty({ example: '2026-03-03', description: 'ISO date' })
  date: string;

  @ApiProperty({ example: 'วันมาฆบูชา' })
  nameTh: string;

  @ApiProperty({ type: String, nullable: true, example: 'Makha Bucha Day' })
  nameEn: string | null;

  @ApiProperty({ enum: ['seed', 'admin'], description: 'seeded, or added by an administrator' })
  source: 'seed' | 'admin';
}

export class HolidayListResponse {
  @ApiProperty({ type: [HolidayResponse] })
  items: HolidayResponse[];
}

/** What an add, import or national-year command did. */
export class HolidayChangeResponse {
  @ApiProperty({ type: [String], example: ['2026-03-03'], description: 'ISO dates added' })
  added: string[];

  @ApiProperty({ example: 0, description: 'Dates given that were already holidays' })
  alreadyPresent: number;

  @ApiProperty({ example: 0, description: 'Holidays removed first (import with `replace`)' })
  removed: number;
}

export class HolidayImportDto {
  @ApiProperty({ description: 'Gregorian year the list is for', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @ApiPropertyOptional({
    description: "Remove the year's holidays first (seeded ones too), then add the list",
    example: false,
  })
  @Optional()
  @IsBoolean()
  replace?: boolean;

  @ApiProperty({
    type: [HolidayDto],
    example: [
      { date: '2026-03-03', nameTh: 'วันมาฆบูชา', nameEn: 'Makha Bucha Day' },
      { date: '2026-05-31', nameTh: 'วันวิสาขบูชา', nameEn: 'Visakha Bucha Day' },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(366)
  @NestedObjects(() => HolidayDto)
  holidays: HolidayDto[];
}

export class HolidayYearQuery {
  @ApiPropertyOptional({ description: 'Gregorian year', example: 2026 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year?: number;
}

export class PolicyDto {
  @ApiProperty({
    description:
      'Working minutes to register (ลงรับ) before the first reminder (a working day = 480)',
    example: 120,
  })
  @IsInt()
  @Min(1)
  @Max(100_000)
  ackWorkingMinutes: number;

  @ApiProperty({
    type: [Number],
    description:
      'Working minutes from each level to the next ([1→2, 2→3, 3→4]); length + 1 = levels (1–4)',
    example: [120, 240, 480],
  })
  @IsArray()
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(100_000, { each: true })
  stepWorkingMinutes: number[];
}

export class PolicyResponse {
  @ApiProperty({ enum: SPEED_CODES })
  speed: Speed;

  @ApiProperty({ example: 120 })
  ackWorkingMinutes: number;

  @ApiProperty({ type: [Number], example: [120, 240, 480] })
  stepWorkingMinutes: number[];

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}

export class PolicyListResponse {
  @ApiProperty({ type: [PolicyResponse] })
  items: PolicyResponse[];

  @ApiProperty({ example: 480, description: 'Working minutes in a working day (office hours)' })
  workingDayMinutes: number;
}

export class SpeedParam {
  @ApiProperty({ enum: SPEED_CODES, example: 'most_urgent' })
  @IsIn(SPEED_CODES)
  speed: Speed;
}
