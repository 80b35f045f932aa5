import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { Optional } from 'src/common/validation.js';
import {
  CLEARANCE_CODES,
  type Clearance,
  MEMBERSHIP_ROLE_CODES,
  type MembershipRole,
} from 'src/modules/users/roles.js';

/** Lower-case Latin letters, digits, dot, dash and underscore; 3–64 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'somjai.j', description: 'a-z, 0-9, . _ -; stored lower-case' })
  @Transform(lower)
  @Matches(USERNAME_PATTERN)
  username: string;

  @ApiProperty({ example: 'นางสาวสมใจ ใจดี' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName: string;

  @ApiPropertyOptional({ example: 'เจ้าพนักงานธุรการชำนาญงาน' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  positionTitle?: string;

  @ApiProperty({ example: 'saraban-demo-2569', description: 'Initial password (policy applies)' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @ApiPropertyOptional({ enum: CLEARANCE_CODES, default: 'none' })
  @Optional()
  @IsIn(CLEARANCE_CODES)
  clearance?: Clearance;

  @ApiProperty({ format: 'uuid', description: 'First unit; the caller must administer it' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLE_CODES, example: 'clerk' })
  @IsIn(MEMBERSHIP_ROLE_CODES)
  role: MembershipRole;
}

export class AddMembershipDto {
  @ApiProperty({ format: 'uuid', description: 'The caller must administer this unit' })
  @IsUUID()
  unitId: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLE_CODES, example: 'official' })
  @IsIn(MEMBERSHIP_ROLE_CODES)
  role: MembershipRole;

  @ApiPropertyOptional({
    description: 'รักษาราชการแทน: acting head from startsOn to endsOn (Bangkok dates, inclusive)',
    default: false,
  })
  @Optional()
  @IsBoolean()
  acting?: boolean;

  @ApiPropertyOptional({ example: '2026-02-01', description: 'ISO date; required when acting' })
  @Optional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  startsOn?: string;

  @ApiPropertyOptional({ example: '2026-02-14', description: 'ISO date; required when acting' })
  @Optional()
  @IsDateString({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  endsOn?: string;
}

export const MEMBERSHIP_EXAMPLE = {
  id: '9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c',
  userId: '5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00',
  unitId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
  unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
  role: 'clerk',
  acting: false,
  startsAt: '2026-01-15T03:55:00.000Z',
  endsAt: null,
  live: true,
};

export const USER_EXAMPLE = {
  id: '5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00',
  username: 'somjai.j',
  displayName: 'นางสาวสมใจ ใจดี',
  positionTitle: 'เจ้าพนักงานธุรการชำนาญงาน',
  clearance: 'none',
  active: true,
  memberships: [MEMBERSHIP_EXAMPLE],
};
