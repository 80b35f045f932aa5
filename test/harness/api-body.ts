import type { Problem } from 'src/common/problem.js';
import type { components } from 'src/console/api/schema.js';

/**
 * Response bodies read as the API documents them: by schema name from the types generated
 * from the OpenAPI document (src/console/api/schema.d.ts, as the console reads them), so a
 * test is typed by the same contract as its clients. The answers the document still leaves
 * untyped are written down in ./api-undocumented.ts.
 */
type Bodies = components['schemas'] & import('./api-undocumented.js').UndocumentedBodies;
export type BodyName = keyof Bodies;
export type Body<N extends BodyName> = Bodies[N];

interface HasBody {
  status: number;
  body: unknown;
}

function describe(res: HasBody): string {
  return `${res.status} ${JSON.stringify(res.body)}`;
}

/** The body as the named answer; it must be a JSON object. */
export function bodyOf<N extends BodyName>(res: HasBody, name: N): Bodies[N] {
  if (typeof res.body !== 'object' || res.body === null || Array.isArray(res.body)) {
    throw new Error(`expected a ${name} object, got ${describe(res)}`);
  }
  return res.body as Bodies[N];
}

/** The body as a list of the named answer; it must be a JSON array. */
export function listOf<N extends BodyName>(res: HasBody, name: N): Bodies[N][] {
  if (!Array.isArray(res.body)) throw new Error(`expected a ${name} list, got ${describe(res)}`);
  return res.body as Bodies[N][];
}

/** A cursor page of the named answer, as every list of the API pages. */
export function pageOf<N extends BodyName>(
  res: HasBody,
  name: N,
): { items: Bodies[N][]; nextCursor: string | null } {
  const body = res.body as { items?: unknown } | null;
  if (typeof body !== 'object' || body === null || !Array.isArray(body.items)) {
    throw new Error(`expected a page of ${name}, got ${describe(res)}`);
  }
  return body as { items: Bodies[N][]; nextCursor: string | null };
}

/** A problem+json answer (src/common/problem.ts); it must carry its stable code. */
export function problemOf(res: HasBody): Problem {
  const body = res.body as { code?: unknown } | null;
  if (typeof body !== 'object' || body === null || typeof body.code !== 'string') {
    throw new Error(`expected a problem, got ${describe(res)}`);
  }
  return body as Problem;
}

/** The `id` of what a command created or answered with; it must be a string. */
export function idOf(res: HasBody): string {
  const body = res.body as { id?: unknown } | null;
  if (typeof body !== 'object' || body === null || typeof body.id !== 'string') {
    throw new Error(`expected an answer with an id, got ${describe(res)}`);
  }
  return body.id;
}
