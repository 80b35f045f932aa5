import { createPrivateKey, type KeyObject, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';

/**
 * The one typed configuration of every process. It is read from the environment once,
 * validated, and a bad value stops start-up with a line naming the variable.
 * Every variable here is documented, with its default, in README.md.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  databaseUrl: string;
  databasePoolSize: number;
  /** How long a command waits for a free connection before it fails with 503. */
  databasePoolWaitMs: number;
  /** A streaming replica for reads that tolerate a little lag; null = the primary reads all. */
  databaseReadUrl: string | null;
  /** How long a user's write is remembered for read-your-writes (their reads wait for the replica to pass it). */
  databaseReadStickySeconds: number;
  redisUrl: string;
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  queuePrefix: string;
  jwtAccessSecret: string;
  jwtRefreshSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Bounded wait for in-flight requests and jobs on SIGTERM. */
  shutdownGraceMs: number;
  /** Largest JSON body the API accepts. */
  bodyLimitBytes: number;
  /** Deepest nesting of objects and arrays a JSON body may have (400 beyond). */
  jsonMaxDepth: number;
  /** Most keys or items one JSON object or array may have (413 beyond). */
  jsonMaxMembers: number;
  /** Upload checks (files module). */
  fileMaxBytes: number;
  fileMaxPages: number;
  fileCheckTimeoutMs: number;
  fileCheckMemoryMb: number;
  /** OCR engines at once per worker process (reading of scanned pages). */
  readingOcrWorkers: number;
  /** One page's OCR is abandoned (the page left empty, with a warning) after this long. */
  readingPageTimeoutMs: number;
  /** Start reading every PDF as its upload commits. */
  readingOnUpload: boolean;
  /** Worker threads for PDF work (upload checks, stamps, printouts) at once per process. */
  pdfThreads: number;
  /** Limits of one stamp or printout in its thread. */
  pdfRenderTimeoutMs: number;
  pdfRenderMemoryMb: number;
  /** Hours a recipient has to register (ลงรับ) a delivery until the escalation policy sets it. */
  deliveryDefaultAckHours: number;
  /** Whom a unit may forward to: its own subtree (the hierarchy), or any unit. */
  forwardScope: 'subtree' | 'any';
  /** Office hours of the working calendar (Asia/Bangkok), `HH:MM`. */
  officeHoursStart: string;
  officeHoursEnd: string;
  /** Office weekdays, 0 = Sunday … 6 = Saturday. */
  officeWeekdays: number[];
  /** Seconds between reconcile sweeps of escalation wake-ups (one run per slot). */
  escalationSweepIntervalSeconds: number;
  /** Largest number of due escalations one sweep enqueues. */
  escalationSweepBatch: number;
  /** Bounded wait for an enqueue after commit; past it, the sweep restores the job. */
  queueEnqueueTimeoutMs: number;
  /** Jobs one worker process runs at once, per queue. */
  queueConcurrency: number;
  /** BullMQ job lock; a job of a killed worker is retried about twice this later. */
  queueLockDurationMs: number;
  /** SMTP server for e-mail notifications (`smtp://` or `smtps://`); empty = e-mail off. */
  smtpUrl: string | null;
  /** Longest wait for an SMTP server to connect, greet or answer: a send holds its outbox row. */
  smtpTimeoutMs: number;
  smtpFrom: string;
  /** Webhook endpoints that receive every outbound notification; empty = webhooks off. */
  webhookUrls: string[];
  /** Time (Bangkok, `HH:MM`) of the daily digest on working days. */
  digestTime: string;
  /** Lifetime of the queue-dashboard cookie set by POST /admin/queue-session. */
  queueSessionTtlSeconds: number;
  /** Bearer token required by GET /metrics; empty = open (bind it to an internal network). */
  metricsToken: string | null;
  /**
   * Ed25519 private key that signs audit checkpoints (PKCS#8, PEM or base64 DER). Required
   * in production; elsewhere a development key is made once and kept in DATA_DIR.
   */
  auditSigningKey: KeyObject | null;
  /** Minutes between scheduled audit checkpoints (the worker's sweep). */
  auditCheckpointIntervalMinutes: number;
  /**
   * Where the JWT secrets were generated and kept, when JWT_ACCESS_SECRET and
   * JWT_REFRESH_SECRET are not set (outside production only); null when they are set.
   */
  generatedSecretsFile: string | null;
  /**
   * Proxies whose `X-Forwarded-For` is believed (Express `trust proxy` values: addresses,
   * CIDR ranges, `loopback`, `linklocal`, `uniquelocal`); empty = the socket's peer is the client.
   */
  trustProxy: string[];
  /**
   * A file holding a time offset the process's clock adds (tests move time in spawned
   * processes with it); accepted only with NODE_ENV=test, null otherwise.
   */
  testClockFile: string | null;
  /** The units' central mailboxes (e-mail intake); empty = intake off. */
  mailboxes: MailboxConfig[];
  /** Seconds between polls of each mailbox by the worker. */
  mailboxPollSeconds: number;
  /** Longest wait for the IMAP server to connect or answer before a poll gives up. */
  mailboxTimeoutMs: number;
  /** Most messages one poll takes from one mailbox (the rest wait for the next poll). */
  mailboxBatch: number;
  /**
   * Largest message a poll downloads. A bigger one is never fetched: its draft records the
   * headers and why, and it is moved to the processed folder like any other.
   */
  mailboxMessageMaxBytes: number;
}

/**
 * A unit's central mailbox (IMAP). The password is never in MAILBOXES nor in the database:
 * `passwordEnv` names the environment variable that holds it.
 */
export interface MailboxConfig {
  unitId: string;
  host: string;
  port: number;
  tls: boolean;
  user: string;
  passwordEnv: string;
  /** Read from the variable `passwordEnv` names; never logged. */
  password: string;
  folder: string;
  processedFolder: string;
}

/** An Ed25519 private key from PEM text or base64 PKCS#8 DER; null when it is not one. */
export function parseEd25519PrivateKey(raw: string): KeyObject | null {
  try {
    const key = raw.includes('-----BEGIN')
      ? createPrivateKey(raw)
      : createPrivateKey({ key: Buffer.from(raw, 'base64'), format: 'der', type: 'pkcs8' });
    return key.asymmetricKeyType === 'ed25519' ? key : null;
  } catch {
    return null;
  }
}

/** The file in DATA_DIR that keeps generated JWT secrets across restarts and processes. */
export const GENERATED_SECRETS_FILE = 'jwt-secrets.json';

interface GeneratedSecrets {
  access: string;
  refresh: string;
}

function readSecrets(path: string): GeneratedSecrets | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<GeneratedSecrets>;
    const ok = (v: unknown): v is string => typeof v === 'string' && v.length >= 32;
    return ok(parsed.access) && ok(parsed.refresh)
      ? { access: parsed.access, refresh: parsed.refresh }
      : null;
  } catch {
    return null;
  }
}

/**
 * Random JWT secrets made once per DATA_DIR (mode 0600), so that a development or test
 * installation never signs with a key anyone else knows, and the API processes and restarts
 * sharing that DATA_DIR accept each other's tokens.
 */
function generatedSecrets(dataDir: string): { path: string; secrets: GeneratedSecrets } {
  const path = resolve(dataDir, GENERATED_SECRETS_FILE);
  const existing = readSecrets(path);
  if (existing) return { path, secrets: existing };
  const secrets = {
    access: randomBytes(48).toString('base64url'),
    refresh: randomBytes(48).toString('base64url'),
  };
  mkdirSync(dirname(path), { recursive: true });
  try {
    // `wx`: of two processes starting together, one writes and the other reads its secrets.
    writeFileSync(path, `${JSON.stringify(secrets)}\n`, { mode: 0o600, flag: 'wx' });
    return { path, secrets };
  } catch (error) {
    const written = readSecrets(path);
    if (written) return { path, secrets: written };
    throw error;
  }
}

const NAMED_PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/** An address, a CIDR range (`10.0.0.0/8`, `fd00::/8`) or one of Express's named ranges. */
function isProxyEntry(entry: string): boolean {
  if (NAMED_PROXY_RANGES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const max = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * Connections per process when DATABASE_POOL_SIZE is unset: twice the processors, at least 4.
 * PostgreSQL runs about as many statements at once as it has processors; more connections
 * do not add work done, they make every statement share the processors while it holds its
 * connection, so a burst stretches every request at once (on two processors, 20 connections
 * per API doubled the national day's 99th percentile against 4 or 8). Where the database has
 * more processors than the API's machine, set DATABASE_POOL_SIZE to suit the database.
 */
export function defaultPoolSize(processors = availableParallelism()): number {
  return Math.max(4, 2 * processors);
}

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name, String(fallback));
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, fallback: string, protocols: string[]): string => {
    const raw = read(name, fallback);
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL (got "${redact(raw)}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL (got "${redact(raw)}")`);
    }
    return raw;
  };

  const nodeEnvRaw = read('NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(nodeEnvRaw)) {
    problems.push(`NODE_ENV must be development, production or test (got "${nodeEnvRaw}")`);
  }
  const nodeEnv = (
    ['development', 'production', 'test'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development'
  ) as AppConfig['nodeEnv'];

  const logLevelRaw = read('LOG_LEVEL', nodeEnv === 'test' ? 'warn' : 'info');
  if (!LOG_LEVELS.includes(logLevelRaw as LogLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevelRaw}")`);
  }

  const readingOnUploadRaw = read('READING_ON_UPLOAD', 'true');
  if (!['true', 'false'].includes(readingOnUploadRaw)) {
    problems.push(`READING_ON_UPLOAD must be true or false (got "${readingOnUploadRaw}")`);
  }
  const readingOnUpload = readingOnUploadRaw !== 'false';

  const queuePrefix = read('QUEUE_PREFIX', 'saraban');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(queuePrefix)) {
    problems.push(`QUEUE_PREFIX must be 1–64 letters, digits, _ or - (got "${queuePrefix}")`);
  }

  const dataDir = read('DATA_DIR', '.data');
  let jwtAccessSecret = read('JWT_ACCESS_SECRET', '');
  let jwtRefreshSecret = read('JWT_REFRESH_SECRET', '');
  let generatedSecretsFile: string | null = null;
  if (jwtAccessSecret === '' || jwtRefreshSecret === '') {
    if (nodeEnv === 'production') {
      problems.push('JWT_ACCESS_SECRET and JWT_REFRESH_SECRET must be set in production');
      jwtAccessSecret ||= randomBytes(48).toString('base64url');
      jwtRefreshSecret ||= randomBytes(48).toString('base64url');
    } else {
      try {
        const generated = generatedSecrets(dataDir);
        generatedSecretsFile = generated.path;
        jwtAccessSecret ||= generated.secrets.access;
        jwtRefreshSecret ||= generated.secrets.refresh;
      } catch (error) {
        problems.push(
          `JWT_ACCESS_SECRET and JWT_REFRESH_SECRET are not set and DATA_DIR (${dataDir}) cannot keep generated ones: ${(error as Error).message}`,
        );
        jwtAccessSecret ||= randomBytes(48).toString('base64url');
        jwtRefreshSecret ||= randomBytes(48).toString('base64url');
      }
    }
  }
  for (const [name, value] of [
    ['JWT_ACCESS_SECRET', jwtAccessSecret],
    ['JWT_REFRESH_SECRET', jwtRefreshSecret],
  ] as const) {
    if (value.length < 32) problems.push(`${name} must be at least 32 characters long`);
  }

  const forwardScope = read('FORWARD_SCOPE', 'subtree');
  if (forwardScope !== 'subtree' && forwardScope !== 'any') {
    problems.push(`FORWARD_SCOPE must be subtree or any (got "${forwardScope}")`);
  }

  const timeOfDay = (name: string, fallback: string): string => {
    const raw = read(name, fallback);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(raw)) {
      problems.push(`${name} must be HH:MM, 00:00 to 23:59 (got "${raw}")`);
      return fallback;
    }
    return raw;
  };
  const officeHoursStart = timeOfDay('OFFICE_HOURS_START', '08:30');
  const officeHoursEnd = timeOfDay('OFFICE_HOURS_END', '16:30');
  if (officeHoursStart >= officeHoursEnd) {
    problems.push(
      `OFFICE_HOURS_START (${officeHoursStart}) must be earlier than OFFICE_HOURS_END (${officeHoursEnd})`,
    );
  }
  const weekdaysRaw = read('OFFICE_WEEKDAYS', '1,2,3,4,5');
  const officeWeekdays = [...new Set(weekdaysRaw.split(',').map((d) => d.trim()))].map(Number);
  if (
    officeWeekdays.length === 0 ||
    officeWeekdays.some((d) => !Number.isInteger(d) || d < 0 || d > 6)
  ) {
    problems.push(
      `OFFICE_WEEKDAYS must list weekdays 0 (Sunday) to 6 (Saturday), comma-separated (got "${weekdaysRaw}")`,
    );
  }
  const smtpRaw = read('SMTP_URL', '');
  const smtpUrl = smtpRaw === '' ? null : url('SMTP_URL', smtpRaw, ['smtp:', 'smtps:']);
  const webhookUrls = read('WEBHOOK_URLS', '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '')
    .map((u) => url('WEBHOOK_URLS', u, ['http:', 'https:']));
  const metricsToken = read('METRICS_TOKEN', '');
  if (metricsToken !== '' && metricsToken.length < 16) {
    problems.push('METRICS_TOKEN must be at least 16 characters long (or empty)');
  }

  const trustProxy = read('TRUST_PROXY', '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of trustProxy) {
    if (!isProxyEntry(entry)) {
      problems.push(
        `TRUST_PROXY must list addresses, CIDR ranges, loopback, linklocal or uniquelocal, comma-separated (got "${entry}")`,
      );
    }
  }

  const auditKeyRaw = read('AUDIT_SIGNING_KEY', '');
  let auditSigningKey: KeyObject | null = null;
  if (auditKeyRaw !== '') {
    auditSigningKey = parseEd25519PrivateKey(auditKeyRaw);
    if (!auditSigningKey) {
      problems.push('AUDIT_SIGNING_KEY must be an Ed25519 private key (PKCS#8, PEM or base64 DER)');
    }
  } else if (nodeEnv === 'production') {
    problems.push('AUDIT_SIGNING_KEY must be set in production (it signs the audit checkpoints)');
  }

  const testClockFile = read('TEST_CLOCK_FILE', '');
  if (testClockFile !== '' && nodeEnv !== 'test') {
    problems.push('TEST_CLOCK_FILE is for tests only: it is refused unless NODE_ENV=test');
  }
  const mailboxes = readMailboxes(read('MAILBOXES', ''), env, problems);

  const config: AppConfig = {
    nodeEnv,
    databaseUrl: url('DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/saraban', [
      'postgres:',
      'postgresql:',
    ]),
    databasePoolSize: integer('DATABASE_POOL_SIZE', defaultPoolSize(), 1, 500),
    databasePoolWaitMs: integer('DATABASE_POOL_WAIT_MS', 10_000, 100, 600_000),
    databaseReadUrl:
      read('DATABASE_READ_URL', '') === ''
        ? null
        : url('DATABASE_READ_URL', '', ['postgres:', 'postgresql:']),
    databaseReadStickySeconds: integer('DATABASE_READ_STICKY_SECONDS', 300, 1, 86_400),
    redisUrl: url('REDIS_URL', 'redis://127.0.0.1:6379', ['redis:', 'rediss:']),
    port: integer('PORT', 3000, 0, 65535),
    dataDir,
    logLevel: logLevelRaw as LogLevel,
    queuePrefix,
    jwtAccessSecret,
    jwtRefreshSecret,
    accessTokenTtlSeconds: integer('ACCESS_TOKEN_TTL', 900, 60, 86_400),
    refreshTokenTtlSeconds: integer('REFRESH_TOKEN_TTL', 1_209_600, 300, 31_536_000),
    shutdownGraceMs: integer('SHUTDOWN_GRACE_MS', 8_000, 0, 600_000),
    bodyLimitBytes: integer('BODY_LIMIT_BYTES', 1_048_576, 1_024, 104_857_600),
    jsonMaxDepth: integer('JSON_MAX_DEPTH', 32, 4, 1000),
    jsonMaxMembers: integer('JSON_MAX_MEMBERS', 10_000, 10, 10_000_000),
    fileMaxBytes: integer('FILE_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    fileMaxPages: integer('FILE_MAX_PAGES', 500, 1, 100_000),
    fileCheckTimeoutMs: integer('FILE_CHECK_TIMEOUT_MS', 15_000, 100, 600_000),
    fileCheckMemoryMb: integer('FILE_CHECK_MEMORY_MB', 256, 32, 8192),
    readingOcrWorkers: integer('READING_OCR_WORKERS', availableParallelism(), 1, 64),
    readingPageTimeoutMs: integer('READING_PAGE_TIMEOUT_MS', 120_000, 1_000, 3_600_000),
    readingOnUpload,
    pdfThreads: integer('PDF_THREADS', 2, 1, 64),
    pdfRenderTimeoutMs: integer('PDF_RENDER_TIMEOUT_MS', 60_000, 100, 600_000),
    pdfRenderMemoryMb: integer('PDF_RENDER_MEMORY_MB', 1024, 64, 16_384),
    deliveryDefaultAckHours: integer('DELIVERY_DEFAULT_ACK_HOURS', 72, 1, 8760),
    forwardScope: forwardScope === 'any' ? 'any' : 'subtree',
    officeHoursStart,
    officeHoursEnd,
    officeWeekdays,
    escalationSweepIntervalSeconds: integer('ESCALATION_SWEEP_INTERVAL_SECONDS', 60, 1, 3600),
    escalationSweepBatch: integer('ESCALATION_SWEEP_BATCH', 5000, 1, 1_000_000),
    queueEnqueueTimeoutMs: integer('QUEUE_ENQUEUE_TIMEOUT_MS', 1000, 50, 60_000),
    queueConcurrency: integer('QUEUE_CONCURRENCY', 8, 1, 256),
    queueLockDurationMs: integer('QUEUE_LOCK_DURATION_MS', 30_000, 1000, 600_000),
    smtpUrl,
    smtpFrom: read('SMTP_FROM', 'saraban@localhost'),
    smtpTimeoutMs: integer('SMTP_TIMEOUT_MS', 30_000, 100, 600_000),
    webhookUrls,
    digestTime: timeOfDay('DIGEST_TIME', '08:00'),
    queueSessionTtlSeconds: integer('QUEUE_SESSION_TTL_SECONDS', 600, 30, 86_400),
    metricsToken: metricsToken === '' ? null : metricsToken,
    auditSigningKey,
    auditCheckpointIntervalMinutes: integer('AUDIT_CHECKPOINT_INTERVAL_MINUTES', 60, 1, 10_080),
    generatedSecretsFile,
    trustProxy,
    testClockFile: testClockFile === '' || nodeEnv !== 'test' ? null : resolve(testClockFile),
    mailboxes,
    mailboxPollSeconds: integer('MAILBOX_POLL_SECONDS', 60, 5, 86_400),
    mailboxTimeoutMs: integer('MAILBOX_TIMEOUT_MS', 30_000, 100, 600_000),
    mailboxBatch: integer('MAILBOX_BATCH', 50, 1, 10_000),
    mailboxMessageMaxBytes: integer(
      'MAILBOX_MESSAGE_MAX_BYTES',
      32 * 1024 * 1024,
      1024,
      1024 * 1024 * 1024,
    ),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

const MAILBOX_KEYS = new Set([
  'unitId',
  'host',
  'port',
  'tls',
  'user',
  'passwordEnv',
  'folder',
  'processedFolder',
]);

/**
 * MAILBOXES: a JSON array of `{unitId, host, port?, tls?, user, passwordEnv, folder?,
 * processedFolder?}`, one per unit. Every problem is named with its position.
 */
export function readMailboxes(raw: string, env: Env, problems: string[]): MailboxConfig[] {
  if (raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    problems.push('MAILBOXES must be a JSON array of mailboxes');
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.push('MAILBOXES must be a JSON array of mailboxes');
    return [];
  }
  const mailboxes: MailboxConfig[] = [];
  const units = new Set<string>();
  parsed.forEach((item: unknown, index) => {
    const at = `MAILBOXES[${index}]`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const entry = item as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(entry)) {
      if (!MAILBOX_KEYS.has(key)) problems.push(`${at}.${key} is not a mailbox setting`);
    }
    const text = (key: string, fallback?: string): string => {
      const value = entry[key] ?? fallback;
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${at}.${key} must be a non-empty string`);
        return '';
      }
      return value;
    };
    const unitId = text('unitId');
    if (unitId && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(unitId))
      problems.push(`${at}.unitId must be a unit's id (uuid)`);
    if (units.has(unitId.toLowerCase())) problems.push(`${at}.unitId has a mailbox already`);
    units.add(unitId.toLowerCase());
    const tls = entry.tls ?? true;
    if (typeof tls !== 'boolean') problems.push(`${at}.tls must be true or false`);
    const port = entry.port ?? (tls === false ? 143 : 993);
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65_535)
      problems.push(`${at}.port must be a whole number from 1 to 65535`);
    const passwordEnv = text('passwordEnv');
    const namesVariable = /^[A-Z_][A-Z0-9_]*$/.test(passwordEnv);
    if (passwordEnv && !namesVariable)
      problems.push(`${at}.passwordEnv must name an environment variable (A–Z, 0–9, _)`);
    const password = namesVariable ? (env[passwordEnv] ?? '') : '';
    if (namesVariable && password === '')
      problems.push(`${at}.passwordEnv names ${passwordEnv}, which is not set`);
    const host = text('host');
    const user = text('user');
    const folder = text('folder', 'INBOX');
    const processedFolder = text('processedFolder', 'Processed');
    if (folder && folder === processedFolder)
      problems.push(`${at}.processedFolder must differ from folder`);
    if (problems.length > before) return;
    mailboxes.push({
      unitId: unitId.toLowerCase(),
      host,
      port: port as number,
      tls: tls as boolean,
      user,
      passwordEnv,
      password,
      folder,
      processedFolder,
    });
  });
  return mailboxes;
}

/** Hides a password in a connection URL before it is printed. */
export function redact(raw: string): string {
  try {
    const parsed = new URL(raw);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return raw.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Injection token for the configuration object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
