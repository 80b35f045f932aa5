import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  type ArgumentMetadata,
  type PipeTransform,
  ValidationPipe,
  type ValidationError,
} from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { CommonErrors, DomainError, type FieldError } from 'src/common/domain-error.js';
import { ProblemFilter, sendProblem, toDomainError, toProblem } from 'src/common/problem.filter.js';
import type { AppConfig } from 'src/config/config.js';
import { consoleIndexReader, isConsolePath, mountConsole } from 'src/http/console-static.js';
import { findNulString, type JsonShapeProblem, scanJsonShape } from 'src/http/json-guard.js';
import { createOpenApiDocument, setApiPrefix } from 'src/http/openapi.js';
import { logger, PinoNestLogger, requestContext } from 'src/logging/logger.js';
import { mountQueueDashboard } from 'src/queue/queue-dashboard.js';

/** The largest text a clerk may paste into the intake parser. */
export const INTAKE_TEXT_LIMIT_BYTES = 200 * 1024;

function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code,
      message: thaiConstraintMessage(code, message),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** Thai wording for the validators we use; the English text is kept after it. */
function thaiConstraintMessage(code: string, english: string): string {
  const thai: Record<string, string> = {
    whitelistValidation: 'ไม่รู้จักช่องข้อมูลนี้',
    isString: 'ต้องเป็นข้อความ',
    isNotEmpty: 'ต้องไม่เว้นว่าง',
    isUuid: 'ต้องเป็นรหัส UUID',
    isInt: 'ต้องเป็นจำนวนเต็ม',
    isEnum: 'ค่าไม่อยู่ในรายการที่กำหนด',
    isBoolean: 'ต้องเป็นค่าจริงหรือเท็จ',
    isArray: 'ต้องเป็นรายการ',
    isDateString: 'ต้องเป็นวันที่',
    isIn: 'ค่าไม่อยู่ในรายการที่กำหนด',
    min: 'ค่าน้อยเกินไป',
    max: 'ค่ามากเกินไป',
    minLength: 'สั้นเกินไป',
    maxLength: 'ยาวเกินไป',
    arrayMinSize: 'ต้องมีอย่างน้อยหนึ่งรายการ',
    arrayMaxSize: 'มีรายการมากเกินไป',
    matches: 'รูปแบบไม่ถูกต้อง',
    isObject: 'ต้องเป็นออบเจ็กต์',
  };
  return `${thai[code] ?? 'ค่าไม่ถูกต้อง'} (${english})`;
}

function jsonShapeError(problem: JsonShapeProblem): DomainError {
  switch (problem.kind) {
    case 'depth':
      return new DomainError(CommonErrors.BODY_TOO_DEEP, {
        detail: `ข้อมูล JSON ซ้อนกันได้ไม่เกิน ${problem.limit} ชั้น`,
      });
    case 'members':
      return new DomainError(CommonErrors.BODY_TOO_MANY_MEMBERS, {
        detail: `ออบเจ็กต์หรือรายการหนึ่งใน JSON มีได้ไม่เกิน ${problem.limit} ช่อง`,
      });
    case 'nul':
      return new DomainError(CommonErrors.TEXT_CONTAINS_NUL);
  }
}

/**
 * U+0000 in a query string or route parameter: PostgreSQL cannot store or compare it,
 * so it is refused here for every endpoint instead of failing in a statement.
 */
export const nulPipe: PipeTransform = {
  transform(value: unknown, metadata: ArgumentMetadata) {
    if (metadata.type === 'custom') return value;
    const field = findNulString(value);
    if (field !== undefined) {
      throw new DomainError(CommonErrors.TEXT_CONTAINS_NUL, {
        errors: [
          {
            field: metadata.data
              ? `${metadata.data}${field === '(value)' ? '' : `.${field}`}`
              : field,
            code: 'noNul',
            message: 'มีอักขระ NUL (U+0000)',
          },
        ],
      });
    }
    return value;
  },
};

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  exceptionFactory: (errors) =>
    new DomainError(CommonErrors.VALIDATION_FAILED, { errors: flattenValidationErrors(errors) }),
});

/** Everything an HTTP app needs, shared by main.ts and the end-to-end tests. */
export function configureHttpApp(app: NestExpressApplication, config: AppConfig): void {
  app.useLogger(new PinoNestLogger());
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from the proxies configuration names: any local caller
  // could otherwise claim a fresh address, and with it a fresh sign-in budget.
  app.set('trust proxy', config.trustProxy.length > 0 ? config.trustProxy : false);

  // A request id on every response and every log line written while serving it.
  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.headers['x-request-id'];
    const reqId =
      typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    req.id = reqId;
    res.setHeader('X-Request-Id', reqId);
    requestContext.run({ reqId }, next);
  });
  app.use(
    pinoHttp({
      logger,
      genReqId: (req) => req.id as string,
      customLogLevel: (_req, res, err) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );
  const consoleIndex = consoleIndexReader();
  // The console and the API: a strict policy, nothing from elsewhere and nothing inline but
  // the console's own start script, allowed by the hash of its exact text.
  const strict = helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        // Only the console's pages carry the hash: the API's answers are never looked up on disk.
        // One value, so that the API's answers read `script-src 'self';` with no empty source.
        'script-src': [
          (req: IncomingMessage) =>
            [
              "'self'",
              ...(isConsolePath(req.url ?? '/') ? (consoleIndex()?.scriptHashes ?? []) : []),
            ].join(' '),
        ],
        'style-src': ["'self'"],
        'font-src': ["'self'"],
        // PDFs are fetched with the access token and shown from blob: URLs.
        'img-src': ["'self'", 'data:', 'blob:'],
        'frame-src': ["'self'", 'blob:'],
        'object-src': ["'none'"],
        'connect-src': ["'self'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'self'"],
        'upgrade-insecure-requests': config.nodeEnv === 'production' ? [] : null,
      },
    },
  });
  // Swagger UI and the queue dashboard need inline scripts and styles on their own pages.
  const relaxed = helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        // Behind TLS in production; on a plain-http office server the upgrade would
        // send the docs' and dashboard's scripts to an https port that is not there.
        'upgrade-insecure-requests': config.nodeEnv === 'production' ? [] : null,
      },
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    /^\/(api\/docs|admin\/queues)(\/|-|$)/.test(req.path)
      ? relaxed(req, res, next)
      : strict(req, res, next),
  );
  // The shape of a JSON body is checked on its bytes before JSON.parse (json-guard.ts):
  // a nesting bomb is refused after a few bytes, before parsing or validation walk it.
  app.use(
    express.json({
      limit: config.bodyLimitBytes,
      verify: (_req, _res, bytes) => {
        const problem = scanJsonShape(bytes, {
          maxDepth: config.jsonMaxDepth,
          maxMembers: config.jsonMaxMembers,
        });
        if (problem) throw jsonShapeError(problem);
      },
    }),
  );
  app.use(
    express.text({
      limit: INTAKE_TEXT_LIMIT_BYTES,
      type: 'text/plain',
      verify: (_req, _res, bytes) => {
        if (bytes.includes(0)) throw new DomainError(CommonErrors.TEXT_CONTAINS_NUL);
      },
    }),
  );
  // Body-parser errors happen before Nest routes; answer them as problem+json too.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(res, toProblem(toDomainError(error), req));
  });

  setApiPrefix(app);
  // Bull Board for administrators, outside the API prefix (it serves its own pages).
  mountQueueDashboard(app);
  // The web console at `/`; /api, /health, /metrics and /admin/queues stay with their routes.
  mountConsole(app, consoleIndex);
  app.useGlobalPipes(nulPipe, validationPipe);
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
