import type { MeResponse } from 'src/modules/auth/auth.dto.js';
import type { Principal } from 'src/modules/auth/principal.js';

/**
 * Who is signed in, as `GET /me` and the console's session start answer it: the user, the
 * live memberships, one entry per unit acted for (with every role held there), the acting
 * spans, and `unitIds` (AccessService.actingUnitIds, the units acted for right now).
 */
export function describeMe(principal: Principal, unitIds: string[]): MeResponse {
  const units = new Map<
    string,
    { unitId: string; unitName: string; roles: string[]; seesSubtree: boolean }
  >();
  for (const grant of principal.grants) {
    const entry = units.get(grant.unitId) ?? {
      unitId: grant.unitId,
      unitName: grant.unitName,
      roles: [],
      seesSubtree: false,
    };
    if (!entry.roles.includes(grant.role)) entry.roles.push(grant.role);
    entry.seesSubtree ||= grant.role === 'head' || grant.role === 'admin';
    units.set(grant.unitId, entry);
  }
  return {
    user: {
      id: principal.userId,
      username: principal.username,
      displayName: principal.displayName,
      positionTitle: principal.positionTitle,
      clearance: principal.clearance,
    },
    memberships: principal.grants.map((grant) => ({
      id: grant.membershipId,
      unitId: grant.unitId,
      unitName: grant.unitName,
      role: grant.role,
      acting: grant.acting,
      startsAt: grant.startsAt,
      endsAt: grant.endsAt,
    })),
    units: [...units.values()],
    actingHeadOf: principal.grants
      .filter((grant) => grant.acting)
      .map((grant) => ({
        unitId: grant.unitId,
        unitName: grant.unitName,
        startsAt: grant.startsAt,
        endsAt: grant.endsAt,
      })),
    unitIds,
  };
}
