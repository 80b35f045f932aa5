import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import {
  ConfigError,
  GENERATED_SECRETS_FILE,
  defaultPoolSize,
  loadConfig,
  redact,
} from 'src/config/config.js';

const tempDataDir = () => mkdtempSync(join(tmpdir(), 'saraban-config-'));

// The default DATA_DIR is relative: the secrets it generates land in a folder of the test's
// own, not in the checkout.
const checkout = process.cwd();
beforeAll(() => process.chdir(tempDataDir()));
afterAll(() => process.chdir(checkout));

describe('loadConfig', () => {
  it('has a documented default for every variable', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/saraban',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      dataDir: '.data',
      logLevel: 'info',
      queuePrefix: 'saraban',
      accessTokenTtlSeconds: 900,
      trustProxy: [],
    });
    expect(config.generatedSecretsFile).toMatch(/jwt-secrets\.json$/);
  });

  it('sizes the connection pool to the processors unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(loadConfig({}).databasePoolSize).toBe(Math.max(4, 2 * availableParallelism()));
    expect([1, 2, 3, 8].map((processors) => defaultPoolSize(processors))).toEqual([4, 4, 6, 16]);
    expect(loadConfig({ DATABASE_POOL_SIZE: '20' }).databasePoolSize).toBe(20);
  });

  it('generates random JWT secrets once per DATA_DIR, kept private, when none are set', () => {
    const dataDir = tempDataDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, GENERATED_SECRETS_FILE);
    expect(first.generatedSecretsFile).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.jwtAccessSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.jwtRefreshSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.jwtAccessSecret).not.toBe(first.jwtRefreshSecret);
    // Nothing from the repository: the secrets are the file's, and the file is random.
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    expect(kept).toEqual({ access: first.jwtAccessSecret, refresh: first.jwtRefreshSecret });
    // A restart (or a second API process) on the same DATA_DIR signs with the same keys.
    const again = loadConfig({ DATA_DIR: dataDir });
    expect(again.jwtAccessSecret).toBe(first.jwtAccessSecret);
    expect(again.jwtRefreshSecret).toBe(first.jwtRefreshSecret);
    // Another installation gets its own.
    const other = loadConfig({ DATA_DIR: tempDataDir() });
    expect(other.jwtAccessSecret).not.toBe(first.jwtAccessSecret);
    // Set secrets win, and nothing is generated for them.
    const secret = 'z'.repeat(40);
    const set = loadConfig({
      DATA_DIR: tempDataDir(),
      JWT_ACCESS_SECRET: secret,
      JWT_REFRESH_SECRET: `${secret}r`,
    });
    expect(set.jwtAccessSecret).toBe(secret);
    expect(set.generatedSecretsFile).toBeNull();
  });

  it('refuses to write over a damaged secrets file, naming DATA_DIR', () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, GENERATED_SECRETS_FILE), '{"access":"short"}');
    expect(() => loadConfig({ DATA_DIR: dataDir })).toThrow(/DATA_DIR/);
  });

  it.each([
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.10', ['10.0.0.0/8', '192.168.1.10']],
    ['fd00::/8,uniquelocal', ['fd00::/8', 'uniquelocal']],
  ])('reads TRUST_PROXY=%j', (value, expected) => {
    expect(loadConfig({ DATA_DIR: tempDataDir(), TRUST_PROXY: value }).trustProxy).toEqual(
      expected,
    );
  });

  it.each(['true', '*', '10.0.0.0/33', '999.1.1.1', 'proxy.example.org', '10.0.0.1/8/1'])(
    'refuses TRUST_PROXY=%j naming the variable',
    (value) => {
      expect(() => loadConfig({ DATA_DIR: tempDataDir(), TRUST_PROXY: value })).toThrow(
        /TRUST_PROXY/,
      );
    },
  );

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_READ_URL', 'mysql://replica'],
    ['DATABASE_READ_STICKY_SECONDS', '0'],
    ['REDIS_URL', 'http://127.0.0.1'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['QUEUE_PREFIX', 'bad prefix!'],
    ['JWT_ACCESS_SECRET', 'short'],
    ['AUDIT_SIGNING_KEY', 'not a key'],
    ['AUDIT_CHECKPOINT_INTERVAL_MINUTES', '0'],
    ['ACCESS_TOKEN_TTL', '-5'],
    // A clock others can move is never accepted outside tests (development is the default).
    ['TEST_CLOCK_FILE', '/tmp/clock'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toHaveLength(1);
    expect((error as ConfigError).problems[0]).toContain(name);
  });

  it('takes a test clock file only under NODE_ENV=test', () => {
    const dataDir = tempDataDir();
    expect(loadConfig({ DATA_DIR: dataDir }).testClockFile).toBeNull();
    expect(
      loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', TEST_CLOCK_FILE: 'clock' }).testClockFile,
    ).toBe(join(process.cwd(), 'clock'));
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir, TEST_CLOCK_FILE: 'clock' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toContain('TEST_CLOCK_FILE');
  });

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', REDIS_URL: 'y' })).toThrow(
      expect.objectContaining({
        problems: [expect.stringContaining('REDIS_URL'), expect.stringContaining('PORT')],
      }),
    );
  });

  it('requires set secrets in production and generates none there', () => {
    const dataDir = tempDataDir();
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(
      /JWT_ACCESS_SECRET/,
    );
    expect(() => statSync(join(dataDir, GENERATED_SECRETS_FILE))).toThrow();
    const secret = 'x'.repeat(40);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: secret,
        JWT_REFRESH_SECRET: `${secret}y`,
        AUDIT_SIGNING_KEY: ed25519Base64(),
      }).generatedSecretsFile,
    ).toBeNull();
  });

  it('requires the audit signing key in production, and takes PEM or base64 DER', () => {
    const secret = 'x'.repeat(40);
    const production = {
      NODE_ENV: 'production',
      JWT_ACCESS_SECRET: secret,
      JWT_REFRESH_SECRET: secret,
    };
    expect(() => loadConfig(production)).toThrow(/AUDIT_SIGNING_KEY must be set in production/);
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(
      loadConfig({ ...production, AUDIT_SIGNING_KEY: pem }).auditSigningKey?.asymmetricKeyType,
    ).toBe('ed25519');
    expect(loadConfig({ AUDIT_SIGNING_KEY: ed25519Base64() }).auditSigningKey).not.toBeNull();
    // Another kind of key is refused by name.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    expect(() =>
      loadConfig({ AUDIT_SIGNING_KEY: rsa.export({ format: 'pem', type: 'pkcs8' }).toString() }),
    ).toThrow(/AUDIT_SIGNING_KEY must be an Ed25519 private key/);
    expect(loadConfig({}).auditSigningKey).toBeNull();
  });

  it('never prints a password', () => {
    expect(redact('postgres://user:hunter2@db:5432/x')).toBe('postgres://user:***@db:5432/x');
  });
});

describe('MAILBOXES', () => {
  const UNIT = '0b1e7a52-3c44-4f7e-9d0a-6a1f0c2b9e11';
  const load = (mailboxes: unknown, env: Record<string, string> = {}) =>
    loadConfig({
      DATA_DIR: tempDataDir(),
      MAILBOXES: typeof mailboxes === 'string' ? mailboxes : JSON.stringify(mailboxes),
      ...env,
    });
  const problemsOf = (mailboxes: unknown, env: Record<string, string> = {}): string[] => {
    try {
      load(mailboxes, env);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    return [];
  };

  it('is off when empty, and reads the password from the variable a mailbox names', () => {
    expect(loadConfig({ DATA_DIR: tempDataDir() }).mailboxes).toEqual([]);
    const config = load(
      [
        {
          unitId: UNIT.toUpperCase(),
          host: 'imap.roiet.go.th',
          user: 'saraban',
          passwordEnv: 'MAILBOX_ROIET',
        },
      ],
      { MAILBOX_ROIET: 'imap-secret' },
    );
    expect(config.mailboxes).toEqual([
      {
        unitId: UNIT,
        host: 'imap.roiet.go.th',
        port: 993,
        tls: true,
        user: 'saraban',
        passwordEnv: 'MAILBOX_ROIET',
        password: 'imap-secret',
        folder: 'INBOX',
        processedFolder: 'Processed',
      },
    ]);
    expect(config.mailboxPollSeconds).toBe(60);
    const plain = load(
      [
        {
          unitId: UNIT,
          host: 'h',
          user: 'u',
          passwordEnv: 'P',
          tls: false,
          folder: 'Saraban',
          processedFolder: 'Saraban/Done',
        },
      ],
      { P: 'x' },
    );
    expect(plain.mailboxes[0]).toMatchObject({ port: 143, tls: false, folder: 'Saraban' });
  });

  it('names every bad mailbox setting, and never prints a password', () => {
    expect(problemsOf('not json')).toEqual(['MAILBOXES must be a JSON array of mailboxes']);
    expect(problemsOf({ unitId: UNIT })).toEqual(['MAILBOXES must be a JSON array of mailboxes']);
    expect(problemsOf(['x'])).toEqual(['MAILBOXES[0] must be an object']);
    const problems = problemsOf(
      [
        {
          unitId: 'roiet',
          host: '',
          user: 'u',
          passwordEnv: 'MISSING',
          port: 70000,
          tls: 'yes',
          password: 'leak',
        },
        {
          unitId: UNIT,
          host: 'h',
          user: 'u',
          passwordEnv: 'lower-case',
          folder: 'INBOX',
          processedFolder: 'INBOX',
        },
        { unitId: UNIT, host: 'h', user: 'u', passwordEnv: 'SET' },
        { unitId: UNIT, host: 'h', user: 'u', passwordEnv: 'SET' },
      ],
      { SET: 'imap-secret' },
    );
    expect(problems).toEqual([
      'MAILBOXES[0].password is not a mailbox setting',
      "MAILBOXES[0].unitId must be a unit's id (uuid)",
      'MAILBOXES[0].tls must be true or false',
      'MAILBOXES[0].port must be a whole number from 1 to 65535',
      'MAILBOXES[0].passwordEnv names MISSING, which is not set',
      'MAILBOXES[0].host must be a non-empty string',
      'MAILBOXES[1].passwordEnv must name an environment variable (A–Z, 0–9, _)',
      'MAILBOXES[1].processedFolder must differ from folder',
      'MAILBOXES[2].unitId has a mailbox already',
      'MAILBOXES[3].unitId has a mailbox already',
    ]);
    expect(problems.join('\n')).not.toContain('imap-secret');
    expect(problems.join('\n')).not.toContain('leak');
  });
});

function ed25519Base64(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}
