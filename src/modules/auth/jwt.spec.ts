import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signJwt, verifyJwt } from 'src/modules/auth/jwt.js';

const SECRET = 'a-test-secret-that-is-long-enough-000000';
const NOW = 1_800_000_000;
const claims = { sub: 'user-1', iat: NOW, exp: NOW + 900, sid: 'session-1' };

function forge(header: object, payload: object, secret = SECRET): string {
  const h = Buffer.from(JSON.stringify(header)).toString('base64url');
  const p = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const s = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return `${h}.${p}.${s}`;
}

describe('HS256 JWT', () => {
  it('round-trips its own tokens', () => {
    const token = signJwt(claims, SECRET, 'at+jwt');
    expect(verifyJwt(token, SECRET, 'at+jwt', NOW + 1)).toEqual({ ok: true, claims });
  });

  it.each([
    [
      'alg none, empty signature',
      `${forge({ alg: 'none', typ: 'at+jwt' }, claims).split('.').slice(0, 2).join('.')}.`,
      'malformed',
    ],
    ['alg none with a signature', forge({ alg: 'none', typ: 'at+jwt' }, claims), 'alg_not_allowed'],
    ['alg HS512', forge({ alg: 'HS512', typ: 'at+jwt' }, claims), 'alg_not_allowed'],
    ['alg hs256 (case)', forge({ alg: 'hs256', typ: 'at+jwt' }, claims), 'alg_not_allowed'],
    ['alg RS256', forge({ alg: 'RS256', typ: 'at+jwt' }, claims), 'alg_not_allowed'],
    ['refresh typ as access', forge({ alg: 'HS256', typ: 'rt+jwt' }, claims), 'typ_mismatch'],
    ['no typ', forge({ alg: 'HS256' }, claims), 'typ_mismatch'],
    ['crit header', forge({ alg: 'HS256', typ: 'at+jwt', crit: ['x'] }, claims), 'bad_header'],
    [
      'wrong key',
      forge({ alg: 'HS256', typ: 'at+jwt' }, claims, 'another-secret'),
      'bad_signature',
    ],
    ['missing exp', forge({ alg: 'HS256', typ: 'at+jwt' }, { sub: 'u', iat: NOW }), 'bad_claims'],
    [
      'fractional exp',
      forge({ alg: 'HS256', typ: 'at+jwt' }, { ...claims, exp: NOW + 0.5 }),
      'bad_claims',
    ],
    ['expired', forge({ alg: 'HS256', typ: 'at+jwt' }, { ...claims, exp: NOW }), 'expired'],
    [
      'issued in the future',
      forge({ alg: 'HS256', typ: 'at+jwt' }, { ...claims, iat: NOW + 600, exp: NOW + 1200 }),
      'issued_in_future',
    ],
    ['two segments', 'abc.def', 'malformed'],
    ['not base64url', 'a+b.c.d', 'malformed'],
  ])('refuses %s', (_name, token, reason) => {
    expect(verifyJwt(token, SECRET, 'at+jwt', NOW)).toEqual({ ok: false, reason });
  });

  it('refuses a token whose payload was edited after signing', () => {
    const [h, , s] = signJwt(claims, SECRET, 'at+jwt').split('.');
    const p = Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url');
    expect(verifyJwt(`${h}.${p}.${s}`, SECRET, 'at+jwt', NOW)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });
});
