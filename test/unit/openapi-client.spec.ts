import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { describe, expect, it } from 'vitest';
import { AppModule } from 'src/app.module.js';
import { loadConfig } from 'src/config/config.js';
import { createOpenApiDocument, setApiPrefix } from 'src/http/openapi.js';

/**
 * The console's typed client is generated from the API's own OpenAPI document. This file is
 * both the generator (`npm run api:types` writes the types) and the staleness check that
 * `npm run check` and `npm test` run: it fails when the committed types differ from what the
 * document generates now. The document comes from the application module in Nest's preview
 * mode: controllers and DTOs are read, nothing connects to PostgreSQL or Redis.
 */
const SCHEMA_FILE = new URL('../../src/console/api/schema.d.ts', import.meta.url);
const HEADER =
  "// Generated from the API's OpenAPI document by `npm run api:types`. Do not edit.\n\n";

async function currentDocument() {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/none',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'saraban-openapi-')),
  });
  const app = await NestFactory.create(AppModule.register({ config, worker: false }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  setApiPrefix(app);
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

describe('the OpenAPI document and the console client generated from it', () => {
  it('lists each parameter of an operation once', async () => {
    const document = await currentDocument();
    const repeated: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const parameters = (operation as { parameters?: { name: string; in: string }[] })
          .parameters;
        if (!Array.isArray(parameters)) continue;
        const seen = new Set<string>();
        for (const parameter of parameters) {
          // Header names are case-insensitive (RFC 9110), so compare them that way.
          const key = `${parameter.in}:${parameter.in === 'header' ? parameter.name.toLowerCase() : parameter.name}`;
          if (seen.has(key)) repeated.push(`${method.toUpperCase()} ${path} ${key}`);
          seen.add(key);
        }
      }
    }
    expect(repeated).toEqual([]);
  });

  it('has committed types that match the document (npm run api:types regenerates them)', async () => {
    const document = await currentDocument();
    const generated =
      HEADER +
      astToString(
        await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], {
          alphabetize: true,
        }),
      );
    if (process.env.OPENAPI_WRITE === '1') writeFileSync(SCHEMA_FILE, generated);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed, 'the console API types are stale: run npm run api:types').toBe(generated);
  });
});
