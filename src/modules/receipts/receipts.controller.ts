import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { setPdfHeaders, wantsInline } from 'src/http/downloads.js';
import type { Response } from 'express';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { ReceiptsService } from 'src/modules/receipts/receipts.service.js';

@ApiTags('receipts')
@Authenticated()
@Controller('register-entries')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get(':id/stamped.pdf')
  @ApiOperation({
    summary:
      'The letter with every receipt stamp of its chain up to this receipt (top right, page 1)',
  })
  @ApiProduces('application/pdf')
  @ApiQuery({
    name: 'inline',
    required: false,
    description: '1: show in the console viewer instead of downloading',
  })
  async stamped(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() response: Response,
    @Query('inline') inline?: string,
  ) {
    const { bytes, etag } = await this.receipts.stampedPdf(principal, id);
    setPdfHeaders(response, { filename: 'stamped.pdf', inline: wantsInline(inline) });
    response.setHeader('Content-Length', String(bytes.byteLength));
    response.setHeader('ETag', `"${etag}"`);
    response.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    response.end(Buffer.from(bytes));
  }

  @Get(':id/stamps')
  @ApiOperation({ summary: 'The stamps the rendering shows, as data' })
  @ApiOkResponse({
    schema: {
      example: {
        stamps: [
          {
            unitName: 'สำนักงานจังหวัดร้อยเอ็ด',
            receiptNumber: '๕๒๐',
            date: '๑๕ ม.ค. ๒๕๖๙',
            time: '๑๐.๕๕ น.',
          },
        ],
      },
    },
  })
  async stamps(@CurrentUser() principal: Principal, @Param('id', ParseUUIDPipe) id: string) {
    return { stamps: (await this.receipts.stampsFor(principal, id)).stamps };
  }
}
