import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, parseEd25519PrivateKey } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';

/**
 * The Ed25519 key that signs audit checkpoints: AUDIT_SIGNING_KEY (required in
 * production). Outside production, without it, a key is made on first use and kept in
 * DATA_DIR/audit-signing-key.pem (mode 0600) so that checkpoints of one development
 * database keep verifying across restarts; its checkpoints prove nothing to an outsider.
 */
@Injectable()
export class AuditSigningKey {
  private key: KeyObject | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = config.auditSigningKey;
  }

  privateKey(): KeyObject {
    this.key ??= this.developmentKey();
    return this.key;
  }

  /** The public half as SPKI PEM, as printed in a checkpoint. */
  publicKeyPem(): string {
    return createPublicKey(this.privateKey()).export({ format: 'pem', type: 'spki' }).toString();
  }

  private developmentKey(): KeyObject {
    if (this.config.nodeEnv === 'production') {
      throw new Error('AUDIT_SIGNING_KEY must be set in production');
    }
    const path = resolve(this.config.dataDir, 'audit-signing-key.pem');
    try {
      const key = parseEd25519PrivateKey(readFileSync(path, 'utf8'));
      if (key) return key;
    } catch {
      // Not there yet: made below.
    }
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(path), { recursive: true });
    try {
      // `wx`: of two processes starting together, one writes and the other reads its key.
      writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), {
        mode: 0o600,
        flag: 'wx',
      });
      logger.warn({ path }, 'audit checkpoints are signed with a development key');
      return privateKey;
    } catch {
      const key = parseEd25519PrivateKey(readFileSync(path, 'utf8'));
      if (!key) throw new Error(`${path} is not an Ed25519 private key`);
      return key;
    }
  }
}
