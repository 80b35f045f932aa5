/**
 * Roles a user holds in a unit, and secrecy clearances. Policy (what each role may do)
 * lives in src/modules/auth/access.service.ts, the one place access is decided.
 */
export const MEMBERSHIP_ROLES = [
  { code: 'clerk', label: 'เจ้าหน้าที่สารบรรณ' },
  { code: 'official', label: 'เจ้าหน้าที่ผู้ปฏิบัติ' },
  { code: 'head', label: 'หัวหน้าหน่วยงาน' },
  { code: 'admin', label: 'ผู้ดูแลระบบของหน่วยงาน' },
] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]['code'];
export const MEMBERSHIP_ROLE_CODES: readonly MembershipRole[] = MEMBERSHIP_ROLES.map((r) => r.code);

/**
 * Secrecy clearance, lowest first (ระเบียบว่าด้วยการรักษาความลับของทางราชการ พ.ศ. ๒๕๔๔).
 * ลับที่สุด (top secret) stays out of the electronic system, so no clearance reaches it.
 */
export const CLEARANCES = [
  { code: 'none', label: 'ไม่มี', rank: 0 },
  { code: 'confidential', label: 'ลับ', rank: 1 },
  { code: 'secret', label: 'ลับมาก', rank: 2 },
] as const;
export type Clearance = (typeof CLEARANCES)[number]['code'];
export const CLEARANCE_CODES: readonly Clearance[] = CLEARANCES.map((c) => c.code);

/** Secrecy class of a document; `top_secret` exists only so it can be refused. */
export type SecrecyLevel = 'none' | 'confidential' | 'secret' | 'top_secret';

export function secrecyRank(level: SecrecyLevel): number {
  switch (level) {
    case 'none':
      return 0;
    case 'confidential':
      return 1;
    case 'secret':
      return 2;
    case 'top_secret':
      return 3;
  }
}

export function clearanceRank(clearance: Clearance): number {
  return secrecyRank(clearance);
}
