import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from 'src/common/domain-error.js';
import { RequestHeader } from 'src/common/request-header.js';
import { INTAKE_TEXT_LIMIT_BYTES } from 'src/http/configure-app.js';
import { ParsedLetterResponse } from 'src/modules/letters/letters.dto.js';
import { LetterErrors } from 'src/modules/letters/letters.errors.js';
import { parseLetter } from 'src/thai/letter-parser.js';

/** The Thai intake parser over HTTP: OCR text in, the letter's fields out. Stores nothing. */
@ApiTags('intake')
@Controller('intake')
export class IntakeController {
  @Post('parse')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Parse the OCR text of a letter (JSON {"text": …} or text/plain, 200 KB at most)',
  })
  @ApiConsumes('application/json', 'text/plain')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { text: { type: 'string' } },
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
  parse(
    @Body() body: unknown,
    @RequestHeader('Content-Type') contentType?: string,
  ): ParsedLetterResponse {
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
}
