import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from 'src/common/clock.js';
import { DomainError } from 'src/common/domain-error.js';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { AuditService } from 'src/modules/audit/audit.service.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthErrors } from 'src/modules/auth/auth.errors.js';
import { AuthRepository } from 'src/modules/auth/auth.repository.js';
import { signJwt, verifyJwt } from 'src/modules/auth/jwt.js';
import { LoginThrottle } from 'src/modules/auth/login-throttle.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { burnPasswordCheck, verifyPassword } from 'src/modules/users/password.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  tokenType: 'Bearer';
}

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Sign-in, refresh-token rotation, sign-out, and turning an access token into a principal. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: AuthRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** How long a refresh token (and so the browser's refresh cookie) lives. */
  get refreshTokenTtlSeconds(): number {
    return this.config.refreshTokenTtlSeconds;
  }

  async login(usernameInput: string, password: string, clientIp: string): Promise<TokenPair> {
    const username = usernameInput.trim().toLowerCase();
    const retryAfter = await this.throttle.retryAfter(username, clientIp);
    if (retryAfter !== null) {
      throw new DomainError(AuthErrors.LOGIN_THROTTLED, { data: { retryAfter } });
    }
    const user = await this.repository.findLoginUser(username);
    const valid = user
      ? (await verifyPassword(user.passwordHash, password)) && user.active
      : (await burnPasswordCheck(password), false);
    if (!user || !valid) {
      await this.throttle.recordFailure(username, clientIp);
      logger.warn({ ip: clientIp }, 'sign-in failed');
      throw new DomainError(AuthErrors.INVALID_CREDENTIALS);
    }
    await this.throttle.recordSuccess(username, clientIp);
    const familyId = randomUUID();
    return this.dataSource.transaction(async (manager) => {
      const pair = await this.issue(manager, user.id, familyId, null);
      await this.audit.record(manager, {
        actor: { userId: user.id, name: user.username },
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        data: { sessionId: familyId, ip: clientIp },
      });
      return pair;
    });
  }

  /**
   * Rotates a refresh token. A token that was already used (or revoked) ends the whole
   * session family: whoever holds the newer token is signed out too, because one of the
   * two holders is not the user.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const verified = verifyJwt(
      refreshToken,
      this.config.jwtRefreshSecret,
      'rt+jwt',
      Math.floor(now.getTime() / 1000),
    );
    if (!verified.ok) throw new DomainError(AuthErrors.REFRESH_TOKEN_INVALID);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.findRefreshToken(manager, sha256(refreshToken));
      if (!row || row.expiresAt <= now) return { kind: 'invalid' as const };
      const claimed =
        row.revokedAt === null && (await this.repository.revokeForRotation(manager, row.id, now));
      if (!claimed) {
        const revoked = await this.repository.revokeFamily(
          manager,
          row.familyId,
          now,
          'reuse_detected',
        );
        await this.audit.record(manager, {
          actor: { userId: row.userId, name: 'system' },
          action: 'auth.refresh_token_reused',
          subjectType: 'user',
          subjectId: row.userId,
          data: { sessionId: row.familyId, tokenId: row.id, revokedTokens: revoked },
        });
        return { kind: 'reused' as const };
      }
      if (!(await this.repository.isUserActive(manager, row.userId)))
        return { kind: 'invalid' as const };
      const pair = await this.issue(manager, row.userId, row.familyId, row.id);
      await this.audit.record(manager, {
        actor: { userId: row.userId, name: 'system' },
        action: 'auth.refresh',
        subjectType: 'user',
        subjectId: row.userId,
        data: { sessionId: row.familyId, rotatedFrom: row.id },
      });
      return { kind: 'rotated' as const, pair };
    });
    // Thrown after commit, so the family's revocation stands.
    switch (outcome.kind) {
      case 'invalid':
        throw new DomainError(AuthErrors.REFRESH_TOKEN_INVALID);
      case 'reused':
        logger.warn('refresh token reused; session family revoked');
        throw new DomainError(AuthErrors.REFRESH_TOKEN_REUSED);
      case 'rotated':
        return outcome.pair;
    }
  }

  /**
   * Ends every session of a user whose account an admin closes, in the caller's transaction:
   * no refresh token of theirs works again, and a later reactivation means signing in anew.
   * (Their access tokens already stop at the next request: the principal is read only for an
   * active user.) Returns how many tokens it revoked.
   */
  endSessionsOf(manager: EntityManager, userId: string): Promise<number> {
    return this.repository.revokeUser(manager, userId, this.clock.now(), 'user_deactivated');
  }

  /** Ends the caller's session: its refresh tokens stop working, and so do its access tokens. */
  async logout(principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const revoked = await this.repository.revokeFamily(
        manager,
        principal.sessionId,
        this.clock.now(),
        'logout',
      );
      await this.audit.record(manager, {
        actor: this.access.actor(principal),
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: principal.userId,
        data: { sessionId: principal.sessionId, revokedTokens: revoked },
      });
    });
  }

  /** The principal behind a bearer token, loaded fresh from PostgreSQL; 401 otherwise. */
  async authenticate(accessToken: string): Promise<Principal> {
    const now = this.clock.now();
    const verified = verifyJwt(
      accessToken,
      this.config.jwtAccessSecret,
      'at+jwt',
      Math.floor(now.getTime() / 1000),
    );
    if (!verified.ok || !verified.claims.sid) throw new DomainError(AuthErrors.TOKEN_INVALID);
    const principal = await this.access.loadPrincipal(
      verified.claims.sub,
      verified.claims.sid,
      now,
    );
    if (!principal) throw new DomainError(AuthErrors.TOKEN_INVALID);
    return principal;
  }

  private async issue(
    manager: Parameters<AuthRepository['insertRefreshToken']>[0],
    userId: string,
    familyId: string,
    rotatedFrom: string | null,
  ): Promise<TokenPair> {
    const now = this.clock.now();
    const iat = Math.floor(now.getTime() / 1000);
    const tokenId = randomUUID();
    const accessToken = signJwt(
      {
        sub: userId,
        sid: familyId,
        jti: randomUUID(),
        iat,
        exp: iat + this.config.accessTokenTtlSeconds,
      },
      this.config.jwtAccessSecret,
      'at+jwt',
    );
    const refreshExp = iat + this.config.refreshTokenTtlSeconds;
    const refreshToken = signJwt(
      { sub: userId, sid: familyId, jti: tokenId, iat, exp: refreshExp },
      this.config.jwtRefreshSecret,
      'rt+jwt',
    );
    await this.repository.insertRefreshToken(manager, {
      id: tokenId,
      userId,
      familyId,
      rotatedFrom,
      tokenHash: sha256(refreshToken),
      issuedAt: now,
      expiresAt: new Date(refreshExp * 1000),
    });
    return {
      accessToken,
      refreshToken,
      expiresIn: this.config.accessTokenTtlSeconds,
      tokenType: 'Bearer',
    };
  }
}
