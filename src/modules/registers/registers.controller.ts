import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AcceptsIdempotencyKey,
  IdempotencyKeyHeader,
  replyIdempotent,
} from 'src/common/idempotency/idempotent-reply.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  AllocateNumberDto,
  BookResponse,
  CancelEntryDto,
  CreateRegisterDto,
  EntryResponse,
  ListEntriesQuery,
  OpeningFloorDto,
  OutgoingNumberResponse,
  PrintoutQuery,
  RegisterBatchDto,
  RegisterLetterDto,
  RegisterResponse,
} from 'src/modules/registers/registers.dto.js';
import { setPdfHeaders, wantsInline } from 'src/http/downloads.js';
import { RegisterPrintoutService } from 'src/modules/registers/register-printout.service.js';
import { RegistersService } from 'src/modules/registers/registers.service.js';

const ENTRY_EXAMPLE = {
  id: '9d2a…',
  registerId: '51c0…',
  receiptNumber: 520,
  beYear: 2569,
  receivedAt: '2026-01-15T03:55:00.000Z',
  letterId: '0b1e…',
  status: 'active',
  display: { receiptNumber: '๕๒๐', date: '๑๕ ม.ค. ๒๕๖๙', time: '๑๐.๕๕ น.' },
  warnings: [],
};

@ApiTags('registers')
@Authenticated()
@Controller()
export class RegistersController {
  constructor(
    private readonly registers: RegistersService,
    private readonly printouts: RegisterPrintoutService,
  ) {}

  @Get('units/:unitId/registers')
  @ApiOperation({ summary: "A unit's registers (incoming, outgoing, circular, and its own books)" })
  @ApiOkResponse({ type: [RegisterResponse] })
  list(
    @CurrentUser() principal: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<RegisterResponse[]> {
    return this.registers.listRegisters(principal, unitId);
  }

  @Post('units/:unitId/registers')
  @ApiOperation({
    summary: 'Open a custom register (orders, secret letters, a division’s own book); unit admins',
  })
  @ApiCreatedResponse({
    schema: {
      example: {
        id: '77aa…',
        kind: 'custom',
        direction: 'incoming',
        name: 'ทะเบียนหนังสือลับ',
        minClearance: 'confidential',
      },
    },
  })
  create(
    @CurrentUser() principal: Principal,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() dto: CreateRegisterDto,
  ) {
    return this.registers.createRegister(principal, unitId, dto);
  }

  @Put('registers/:id/opening-floor')
  @ApiOperation({
    summary: 'Continue a year from the paper book: numbers start after lastPaperNumber',
  })
  @ApiOkResponse({
    schema: {
      example: { registerId: '51c0…', beYear: 2569, lastPaperNumber: 520, nextNumber: 521 },
    },
  })
  setFloor(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: OpeningFloorDto,
  ) {
    return this.registers.setOpeningFloor(principal, id, dto);
  }

  @Post('registers/:id/entries')
  @ApiOperation({
    summary: 'Register a letter (ลงรับ): the next receipt number of the Buddhist-era year',
  })
  @AcceptsIdempotencyKey('takes no second number')
  @ApiCreatedResponse({ type: EntryResponse, example: ENTRY_EXAMPLE })
  async receive(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RegisterLetterDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<EntryResponse> {
    return replyIdempotent(response, await this.registers.receive(principal, id, dto, key));
  }

  @Post('registers/:id/entries/batch')
  @ApiOperation({
    summary: 'Register up to 500 letters or deliveries at once (ลงรับทั้งชุด)',
    description:
      'One transaction: consecutive receipt numbers in the order given, each item checked as ' +
      'POST /registers/{id}/entries checks it (access, delivery, clearance, replacement). ' +
      'All or nothing: if any item fails, nothing is registered and the 422 problem lists ' +
      'every failing item in errors[] with its index (from 0). An item repeating an earlier ' +
      'item of the batch (the same letter, delivery or replaced entry) is refused as ' +
      'DUPLICATE_BATCH_ITEM.',
  })
  @AcceptsIdempotencyKey('registers nothing twice')
  @ApiCreatedResponse({
    schema: { example: { registerId: '51c0…', beYear: 2569, items: [ENTRY_EXAMPLE] } },
  })
  @ApiUnprocessableEntityResponse({
    description: 'Some items cannot be registered; nothing was',
    schema: {
      example: {
        type: 'about:blank',
        title: 'Batch rejected: some items cannot be registered',
        status: 422,
        code: 'BATCH_REJECTED',
        detail: 'ลงรับทั้งชุดไม่ได้ …',
        errors: [
          { index: 3, field: 'items[3]', code: 'LETTER_NOT_FOUND', message: 'ไม่พบหนังสือที่ระบุ' },
        ],
      },
    },
  })
  async receiveBatch(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RegisterBatchDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ) {
    return replyIdempotent(response, await this.registers.receiveBatch(principal, id, dto, key));
  }

  @Get('registers/:id/entries')
  @ApiOperation({ summary: 'Entries of a year in number order (pages with ?after=)' })
  @ApiOkResponse({
    schema: {
      example: { registerId: '51c0…', beYear: 2569, items: [ENTRY_EXAMPLE], nextAfter: null },
    },
  })
  entries(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListEntriesQuery,
  ) {
    return this.registers.listEntries(principal, id, query);
  }

  @Post('registers/:id/entries/:entryId/cancel')
  @ApiOperation({ summary: 'Cancel an entry: its number stays, with the reason' })
  @ApiCreatedResponse({
    type: EntryResponse,
    example: { ...ENTRY_EXAMPLE, status: 'cancelled', cancelReason: 'ลงรับซ้ำ' },
  })
  cancel(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Body() dto: CancelEntryDto,
  ): Promise<EntryResponse> {
    return this.registers.cancel(principal, id, entryId, dto.reason);
  }

  @Post('registers/:id/numbers')
  @ApiOperation({ summary: 'Give an outgoing letter its ที่ from an outgoing or circular register' })
  @AcceptsIdempotencyKey('takes no second number')
  @ApiCreatedResponse({
    type: OutgoingNumberResponse,
    example: { ...ENTRY_EXAMPLE, referenceNumber: 'รอ ๐๐๑๗.๓/ว ๑๒๓' },
  })
  async allocate(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AllocateNumberDto,
    @Res({ passthrough: true }) response: Response,
    @IdempotencyKeyHeader() key?: string,
  ): Promise<OutgoingNumberResponse> {
    return replyIdempotent(
      response,
      await this.registers.allocateOutgoingNumber(principal, id, dto, key),
    );
  }

  @Get('registers/:id/book')
  @ApiOperation({
    summary:
      'The register for a period in the regulation’s columns, as JSON (the printout’s rows; dates accept BE)',
  })
  @ApiOkResponse({
    type: BookResponse,
    example: {
      registerId: '51c0…',
      unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
      registerName: 'ทะเบียนหนังสือรับ',
      from: '2026-01-01',
      to: '2026-01-31',
      periodText: '๑ ม.ค. ๒๕๖๙ – ๓๑ ม.ค. ๒๕๖๙',
      numberColumnHeader: 'เลขทะเบียนรับ',
      rows: [
        {
          entryId: '9d2a…',
          letterId: '0b1e…',
          number: 520,
          beYear: 2569,
          registeredAt: '2026-01-15T03:55:00.000Z',
          status: 'active',
          receiptNumber: '๕๒๐/๒๕๖๙',
          referenceNumber: 'มท ๐๒๑๐.๕/ว๑๐๕๕๗',
          letterDate: '๑๒ มกราคม ๒๕๖๙',
          from: 'กระทรวงมหาดไทย',
          to: 'ผู้ว่าราชการจังหวัดทุกจังหวัด',
          subject: 'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
          action: '',
          remarks: '',
        },
      ],
    },
  })
  book(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PrintoutQuery,
  ): Promise<BookResponse> {
    return this.printouts.book(principal, id, query);
  }

  @Get('registers/:id/printout.pdf')
  @ApiOperation({
    summary:
      'The register for a period in the regulation’s columns, A4 landscape (dates accept BE)',
  })
  @ApiProduces('application/pdf')
  async printoutPdf(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PrintoutQuery,
    @Res() response: Response,
  ) {
    const pdf = await this.printouts.pdf(principal, id, query);
    setPdfHeaders(response, { filename: 'register.pdf', inline: wantsInline(query.inline) });
    response.end(Buffer.from(pdf));
  }

  @Get('registers/:id/printout.csv')
  @ApiOperation({ summary: 'The same printout as CSV (UTF-8 with BOM for spreadsheet programs)' })
  @ApiProduces('text/csv')
  async printoutCsv(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PrintoutQuery,
    @Res() response: Response,
  ) {
    const csv = await this.printouts.csv(principal, id, query);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="register.csv"');
    response.end(csv);
  }
}
