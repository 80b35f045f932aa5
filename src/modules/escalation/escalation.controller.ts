import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { Authenticated, CurrentUser } from 'src/modules/auth/auth.guard.js';
import type { Principal } from 'src/modules/auth/principal.js';
import {
  HolidayChangeResponse,
  HolidayDto,
  HolidayImportDto,
  HolidayListResponse,
  HolidayResponse,
  HolidayYearQuery,
  PolicyDto,
  PolicyListResponse,
  PolicyResponse,
  SpeedParam,
} from 'src/modules/escalation/escalation.dto.js';
import { EscalationAdminService } from 'src/modules/escalation/escalation-admin.service.js';

const HOLIDAY_EXAMPLE = {
  date: '2026-03-03',
  nameTh: 'วันมาฆบูชา',
  nameEn: 'Makha Bucha Day',
  source: 'admin',
};
const POLICY_EXAMPLE = {
  speed: 'most_urgent',
  ackWorkingMinutes: 120,
  stepWorkingMinutes: [120, 240, 480],
  updatedAt: '2026-01-15T03:55:00.000Z',
};

/** The working calendar and the deadline policy: administrators of the whole tree only. */
@ApiTags('admin')
@Authenticated()
@Controller('admin')
export class EscalationController {
  constructor(private readonly escalation: EscalationAdminService) {}

  @Get('holidays')
  @ApiOperation({ summary: 'Holidays of the working calendar (of one year, or all)' })
  @ApiOkResponse({ type: HolidayListResponse, example: { items: [HOLIDAY_EXAMPLE] } })
  listHolidays(
    @CurrentUser() principal: Principal,
    @Query() query: HolidayYearQuery,
  ): Promise<HolidayListResponse> {
    return this.escalation.listHolidays(principal, query.year);
  }

  @Post('holidays')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add one holiday (a lunar, substitution or special holiday)' })
  @ApiOkResponse({
    type: HolidayChangeResponse,
    example: { added: ['2026-03-03'], alreadyPresent: 0, removed: 0 },
  })
  addHoliday(
    @CurrentUser() principal: Principal,
    @Body() body: HolidayDto,
  ): Promise<HolidayChangeResponse> {
    return this.escalation.addHolidays(principal, [body]);
  }

  @Post('holidays/import')
  @HttpCode(200)
  @ApiOperation({
    summary: "Import a year's list of holidays (optionally replacing that year's)",
  })
  @ApiOkResponse({
    type: HolidayChangeResponse,
    example: { added: ['2026-03-03', '2026-05-31'], alreadyPresent: 0, removed: 0 },
  })
  importHolidays(
    @CurrentUser() principal: Principal,
    @Body() body: HolidayImportDto,
  ): Promise<HolidayChangeResponse> {
    return this.escalation.addHolidays(principal, body.holidays, {
      year: body.year,
      replace: body.replace,
    });
  }

  @Post('holidays/national/:beYear')
  @HttpCode(200)
  @ApiParam({ name: 'beYear', example: 2571, description: 'Buddhist-era year' })
  @ApiOperation({ summary: 'Add the fixed-date national holidays of a Buddhist-era year' })
  @ApiOkResponse({
    type: HolidayChangeResponse,
    example: { added: ['2028-01-01', '2028-04-06'], alreadyPresent: 0, removed: 0 },
  })
  seedNational(
    @CurrentUser() principal: Principal,
    @Param('beYear') beYear: string,
  ): Promise<HolidayChangeResponse> {
    if (!/^\d{4}$/.test(beYear)) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        errors: [{ field: 'beYear', code: 'isInt', message: 'ต้องเป็นปีพุทธศักราช (4 หลัก)' }],
      });
    }
    return this.escalation.seedNationalHolidays(principal, Number(beYear));
  }

  @Delete('holidays/:date')
  @ApiParam({ name: 'date', example: '2026-03-03' })
  @ApiOperation({ summary: 'Remove a holiday' })
  @ApiOkResponse({ type: HolidayResponse, example: HOLIDAY_EXAMPLE })
  removeHoliday(
    @CurrentUser() principal: Principal,
    @Param('date') date: string,
  ): Promise<HolidayResponse> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new DomainError(CommonErrors.VALIDATION_FAILED, {
        errors: [{ field: 'date', code: 'matches', message: 'ต้องเป็นวันที่ YYYY-MM-DD' }],
      });
    }
    return this.escalation.removeHoliday(principal, date);
  }

  @Get('escalation-policies')
  @ApiOperation({ summary: 'Deadline policy per speed class, in working minutes' })
  @ApiOkResponse({
    type: PolicyListResponse,
    example: { items: [POLICY_EXAMPLE], workingDayMinutes: 480 },
  })
  listPolicies(@CurrentUser() principal: Principal): Promise<PolicyListResponse> {
    return this.escalation.listPolicies(principal);
  }

  @Put('escalation-policies/:speed')
  @ApiOperation({
    summary:
      'Change the policy of a speed class (applies to deliveries created from now on; existing due times stay)',
  })
  @ApiOkResponse({ type: PolicyResponse, example: POLICY_EXAMPLE })
  setPolicy(
    @CurrentUser() principal: Principal,
    @Param() params: SpeedParam,
    @Body() body: PolicyDto,
  ): Promise<PolicyResponse> {
    return this.escalation.setPolicy(principal, params.speed, body);
  }
}
