import type { Clearance, MembershipRole } from 'src/modules/users/roles.js';

/** A unit the user acts for right now, through a membership or an acting-head span. */
export interface UnitGrant {
  membershipId: string;
  unitId: string;
  /** Materialised path of the unit, read on this request (never from the token). */
  unitPath: string;
  unitName: string;
  role: MembershipRole;
  /** รักษาราชการแทน */
  acting: boolean;
  startsAt: Date;
  endsAt: Date | null;
}

/**
 * The signed-in user as loaded from PostgreSQL on every request. Tokens carry only the
 * user id and the session id; roles and units always come from here.
 */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  positionTitle: string | null;
  clearance: Clearance;
  sessionId: string;
  grants: UnitGrant[];
}

/** Where a unit sits in the tree: enough to decide access. */
export interface UnitRef {
  id: string;
  path: string;
}
