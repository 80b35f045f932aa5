import { RequestMethod, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** Everything outside `/api/v1`: probes and metrics answer at the root. */
export const API_PREFIX = 'api/v1';

export function setApiPrefix(app: INestApplication): void {
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [
      { path: 'health/live', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
}

/**
 * The OpenAPI document of the whole API. The console's typed client is generated from it
 * (src/console/api/schema.d.ts), so a change here shows up as a type change there.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Saraban API')
      .setDescription(
        'Thai government correspondence (งานสารบรรณ): letters, registers, receipt stamps, forwarding and escalation. Errors are RFC 9457 problem+json with a stable `code` and a Thai `detail`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}
