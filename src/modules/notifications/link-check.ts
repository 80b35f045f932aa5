/**
 * Invariant 8, the Cabinet measure against SMS with links (the seed letter มท ๐๒๑๐.๕/๒๖๓):
 * no outbound notification carries anything a phone would turn into a link. Messages name
 * the letter by its ที่ and เลขรับ so a person looks it up in the system instead.
 *
 * Deliberately broad: a false alarm stops one message (logged, kept as refused); a miss
 * teaches people to tap links in official messages.
 */
const TOP_LEVEL_DOMAINS = [
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'mil',
  'int',
  'info',
  'biz',
  'io',
  'co',
  'me',
  'ly',
  'app',
  'dev',
  'xyz',
  'site',
  'online',
  'link',
  'click',
  'top',
  'shop',
  'store',
  'live',
  'asia',
  'ai',
  'tv',
  'cc',
  'to',
  'gl',
  'gd',
  'ee',
  'us',
  'uk',
  'cn',
  'jp',
  'la',
  'kh',
  'mm',
  'vn',
  'sg',
  'my',
  'id',
  'ph',
  'th',
  'ไทย',
];

const LINK_PATTERNS: readonly RegExp[] = [
  // Any scheme: http://, https://, line://, ftp://, intent://, …
  /[a-z][a-z0-9+.-]*:\/\//i,
  // Schemes without slashes that phones open.
  /\b(?:mailto|tel|sms|line|tg|whatsapp):/i,
  /\bwww\d{0,3}\./i,
  // Bare domains: example.go.th, bit.ly, ktb.co.th, ไทย.ไทย (a dot between labels, a known
  // top-level domain at the end, not followed by more letters).
  new RegExp(
    `(?:^|[^\\p{L}\\p{N}_-])(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\s?[.。．]\\s?)+(?:${TOP_LEVEL_DOMAINS.join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  ),
  // Short links and paths after a domain-like word: lin.ee/abc, t.co/xyz.
  /\b[a-z0-9-]+\.[a-z]{2,}\/\S/i,
  // A dotted IP address with or without a port.
  /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?::\d+)?\b/,
];

/** Whether the text (or any string inside an object or array) looks like it holds a link. */
export function containsLink(value: unknown): boolean {
  if (typeof value === 'string') return LINK_PATTERNS.some((pattern) => pattern.test(value));
  if (Array.isArray(value)) return value.some(containsLink);
  if (value && typeof value === 'object') return Object.values(value).some(containsLink);
  return false;
}

/** Stored text for a notification, or null when it looks like a link (invariant 8). */
export function withoutLink(text: string | null): string | null {
  return text && !containsLink(text) ? text : null;
}
