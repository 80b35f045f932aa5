import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequestHeader } from 'src/common/request-header.js';
import { INTAKE_TEXT_LIMIT_BYTES } from 'src/http/configure-app.js';
import { ParsedLetterResponse } from 'src/modules/letters/letters.dto.js';
import { LetterErrors } from 'src/modules/letters/letters.errors.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import { FileErrors } from 'src/modules/files/files.errors.js';
import { ReadingService } from 'src/modules/files/reading.service.js';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { fieldConfidence } from 'src/thai/field-confidence.js';
import { parseLetter } from 'src/thai/letter-parser.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Thai intake parser over HTTP: OCR text in, the letter's fields out. Stores nothing. */
@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly auth: AuthService,
    private readonly readings: ReadingService,
  ) {}

  @Post('parse')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Parse the OCR text of a letter (JSON {"text": …} or text/plain, 200 KB at most), or the text read from an uploaded PDF (JSON {"fileId": …}, signed in; 409 until its reading is done): then with a confidence per field',
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({
    schema: {
      type: 'object',
      properties: {
        text: { type: 'string' },
        fileId: { type: 'string', format: 'uuid', description: 'also accepted as file_id' },
      },
      example: { text: 'ที่ มท ๐๒๑๐.๕/๒๖๓\n…' },
    },
  })
  @ApiOkResponse({
    type: ParsedLetterResponse,
    example: {
      kind: 'external',
      urgency: null,
      secrecy: null,
      referenceNumber: {
        raw: 'มท ๐๒๑๐.๕/๒๖๓',
        agencyPrefix: 'มท',
        agencyNumber: '0210.5',
        circular: false,
        serial: 263,
      },
      letterDate: { raw: '๑๒ มกราคม ๒๕๖๘', date: '2025-01-12' },
      warnings: [{ code: 'year_slip', field: 'letterDate', suggested: '2026-01-12' }],
    },
  })
  async parse(
    @Body() body: unknown,
    @RequestHeader('Content-Type') contentType?: string,
    @RequestHeader('Authorization') authorization?: string,
  ): Promise<ParsedLetterResponse> {
    const fileId = fileIdOf(body);
    if (fileId !== undefined) return this.parseFile(fileId, authorization);
    const text =
      typeof body === 'string'
        ? body
        : typeof body === 'object' &&
            body !== null &&
            typeof (body as { text?: unknown }).text === 'string'
          ? (body as { text: string }).text
          : undefined;
    if (text === undefined) {
      throw new DomainError(LetterErrors.LETTER_TEXT_EMPTY, {
        detail: contentType?.startsWith('text/plain')
          ? 'ไม่มีข้อความหนังสือให้อ่าน'
          : 'กรุณาส่ง JSON {"text": "…"} หรือข้อความแบบ text/plain',
      });
    }
    if (Buffer.byteLength(text, 'utf8') > INTAKE_TEXT_LIMIT_BYTES)
      throw new DomainError(LetterErrors.LETTER_TEXT_TOO_LARGE);
    if (text.trim() === '') throw new DomainError(LetterErrors.LETTER_TEXT_EMPTY);
    return parseLetter(text);
  }

  /** A stored PDF's reading, parsed, with how sure the reading was of each field. */
  private async parseFile(
    fileId: string,
    authorization: string | undefined,
  ): Promise<ParsedLetterResponse> {
    const token = authorization ? /^Bearer ([^\s]+)$/i.exec(authorization)?.[1] : undefined;
    if (!token) throw new DomainError(CommonErrors.UNAUTHENTICATED);
    const principal = await this.auth.authenticate(token);
    if (!UUID.test(fileId)) throw new DomainError(FileErrors.FILE_NOT_FOUND);
    const read = await this.readings.textOf(principal, fileId);
    const parsed = parseLetter(read.text);
    const sure = fieldConfidence(parsed, read.text, read.confidences);
    return {
      ...parsed,
      confidence: sure.confidence,
      warnings: [...parsed.warnings, ...sure.warnings],
    };
  }
}

function fileIdOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { fileId?: unknown; file_id?: unknown };
  const value = record.fileId ?? record.file_id;
  return typeof value === 'string' ? value : undefined;
}
