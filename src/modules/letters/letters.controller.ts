import {
  Body,
  Controller,
  Get,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { wantsInline } from 'src/http/downloads.js';
import { DomainError } from 'src/common/domain-error.js';
import {
  AcceptsIdempotencyKey,
  IdempotencyKeyHeader,
  replyIdempotent,
} from 'src/common/idempotency/idempotent-reply.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { FileErrors } from 'src/modules/files/files.errors.js';
import { FilesService } from 'src/modules/files/files.service.js';
import {
  CreateLetterDto,
  CreateLetterFromTextDto,
  LetterPageResponse,
  LetterResponse,
  SearchLettersQuery,
} from 'src/modules/letters/letters.dto.js';
import { LettersService } from 'src/modules/letters/letters.service.js';

const LETTER_EXAMPLE = {
  id: '0b1e…',
  kind: 'external',
  speed: 'most_urgent',
  secrecy: 'none',
  referenceRaw: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
  agencyPrefix: 'มท',
  agencyNumber: '0210.5',
  circular: true,
  serial: 10557,
  letterDateRaw: '๑๒ มกราคม ๒๕๖๘',
  letterDate: '2025-01-12',
  suggestedLetterDate: '2026-01-12',
  subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี กรณีการส่ง SMS ที่มีการแนบลิงก์',
  addressee: 'ผู้ว่าราชการจังหวัดทุกจังหวัด',
  rootLetterId: '0b1e…',
  fileIds: ['6f1c…'],
};

@ApiTags('letters')
@Authenticated()
@Controller('letters')
export class LettersController {
  constructor(
    private readonly letters: LettersService,
    private readonly files: FilesService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Record a letter from its fields (Thai or Arabic digits, BE dates)' })
  @AcceptsIdempotencyKey('records no second letter')
  @ApiCreatedResponse({ type: LetterResponse, example: LETTER_EXAMPLE })
  async create(
    @CurrentUser() principal: Principal,
    @Body() dto: CreateLetterDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<LetterResponse> {
    return replyIdempotent(response, await this.letters.createFromFields(principal, dto, key));
  }

  @Post('from-text')
  @ApiOperation({
    summary:
      'Record a letter from its OCR text: the Thai intake parser fills the fields and warnings',
  })
  @ApiCreatedResponse({
    schema: {
      example: {
        ...LETTER_EXAMPLE,
        warnings: [{ code: 'year_slip', field: 'letterDate', suggested: '2026-01-12' }],
      },
    },
  })
  createFromText(@CurrentUser() principal: Principal, @Body() dto: CreateLetterFromTextDto) {
    return this.letters.createFromText(principal, dto);
  }

  @Get()
  @ApiOperation({
    summary:
      'Search letters you may see: Thai substring of subject, sender or ที่; date range; cursor pages',
  })
  @ApiOkResponse({
    type: LetterPageResponse,
    example: { items: [LETTER_EXAMPLE], nextCursor: null },
  })
  search(
    @CurrentUser() principal: Principal,
    @Query() query: SearchLettersQuery,
  ): Promise<LetterPageResponse> {
    return this.letters.search(principal, query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One letter (404 unless it was recorded by, registered in or delivered to a unit you see)',
  })
  @ApiOkResponse({ schema: { example: LETTER_EXAMPLE } })
  get(@CurrentUser() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.letters.get(principal, id);
  }

  @Get(':id/files/:position')
  @ApiOperation({
    summary: 'Download a file of the letter (0 = the letter itself), original and unchanged',
  })
  @ApiProduces('application/pdf')
  @ApiQuery({
    name: 'inline',
    required: false,
    description: '1: show in the console viewer instead of downloading',
  })
  async file(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('position', ParseIntPipe) position: number,
    @Res() response: Response,
    @Query('inline') inline?: string,
  ) {
    const letter = await this.letters.get(principal, id);
    const fileId = letter.fileIds[position];
    if (!fileId) throw new DomainError(FileErrors.FILE_NOT_FOUND);
    this.files.stream(await this.files.findById(fileId), response, wantsInline(inline));
  }
}
