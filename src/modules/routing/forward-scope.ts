import type { MembershipRole } from 'src/modules/users/roles.js';

/**
 * Whom a unit forwards to (FORWARD_SCOPE=subtree). A provincial office (สำนักงานจังหวัด)
 * and its divisions (กลุ่มงาน) send in the province's name: a division's owner number
 * (เลขประจำของเจ้าของเรื่อง, `รอ ๐๐๑๗.๓`) sits under the province's letter code, and its
 * letters go to the province's districts and local administrations, not to units below the
 * division (it has none). So the scope of a forward is the subtree of the sender's
 * organisation: the nearest unit at or above the sender whose kind is not one of these.
 * The organisation itself and the sender are never recipients.
 */
export const SENDS_IN_PARENT_NAME_KINDS = ['provincial_office', 'provincial_division'] as const;

/**
 * Roles that may send a letter on from a unit: its registry (clerks, heads, admins) and
 * its officials (ผู้ปฏิบัติ), who write the minute (เกษียน) and send the letter on with it.
 * Returns and cancellations stay with the registry.
 */
export const FORWARDING_ROLES: ReadonlySet<MembershipRole> = new Set<MembershipRole>([
  'clerk',
  'head',
  'admin',
  'official',
]);

/** Local administrations (องค์กรปกครองส่วนท้องถิ่น, อปท.). */
export const LOCAL_ADMINISTRATION_KINDS = [
  'provincial_administration',
  'city_municipality',
  'town_municipality',
  'subdistrict_municipality',
  'subdistrict_administration',
] as const;

/** Quick picks of the recipient picker: every unit of these kinds in the scope. */
export const QUICK_PICKS = [
  { key: 'districts', labelTh: 'ทุกอำเภอ', subtreeKinds: ['district'] },
  {
    key: 'local_administrations',
    labelTh: 'ทุก อปท.',
    subtreeKinds: [...LOCAL_ADMINISTRATION_KINDS],
  },
  { key: 'divisions', labelTh: 'ทุกกลุ่มงาน', subtreeKinds: ['provincial_division'] },
] as const;
