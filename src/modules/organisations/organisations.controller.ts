import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { DomainError } from 'src/common/domain-error.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  CreateUnitDto,
  MoveUnitDto,
  SubtreeQuery,
  UNIT_EXAMPLE,
  UNIT_PAGE_EXAMPLE,
  UnitPageResponse,
  UnitResponse,
  UnitListQuery,
  UpdateUnitDto,
} from 'src/modules/organisations/organisations.dto.js';
import { OrganisationsErrors } from 'src/modules/organisations/organisations.errors.js';
import { OrganisationsService } from 'src/modules/organisations/organisations.service.js';

/** A malformed id names no unit: answer exactly as for a missing one. */
export const UnitIdPipe = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError(OrganisationsErrors.UNIT_NOT_FOUND),
});

const NOT_FOUND = 'problem+json UNIT_NOT_FOUND: no such unit, or not visible to the caller';

@ApiTags('units')
@Authenticated()
@Controller('units')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Create a unit under a parent the caller administers',
  })
  @ApiCreatedResponse({ type: UnitResponse, example: UNIT_EXAMPLE })
  @ApiNotFoundResponse({ description: 'problem+json PARENT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'problem+json PARENT_INACTIVE' })
  create(@CurrentUser() principal: Principal, @Body() body: CreateUnitDto): Promise<UnitResponse> {
    return this.organisations.create(principal, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit (own units; heads and admins also their subtree)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitResponse, example: UNIT_EXAMPLE })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
  ): Promise<UnitResponse> {
    return this.organisations.get(principal, id);
  }

  @Get(':id/children')
  @ApiOperation({ summary: 'Visible children of a unit, by name (cursor-paginated)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitPageResponse, example: UNIT_PAGE_EXAMPLE })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  children(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
    @Query() query: UnitListQuery,
  ): Promise<UnitPageResponse> {
    return this.organisations.children(principal, id, query);
  }

  @Get(':id/subtree')
  @ApiOperation({
    summary: 'Visible units of a subtree, optionally whose Thai name contains `q` (≥ 3 characters)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitPageResponse, example: UNIT_PAGE_EXAMPLE })
  @ApiBadRequestResponse({ description: 'problem+json SEARCH_TOO_SHORT' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  subtree(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
    @Query() query: SubtreeQuery,
  ): Promise<UnitPageResponse> {
    return this.organisations.subtree(principal, id, query);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Rename a unit or edit its codes, head position and reference-digit setting',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitResponse, example: UNIT_EXAMPLE })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  update(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitResponse> {
    return this.organisations.update(principal, id, body);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Re-parent a unit with its whole subtree (one transaction)',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitResponse, example: UNIT_EXAMPLE })
  @ApiNotFoundResponse({ description: `${NOT_FOUND}; or PARENT_NOT_FOUND` })
  @ApiConflictResponse({ description: 'problem+json UNIT_CYCLE or PARENT_INACTIVE' })
  move(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
    @Body() body: MoveUnitDto,
  ): Promise<UnitResponse> {
    return this.organisations.move(principal, id, body.parentId);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deactivate a unit whose children are all inactive' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitResponse, example: { ...UNIT_EXAMPLE, active: false } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'problem+json UNIT_HAS_ACTIVE_CHILDREN' })
  deactivate(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
  ): Promise<UnitResponse> {
    return this.organisations.deactivate(principal, id);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a unit (its parent must be active)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UnitResponse, example: UNIT_EXAMPLE })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'problem+json PARENT_INACTIVE' })
  activate(
    @CurrentUser() principal: Principal,
    @Param('id', UnitIdPipe) id: string,
  ): Promise<UnitResponse> {
    return this.organisations.activate(principal, id);
  }
}
