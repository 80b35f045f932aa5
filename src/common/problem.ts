import type { FieldError } from 'src/common/domain-error.js';

/** RFC 9457 problem details, with the stable `code` clients switch on. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(code: string): string {
  return `urn:saraban:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
