/**
 * A single pass over a JSON body's bytes, before JSON.parse sees it: refuses nesting
 * deeper than `maxDepth`, containers with more than `maxMembers` keys or items, and the
 * `\u0000` escape (PostgreSQL cannot store U+0000 in text). The scan stops at the first
 * byte past a limit, so a body of 300,000 opening brackets costs as much as one of 33,
 * and JSON.parse, class-transformer and the validators never walk a hostile shape.
 *
 * It does not validate JSON: JSON.parse still does that. It only needs to know, for each
 * byte, whether it is inside a string, which the escape rules decide.
 */
export interface JsonShapeLimits {
  maxDepth: number;
  maxMembers: number;
}

export type JsonShapeProblem =
  { kind: 'depth'; limit: number } | { kind: 'members'; limit: number } | { kind: 'nul' };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const LOWER_U = 0x75;
const ZERO = 0x30;

export function scanJsonShape(
  bytes: Uint8Array,
  limits: JsonShapeLimits,
): JsonShapeProblem | undefined {
  // members[d] counts the commas seen at depth d (members = commas + 1 when non-empty).
  const members = new Uint32Array(limits.maxDepth + 1);
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) {
        // \u0000 (any case of the hex digits is irrelevant for zeros).
        if (
          bytes[i + 1] === LOWER_U &&
          bytes[i + 2] === ZERO &&
          bytes[i + 3] === ZERO &&
          bytes[i + 4] === ZERO &&
          bytes[i + 5] === ZERO
        ) {
          return { kind: 'nul' };
        }
        i++; // the escaped character never closes the string
      } else if (byte === QUOTE) {
        inString = false;
      }
      continue;
    }
    switch (byte) {
      case QUOTE:
        inString = true;
        break;
      case OPEN_BRACE:
      case OPEN_BRACKET:
        depth++;
        if (depth > limits.maxDepth) return { kind: 'depth', limit: limits.maxDepth };
        members[depth] = 0;
        break;
      case CLOSE_BRACE:
      case CLOSE_BRACKET:
        if (depth > 0) depth--;
        break;
      case COMMA:
        if (depth > 0 && ++members[depth] >= limits.maxMembers) {
          return { kind: 'members', limit: limits.maxMembers };
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}

/** Strings anywhere in a parsed value (query strings, route parameters) holding U+0000. */
export function findNulString(value: unknown, path = '', seen = 0): string | undefined {
  if (seen > 64) return undefined;
  if (typeof value === 'string') return value.includes('\u0000') ? path || '(value)' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulString(value[i], `${path}[${i}]`, seen + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
      const found = findNulString(inner, path ? `${path}.${key}` : key, seen + 1);
      if (found) return found;
    }
  }
  return undefined;
}
