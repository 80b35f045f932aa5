import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { wantsInline } from 'src/http/downloads.js';
import { DomainError } from 'src/common/domain-error.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { ReadingResponse, UploadedFileResponse } from 'src/modules/files/files.dto.js';
import { FileErrors } from 'src/modules/files/files.errors.js';
import { FilesService } from 'src/modules/files/files.service.js';
import {
  PdfUploadInterceptor,
  type UploadedPdf,
} from 'src/modules/files/pdf-upload.interceptor.js';
import { ReadingService } from 'src/modules/files/reading.service.js';

@ApiTags('files')
@Authenticated()
@Controller('files')
export class FilesController {
  constructor(
    private readonly files: FilesService,
    private readonly readings: ReadingService,
  ) {}

  @Post()
  @UseInterceptors(PdfUploadInterceptor)
  @ApiOperation({
    summary: 'Upload one scanned letter (PDF); checked off the request thread, stored by sha256',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' } },
      required: ['file'],
    },
  })
  @ApiQuery({
    name: 'unitId',
    required: false,
    description: 'Unit uploading (when you act for several)',
  })
  @ApiCreatedResponse({ type: UploadedFileResponse })
  upload(
    @CurrentUser() principal: Principal,
    @Req() request: Request & { file?: UploadedPdf },
    @Query('unitId') unitId?: string,
  ): Promise<UploadedFileResponse> {
    const file = request.file;
    if (!file) throw new DomainError(FileErrors.FILE_MISSING);
    return this.files.upload(
      principal,
      new Uint8Array(file.buffer),
      file.originalname || null,
      unitId,
    );
  }

  @Get(':id')
  @ApiOperation({
    summary: "File metadata for the uploading unit (a letter's readers use /letters/:id/files)",
  })
  @ApiOkResponse({
    schema: { example: { id: '6f1c…', sha256: 'e3b0c442…', pages: 2, size: 48213 } },
  })
  async get(@CurrentUser() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return this.files.describe(await this.files.findUploadedVisible(principal, id));
  }

  @Get(':id/content')
  @ApiOperation({ summary: 'Download the original PDF, unchanged (uploading unit)' })
  @ApiQuery({
    name: 'inline',
    required: false,
    description: '1: show in the console viewer instead of downloading',
  })
  @ApiProduces('application/pdf')
  async content(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
    @Query('inline') inline?: string,
  ) {
    this.files.stream(
      await this.files.findUploadedVisible(principal, id),
      response,
      wantsInline(inline),
    );
  }

  @Get(':id/reading')
  @ApiOperation({
    summary: "The reading of the file's text: state, pages done of pages, and the pages once done",
  })
  @ApiQuery({ name: 'lines', required: false, description: '1: each page with its lines' })
  @ApiOkResponse({ type: ReadingResponse })
  readingOf(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query('lines') lines?: string,
  ): Promise<ReadingResponse> {
    return this.readings.view(principal, id, lines === '1' || lines === 'true');
  }

  @Post(':id/read')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Read the file again (a new reading replaces the pages of the previous one)',
  })
  @ApiAcceptedResponse({ type: ReadingResponse })
  reread(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ReadingResponse> {
    return this.readings.reread(principal, id);
  }
}
