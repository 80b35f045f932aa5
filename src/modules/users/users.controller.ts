import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { DomainError, type ErrorSpec } from 'src/common/domain-error.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  AddMembershipDto,
  CreateUserDto,
  MEMBERSHIP_EXAMPLE,
  USER_EXAMPLE,
} from 'src/modules/users/users.dto.js';
import { UsersErrors } from 'src/modules/users/users.errors.js';
import { UsersService } from 'src/modules/users/users.service.js';

/** A malformed id names nothing: answer exactly as for a missing one. */
function idPipe(spec: ErrorSpec & { code: string }): ParseUUIDPipe {
  return new ParseUUIDPipe({ exceptionFactory: () => new DomainError(spec) });
}

@ApiTags('users')
@Authenticated()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a user with a first membership (admins, in their subtree)' })
  @ApiCreatedResponse({ schema: { example: USER_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'problem+json UNIT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'problem+json USERNAME_TAKEN' })
  @ApiUnprocessableEntityResponse({
    description: 'problem+json WEAK_PASSWORD or CLEARANCE_ABOVE_OWN',
  })
  create(@CurrentUser() principal: Principal, @Body() body: CreateUserDto) {
    return this.users.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A user with the memberships the caller may see (self, or their admins)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ schema: { example: USER_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'problem+json USER_NOT_FOUND' })
  get(
    @CurrentUser() principal: Principal,
    @Param('id', idPipe(UsersErrors.USER_NOT_FOUND)) id: string,
  ) {
    return this.users.get(principal, id);
  }

  @Post(':id/memberships')
  @ApiOperation({
    summary: 'Add a membership or an acting-head span (รักษาราชการแทน)',
    description:
      'Moving a user to another unit: add the new membership, then end the old one. The caller must administer the target unit and one of the user’s units.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiCreatedResponse({ schema: { example: MEMBERSHIP_EXAMPLE } })
  @ApiNotFoundResponse({ description: 'problem+json USER_NOT_FOUND or UNIT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'problem+json ACTING_SPAN_INVALID' })
  addMembership(
    @CurrentUser() principal: Principal,
    @Param('id', idPipe(UsersErrors.USER_NOT_FOUND)) id: string,
    @Body() body: AddMembershipDto,
  ) {
    return this.users.addMembership(principal, id, body);
  }

  @Post(':id/memberships/:membershipId/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End a membership now; access through it stops on the next request' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'membershipId', format: 'uuid' })
  @ApiOkResponse({
    schema: { example: { ...MEMBERSHIP_EXAMPLE, endsAt: '2026-01-20T02:00:00.000Z', live: false } },
  })
  @ApiNotFoundResponse({ description: 'problem+json USER_NOT_FOUND or MEMBERSHIP_NOT_FOUND' })
  @ApiConflictResponse({ description: 'problem+json MEMBERSHIP_ALREADY_ENDED' })
  endMembership(
    @CurrentUser() principal: Principal,
    @Param('id', idPipe(UsersErrors.USER_NOT_FOUND)) id: string,
    @Param('membershipId', idPipe(UsersErrors.MEMBERSHIP_NOT_FOUND)) membershipId: string,
  ) {
    return this.users.endMembership(principal, id, membershipId);
  }
}
