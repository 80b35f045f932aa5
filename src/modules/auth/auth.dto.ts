import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional } from 'src/common/validation.js';
import {
  CLEARANCE_CODES,
  MEMBERSHIP_ROLE_CODES,
  type Clearance,
  type MembershipRole,
} from 'src/modules/users/roles.js';

export class LoginDto {
  @ApiProperty({ example: 'saraban.office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username: string;

  @ApiProperty({ example: 'saraban-demo-2569' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class RefreshDto {
  @ApiProperty({
    required: false,
    description:
      'The refresh token from sign-in or the previous refresh; browsers leave it out and send the cookie',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4096)
  refreshToken?: string;
}

export const TOKEN_PAIR_EXAMPLE = {
  accessToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl',
  refreshToken: 'eyJhbGciOiJIUzI1NiIsInR5cCI6InJ0K2p3dCJ9.eyJzdWIiOiIuLi4ifQ.c2lnbmF0dXJl',
  expiresIn: 900,
  tokenType: 'Bearer',
};

export const ME_EXAMPLE = {
  user: {
    id: '5b0c1f5e-8d3c-4c57-9d0e-4f0a3c2b1a00',
    username: 'saraban.office',
    displayName: 'นางสาวสมใจ ใจดี',
    positionTitle: 'เจ้าพนักงานธุรการชำนาญงาน',
    clearance: 'none',
  },
  memberships: [
    {
      id: '9a7e6b1c-0f3d-4e2a-8b5c-1d2e3f4a5b6c',
      unitId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
      unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
      role: 'clerk',
      acting: false,
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: null,
    },
  ],
  units: [
    {
      unitId: '1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b',
      unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
      roles: ['clerk'],
      seesSubtree: false,
    },
  ],
  actingHeadOf: [],
};

// The answer of GET /me, described for the OpenAPI document (the console's types come from it).

export class MeUserResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'saraban.office' })
  username: string;

  @ApiProperty({ example: 'นางสาวสมใจ ใจดี' })
  displayName: string;

  @ApiProperty({ type: String, nullable: true, example: 'เจ้าพนักงานธุรการชำนาญงาน' })
  positionTitle: string | null;

  @ApiProperty({ enum: [...CLEARANCE_CODES] })
  clearance: Clearance;
}

export class MeMembershipResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' })
  unitName: string;

  @ApiProperty({ enum: [...MEMBERSHIP_ROLE_CODES] })
  role: MembershipRole;

  @ApiProperty({ description: 'รักษาราชการแทน' })
  acting: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt: Date | null;
}

export class MeUnitResponse {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: 'สำนักงานจังหวัดร้อยเอ็ด' })
  unitName: string;

  @ApiProperty({ type: [String], example: ['clerk'] })
  roles: string[];

  @ApiProperty({ description: 'Head or admin: sees the units below' })
  seesSubtree: boolean;
}

export class MeActingResponse {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty()
  unitName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  startsAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endsAt: Date | null;
}

export class MeResponse {
  @ApiProperty({ type: MeUserResponse })
  user: MeUserResponse;

  @ApiProperty({ type: [MeMembershipResponse] })
  memberships: MeMembershipResponse[];

  @ApiProperty({ type: [MeUnitResponse], description: 'One per unit, with every role held there' })
  units: MeUnitResponse[];

  @ApiProperty({ type: [MeActingResponse] })
  actingHeadOf: MeActingResponse[];

  @ApiProperty({ type: [String], description: 'Every unit acted for right now' })
  unitIds: string[];
}
