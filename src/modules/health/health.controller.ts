import { Controller, Get, Inject } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { execute } from 'src/database/rows.js';
import { REDIS } from 'src/common/core.module.js';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';

const CHECK_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const COMPONENT_TH: Record<string, string> = { postgresql: 'ฐานข้อมูล PostgreSQL', redis: 'Redis' };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is running' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'PostgreSQL and Redis answer' })
  @ApiOkResponse({ schema: { example: { status: 'ok', info: { postgresql: { status: 'up' } } } } })
  @ApiServiceUnavailableResponse({ description: 'problem+json naming the component that is down' })
  async ready() {
    try {
      return await this.health.check([() => this.checkPostgres(), () => this.checkRedis()]);
    } catch (error) {
      const details =
        (error as { response?: { error?: Record<string, unknown> } }).response?.error ?? {};
      const down = Object.keys(details);
      throw new DomainError(CommonErrors.SERVICE_UNAVAILABLE, {
        detail: `ระบบไม่พร้อมให้บริการ: ติดต่อ ${down.map((c) => COMPONENT_TH[c] ?? c).join(' และ ')} ไม่ได้`,
        data: { down },
      });
    }
  }

  private async checkPostgres(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('postgresql');
    try {
      await withTimeout(execute(this.dataSource, 'SELECT 1'), CHECK_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async checkRedis(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('redis');
    try {
      if (this.redis.status === 'wait' || this.redis.status === 'end') {
        await withTimeout(this.redis.connect(), CHECK_TIMEOUT_MS).catch(() => undefined);
      }
      await withTimeout(this.redis.ping(), CHECK_TIMEOUT_MS);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}
