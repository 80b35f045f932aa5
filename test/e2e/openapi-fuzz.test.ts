import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Test } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories } from '../factories/index.js';
import { samplePdf } from '../factories/sample-pdf.js';
import { idOf } from '../harness/api-body.js';

/**
 * Property: for every operation in the app's own OpenAPI document, requests whose body,
 * query string and path parameters are generated from the operation's schemas — valid
 * values mixed with hostile ones (null, wrong types, NUL bytes, numbers out of range,
 * arrays for objects, unknown keys) — never answer 5xx, and every 4xx is problem+json
 * with a stable code. FUZZ_RUNS sets the runs per operation (default 20, bounded for
 * CI); FUZZ_SEED replays a failing run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  nullable?: boolean;
  example?: unknown;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** Values no endpoint should ever answer with a 5xx. */
const hostileScalar = fc.constantFrom<unknown>(
  null,
  '',
  '\u0000',
  'ก\u0000ข',
  ' ',
  'ไฟล์ทดสอบ',
  '\u200b\u200b\u200b',
  'x'.repeat(5000),
  "'; select pg_sleep(1); --",
  '%_\\',
  0,
  -1,
  1.5,
  2147483648,
  -2147483649,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  true,
  false,
  [],
  [[]],
  {},
  [{}],
  { a: { b: [null] } },
  '2147483648',
  '1e308',
  '-1',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '๒๕๖๙',
);

const hostileQuery = fc.constantFrom<unknown>(
  '',
  '\u0000',
  'a\u0000',
  '2147483648',
  '-2147483649',
  '1e308',
  '-1',
  '0',
  '1.5',
  'NaN',
  'Infinity',
  'x'.repeat(3000),
  'ก',
  '๑๒๓',
  '2026-13-45',
  '%',
  ['1', '2'],
  { a: '1' },
  'eyJ4IjoxfQ',
  '!!!notbase64',
  randomUUID(),
);

/**
 * Reads a body as supertest would, except a Server-Sent Events stream: it never ends by
 * itself, so its answer is judged by its status and headers and the connection is closed.
 */
function readBody(res: IncomingMessage, done: (error: Error | null, body: unknown) => void): void {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('text/event-stream')) {
    res.destroy();
    done(null, {});
    return;
  }
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    if (!/json/.test(type)) return done(null, text);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(null, text);
    }
  });
}

describe('every endpoint of the OpenAPI document survives generated input', () => {
  let t: TestApp;
  let f: Factories;
  let doc: OpenApi;
  const tokens: (string | undefined)[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      env: {
        DATA_DIR: mkdtempSync(join(tmpdir(), 'saraban-fuzz-')),
        FILE_MAX_BYTES: '100000',
      },
    });
    f = factories(t);
    const ministry = await f.newMinistry();
    const province = await f.newUnit({
      parent: ministry,
      kind: 'province',
      nameTh: 'จังหวัดฟัซ',
      letterCode: 'ฟซ',
    });
    const district = await f.newUnit({
      parent: province,
      kind: 'district',
      nameTh: 'อำเภอฟัซ',
    });
    await f.newUser({
      username: 'fuzz.admin',
      memberships: [{ unit: ministry, role: 'admin' }],
      clearance: 'secret',
    });
    await f.newUser({
      username: 'fuzz.head',
      memberships: [{ unit: province, role: 'head' }],
      clearance: 'secret',
    });
    await f.newUser({ username: 'fuzz.clerk', memberships: [{ unit: province, role: 'clerk' }] });
    for (const name of ['fuzz.admin', 'fuzz.head', 'fuzz.clerk'])
      tokens.push((await f.signIn(name)).headers.Authorization);
    tokens.push(undefined);
    ids.push(ministry.id, province.id, district.id);

    // Some real objects, so generated paths reach past "not found" into the services.
    const clerk = tokens[2]!;
    const file = await t.http
      .post('/api/v1/files')
      .set('Authorization', clerk)
      .attach('file', await samplePdf('fuzz'), { filename: 'fuzz.pdf' })
      .expect(201);
    const letter = await t.http
      .post('/api/v1/letters')
      .set('Authorization', clerk)
      .send({ kind: 'external', subject: 'หนังสือทดสอบการสุ่ม', fileIds: [idOf(file)] })
      .expect(201);
    const registers = await t.http
      .get(`/api/v1/units/${province.id}/registers`)
      .set('Authorization', clerk);
    for (const r of registers.body as { id: string }[]) ids.push(r.id);
    if (idOf(letter)) {
      ids.push(idOf(letter), idOf(file));
      const incoming = (registers.body as { id: string; kind: string }[]).find(
        (r) => r.kind === 'incoming',
      );
      if (incoming) {
        const entry = await t.http
          .post(`/api/v1/registers/${incoming.id}/entries`)
          .set('Authorization', clerk)
          .send({ letterId: idOf(letter) });
        if (idOf(entry)) {
          ids.push(idOf(entry));
          const forward = await t.http
            .post(`/api/v1/register-entries/${idOf(entry)}/forwards`)
            .set('Authorization', tokens[1]!)
            .send({ unitIds: [district.id] });
          const found = JSON.stringify(forward.body).match(/[0-9a-f]{8}-[0-9a-f-]{27}/g) ?? [];
          ids.push(...new Set(found.filter((id) => !ids.includes(id))));
        }
      }
    }
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApi;
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  }, 300_000);

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      return resolve(doc.components?.schemas?.[name]);
    }
    return schema;
  };

  /** A value that fits the schema (the way a client means well), one level at a time. */
  const fitting = (raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    if (schema.enum?.length) return fc.constantFrom(...schema.enum);
    const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf;
    if (variants?.length) return fc.oneof(...variants.map((s) => fitting(s, depth)));
    switch (schema.type) {
      case 'string':
        if (schema.format === 'uuid') return fc.constantFrom(...ids, randomUUID());
        return fc.oneof(
          { arbitrary: fc.constant(schema.example ?? 'ทดสอบ'), weight: 3 },
          { arbitrary: fc.constantFrom(...ids), weight: 1 },
          { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
          {
            arbitrary: fc.string({
              unit: fc.constantFrom('ก', 'ข', '่', '้', 'ั', '๑', ' ', '.', '/'),
              maxLength: 30,
            }),
            weight: 1,
          },
        );
      case 'number':
      case 'integer':
        return fc.oneof(
          { arbitrary: fc.constant(schema.example ?? 1), weight: 3 },
          { arbitrary: fc.integer({ min: -5, max: 3000 }), weight: 1 },
          { arbitrary: fc.double(), weight: 1 },
        );
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 3
          ? fc.constant([])
          : fc.array(value(schema.items, depth + 1), { maxLength: 4 });
      case 'object':
      default:
        if (!schema.properties) {
          return schema.example !== undefined
            ? fc.constant(schema.example)
            : fc.jsonValue({ maxDepth: 2 });
        }
        return depth > 3 ? fc.constant({}) : objectOf(schema, depth + 1);
    }
  };

  /** Mostly fitting, sometimes hostile. */
  const value = (schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> =>
    fc.oneof(
      { arbitrary: fitting(schema, depth), weight: 3 },
      { arbitrary: hostileScalar, weight: 1 },
    );

  const objectOf = (schema: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const properties = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const entries = Object.entries(properties).map(([name, inner]) => {
      const field = fc.oneof(
        { arbitrary: fitting(inner, depth), weight: 6 },
        { arbitrary: hostileScalar, weight: 1 },
      );
      return [
        name,
        required.has(name)
          ? field
          : fc.oneof(
              { arbitrary: field, weight: 1 },
              { arbitrary: fc.constant(undefined), weight: 1 },
            ),
      ] as const;
    });
    const extra = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 9 },
      { arbitrary: fc.tuple(fc.string({ maxLength: 8 }), hostileScalar), weight: 1 },
    );
    return fc.tuple(fc.record(Object.fromEntries(entries)), extra).map(([record, more]) => {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(record)) if (v !== undefined) out[key] = v;
      if (more && more[0] !== '__proto__') out[more[0]] = more[1];
      return out;
    });
  };

  /** A body that fits its schema except for one field, set to a hostile value. */
  const mutatedOne = (schema: Schema): fc.Arbitrary<unknown> => {
    const resolved = resolve(schema);
    const keys = Object.keys(resolved.properties ?? {});
    const whole = fitting(schema);
    if (keys.length === 0) return whole;
    return fc
      .tuple(whole, fc.constantFrom(...keys), hostileScalar)
      .map(([body, key, bad]) =>
        body && typeof body === 'object' && !Array.isArray(body) ? { ...body, [key]: bad } : body,
      );
  };

  const queryValue = (schema: Schema | undefined): fc.Arbitrary<unknown> => {
    const s = resolve(schema);
    const fittingQuery: fc.Arbitrary<unknown> = s.enum?.length
      ? fc.constantFrom(...s.enum.map(String))
      : s.type === 'number' || s.type === 'integer'
        ? fc.integer({ min: -3, max: 3000 }).map(String)
        : s.type === 'boolean'
          ? fc.constantFrom('true', 'false', '1', '0')
          : fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 20 }));
    return fc.oneof(fittingQuery, hostileQuery);
  };

  const pathValue = () =>
    fc.oneof(
      { arbitrary: fc.constantFrom(...ids), weight: 4 },
      {
        arbitrary: fc.constantFrom(
          randomUUID(),
          '0',
          '2147483648',
          '2569',
          '1e308',
          '-1',
          'ไฟล์',
          'not-a-uuid',
          '2026-01-01',
          'most_urgent',
          'x'.repeat(300),
          '%00',
          '..%2F..',
        ),
        weight: 2,
      },
      { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    );

  it('answers no 5xx, and problem+json on every 4xx', async () => {
    const operations: { method: string; path: string; op: Operation }[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        operations.push({ method, path, op });
      }
    }
    expect(operations.length).toBeGreaterThan(40);
    // Operations that end the fuzzing users' sessions or units go last.
    const last = /\/(logout|deactivate|move|end)$/;
    operations.sort((a, b) => Number(last.test(a.path)) - Number(last.test(b.path)));
    const failures: string[] = [];
    const statuses: Record<string, Record<number, number>> = {};

    for (const { method, path, op } of operations) {
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const content = op.requestBody?.content ?? {};
      const jsonSchema = content['application/json']?.schema;
      const multipart = 'multipart/form-data' in content;

      const request = fc.record({
        token: fc.constantFrom(...tokens.keys()),
        path: fc.tuple(...pathParams.map(() => pathValue()), fc.constant(0)),
        query: fc.tuple(
          ...queryParams.map((p) => fc.oneof(fc.constant(undefined), queryValue(p.schema))),
          fc.constant(0),
        ),
        body: jsonSchema
          ? fc.oneof(
              { arbitrary: mutatedOne(jsonSchema), weight: 5 },
              { arbitrary: value(jsonSchema), weight: 2 },
              { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
            )
          : fc.constant(undefined),
        idempotencyKey: fc.oneof(
          { arbitrary: fc.constant(null), weight: 2 },
          { arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })), weight: 1 },
        ),
        fileName: fc.constantFrom(
          'ไฟล์ทดสอบ.pdf',
          'a\u0000.pdf',
          '../../etc/passwd',
          '"quoted".pdf',
          '',
        ),
        fileKind: fc.constantFrom('pdf', 'junk', 'empty'),
      });

      const pdf = multipart ? await samplePdf('fuzz-upload') : undefined;
      await fc
        .assert(
          fc.asyncProperty(request, async (r) => {
            let url = path;
            pathParams.forEach((p, i) => {
              url = url.replace(`{${p.name}}`, encodeURIComponent(String(r.path[i])));
            });
            const query: Record<string, unknown> = {};
            queryParams.forEach((p, i) => {
              if (r.query[i] !== undefined) query[p.name] = r.query[i];
            });
            const http = t.http as unknown as Record<string, (u: string) => Test>;
            let req = http[method](url)
              .query(query as Record<string, string>)
              .parse(readBody as unknown as Parameters<Test['parse']>[0]);
            const token = tokens[r.token];
            if (token) req = req.set('Authorization', token);
            if (r.idempotencyKey !== null) {
              try {
                req = req.set('Idempotency-Key', r.idempotencyKey);
              } catch {
                /* a header value Node itself refuses to send */
              }
            }
            if (multipart) {
              const bytes =
                r.fileKind === 'pdf'
                  ? pdf!
                  : r.fileKind === 'junk'
                    ? Buffer.from('junk')
                    : Buffer.alloc(0);
              req = req.attach('file', bytes, {
                filename: r.fileName || 'x',
                contentType: 'application/pdf',
              });
            } else if (r.body !== undefined) {
              req = req.set('Content-Type', 'application/json').send(JSON.stringify(r.body));
            }
            let res;
            try {
              res = await req;
            } catch (error) {
              throw new Error(`${method.toUpperCase()} ${url}: ${(error as Error).message}`, {
                cause: error,
              });
            }
            const key = `${method.toUpperCase()} ${path}`;
            (statuses[key] ??= {})[res.status] = (statuses[key][res.status] ?? 0) + 1;
            const where = `${method.toUpperCase()} ${url} ${JSON.stringify(query)} ${JSON.stringify(r.body)?.slice(0, 300)}`;
            if (res.status >= 500) {
              throw new Error(`${res.status} ${JSON.stringify(res.body)} for ${where}`);
            }
            if (res.status >= 400) {
              const type = String(res.headers['content-type'] ?? '');
              if (!type.startsWith('application/problem+json')) {
                throw new Error(`${res.status} as ${type} for ${where}`);
              }
              const body = res.body as { code?: unknown; title?: unknown; detail?: unknown };
              if (
                typeof body.code !== 'string' ||
                typeof body.title !== 'string' ||
                typeof body.detail !== 'string'
              ) {
                throw new Error(`${res.status} without code/title/detail for ${where}`);
              }
            }
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        )
        .catch((error: Error) => {
          failures.push(error.message.split('\n').slice(0, 6).join('\n'));
        });
    }
    if (process.env.FUZZ_VERBOSE) console.log(statuses, ids);
    expect(failures).toEqual([]);
  }, 900_000);
});
