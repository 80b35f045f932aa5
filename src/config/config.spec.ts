import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_ACCESS_SECRET, loadConfig, redact } from 'src/config/config.js';

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
      usingDevelopmentSecrets: true,
    });
    expect(config.jwtAccessSecret).toBe(DEVELOPMENT_ACCESS_SECRET);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'not a url'],
    ['REDIS_URL', 'http://127.0.0.1'],
    ['LOG_LEVEL', 'loud'],
    ['NODE_ENV', 'staging'],
    ['QUEUE_PREFIX', 'bad prefix!'],
    ['JWT_ACCESS_SECRET', 'short'],
    ['AUDIT_SIGNING_KEY', 'not a key'],
    ['AUDIT_CHECKPOINT_INTERVAL_MINUTES', '0'],
    ['ACCESS_TOKEN_TTL', '-5'],
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

  it('lists every bad variable at once', () => {
    expect(() => loadConfig({ PORT: 'x', REDIS_URL: 'y' })).toThrow(
      expect.objectContaining({
        problems: [expect.stringContaining('REDIS_URL'), expect.stringContaining('PORT')],
      }),
    );
  });

  it('refuses the development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_ACCESS_SECRET/);
    const secret = 'x'.repeat(40);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_ACCESS_SECRET: secret,
        JWT_REFRESH_SECRET: `${secret}y`,
        AUDIT_SIGNING_KEY: ed25519Base64(),
      }).usingDevelopmentSecrets,
    ).toBe(false);
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

function ed25519Base64(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
}
