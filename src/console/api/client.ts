import createClient from 'openapi-fetch';
import { authFetch } from './session';
import type { paths } from './schema';

/** The typed client of the public API, generated from its OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', fetch: authFetch });

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  field?: string;
}

/** The message for the page: the Thai detail, or what to do when offline. */
function pageMessage(problem: Problem): string {
  if (problem.status === 0) {
    return problem.detail ?? 'เชื่อมต่อเซิร์ฟเวอร์ไม่ได้ ข้อมูลที่กรอกไว้ยังอยู่ กรุณาลองอีกครั้ง';
  }
  return problem.detail ?? problem.title ?? `เกิดข้อผิดพลาด (${problem.status})`;
}

/** A problem+json answer, or a network failure (status 0), as one error type. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    // Error's constructor defines `message` on the instance, so the Thai text is computed here
    // (a getter on the class would be shadowed and the page would read "HTTP 0").
    super(pageMessage(problem));
  }

  get offline(): boolean {
    return this.problem.status === 0;
  }

  /** The Thai message for one field, if the answer named it. */
  forField(field: string): string | undefined {
    const own = this.problem.errors?.filter(
      (e) => e.field === field || e.field.startsWith(`${field}.`),
    );
    if (own && own.length > 0) return own.map((e) => e.message).join(' · ');
    if (this.problem.field === field) return this.problem.detail;
    return undefined;
  }
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps an openapi-fetch call: the body on success, an ApiError otherwise. The body's
 * type is the operation's answer in the generated schema.
 */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (outcome.response.ok) return outcome.data as T;
  const body = (outcome.error ?? {}) as Partial<Problem> & { data?: { field?: string } };
  throw new ApiError({ ...body, status: outcome.response.status });
}

/** A file download with the bearer token (PDF stamps, printouts), as an object URL. */
export async function fetchBlob(path: string): Promise<{ url: string; blob: Blob }> {
  let response: Response;
  try {
    response = await authFetch(new Request(path));
  } catch {
    throw new ApiError({ status: 0 });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<Problem>;
    throw new ApiError({ ...body, status: response.status });
  }
  const blob = await response.blob();
  return { url: URL.createObjectURL(blob), blob };
}

/** A key for one intent (one click's worth): retries reuse it, a new intent gets a new one. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
