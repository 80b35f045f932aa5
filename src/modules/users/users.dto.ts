import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
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

/** Edit a user's name, position or clearance; `null` clears the position. */
export class UpdateUserDto {
  @ApiPropertyOptional({ example: 'นางสาวสมใจ ใจดี' })
  @Optional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ type: String, example: 'เจ้าพนักงานธุรการชำนาญงาน', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  positionTitle?: string | null;

  @ApiPropertyOptional({ enum: CLEARANCE_CODES })
  @Optional()
  @IsIn(CLEARANCE_CODES)
  clearance?: Clearance;

  @ApiPropertyOptional({
    description:
      'false closes the account (every session ends, sign-in is refused, memberships stay for ' +
      'the record); true opens it again (the user signs in anew). Not one’s own.',
  })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export const MEMBER_SCOPES = ['unit', 'subtree'] as const;
export type MemberScopeName = (typeof MEMBER_SCOPES)[number];

export class UserListQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A unit the caller administers; without it, every unit they administer',
  })
  @Optional()
  @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({
    enum: MEMBER_SCOPES,
    default: 'unit',
    description: "`unit`: members of the unit itself; `subtree`: of the unit's whole subtree",
  })
  @Optional()
  @IsIn(MEMBER_SCOPES)
  within?: MemberScopeName;

  @ApiPropertyOptional({ description: 'Part of the display name or username', example: 'สมใจ' })
  @Optional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @Optional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
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

export const USER_PAGE_EXAMPLE = { items: [USER_EXAMPLE], nextCursor: null };

/** One membership as the API answers it. */
export class MembershipResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' })
  unitName: string;

  @ApiProperty({ enum: MEMBERSHIP_ROLE_CODES })
  role: MembershipRole;

  @ApiProperty({ description: 'รักษาราชการแทน (acting head for a date range)' })
  acting: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt: Date | null;

  @ApiProperty({ description: 'Grants access now' })
  live: boolean;
}

/** A user with the memberships the caller may see. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'somjai.j' })
  username: string;

  @ApiProperty({ example: 'นางสาวสมใจ ใจดี' })
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  positionTitle: string | null;

  @ApiProperty({ enum: CLEARANCE_CODES })
  clearance: Clearance;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ type: [MembershipResponse] })
  memberships: MembershipResponse[];
}

export class UserPageResponse {
  @ApiProperty({ type: [UserResponse] })
  items: UserResponse[];

  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
