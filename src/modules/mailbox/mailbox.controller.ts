import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AcceptsIdempotencyKey,
  IdempotencyKeyHeader,
  replyIdempotent,
} from 'src/common/idempotency/idempotent-reply.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  ConfirmDraftDto,
  ConfirmedDraftResponse,
  DiscardDraftDto,
  DraftPageResponse,
  DraftResponse,
  ListDraftsQuery,
} from 'src/modules/mailbox/mailbox.dto.js';
import { MailboxService } from 'src/modules/mailbox/mailbox.service.js';

@ApiTags('mailbox')
@Authenticated()
@Controller()
export class MailboxController {
  constructor(private readonly mailbox: MailboxService) {}

  @Get('units/:unitId/intake')
  @ApiOperation({
    summary:
      "Drafts from the unit's central mailbox (e-mail intake), newest first; its clerks only",
  })
  @ApiOkResponse({ type: DraftPageResponse })
  list(
    @CurrentUser() principal: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Query() query: ListDraftsQuery,
  ): Promise<DraftPageResponse> {
    return this.mailbox.list(principal, unitId, query);
  }

  @Get('units/:unitId/intake/:draftId')
  @ApiOperation({
    summary: "One draft of the unit's central mailbox, with its PDFs; its clerks only",
  })
  @ApiOkResponse({ type: DraftResponse })
  get(
    @CurrentUser() principal: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('draftId', ParseUUIDPipe) draftId: string,
  ): Promise<DraftResponse> {
    return this.mailbox.get(principal, unitId, draftId);
  }

  @Post('units/:unitId/intake/:draftId/confirm')
  @ApiOperation({
    summary: 'Make the letter from a draft and register it (ลงรับ), in one transaction',
    description:
      'The fields of POST /letters (the files are the draft’s PDFs, the first one the letter ' +
      'itself); the entry goes into registerId or the unit’s ทะเบียนหนังสือรับ. A decided draft ' +
      'answers 409 MAILBOX_DRAFT_CLOSED.',
  })
  @AcceptsIdempotencyKey('makes no second letter or number')
  @ApiCreatedResponse({ type: ConfirmedDraftResponse })
  async confirm(
    @CurrentUser() principal: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('draftId', ParseUUIDPipe) draftId: string,
    @Body() dto: ConfirmDraftDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<ConfirmedDraftResponse> {
    return replyIdempotent(
      response,
      await this.mailbox.confirm(principal, unitId, draftId, dto, key),
    );
  }

  @Post('units/:unitId/intake/:draftId/discard')
  @ApiOperation({
    summary: 'Close a draft without a letter; the reason (in Thai) is kept',
    description: 'A decided draft answers 409 MAILBOX_DRAFT_CLOSED.',
  })
  @AcceptsIdempotencyKey('answers the same')
  @ApiCreatedResponse({ type: DraftResponse })
  async discard(
    @CurrentUser() principal: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Param('draftId', ParseUUIDPipe) draftId: string,
    @Body() dto: DiscardDraftDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<DraftResponse> {
    return replyIdempotent(
      response,
      await this.mailbox.discard(principal, unitId, draftId, dto, key),
    );
  }
}
