import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { LetterDossierResponse } from 'src/modules/routing/letter-dossier.dto.js';
import { LetterDossierService } from 'src/modules/routing/letter-dossier.service.js';

@ApiTags('routing')
@Authenticated()
@Controller()
export class LetterDossierController {
  constructor(private readonly dossiers: LetterDossierService) {}

  @Get('letters/:id/dossier')
  @ApiOperation({
    summary:
      'The letter page in one read: fields, your units’ receipts, the minutes (เกษียน) in order, ' +
      'where it came from (up to the root, as far as you may see) and where it went',
  })
  @ApiOkResponse({ type: LetterDossierResponse })
  @ApiNotFoundResponse({
    description: 'problem+json LETTER_NOT_FOUND: no such letter, or one you may not see',
  })
  dossier(
    @CurrentUser() principal: Principal,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<LetterDossierResponse> {
    return this.dossiers.dossier(principal, id);
  }
}
