/**
 * Kinds of government unit (หน่วยงาน). Thai labels live here once; everything else uses
 * the codes. Local administrations (องค์กรปกครองส่วนท้องถิ่น, อปท.) are the last five.
 */
export const UNIT_KINDS = [
  { code: 'ministry', label: 'กระทรวง' },
  { code: 'department', label: 'กรม / ส่วนราชการระดับกรม' },
  { code: 'province', label: 'จังหวัด' },
  { code: 'provincial_office', label: 'สำนักงานจังหวัด' },
  { code: 'provincial_division', label: 'กลุ่มงาน / ฝ่าย' },
  { code: 'provincial_local_admin_office', label: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด (สถจ.)' },
  { code: 'district', label: 'อำเภอ / เขต' },
  { code: 'district_local_admin_office', label: 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ (สถอ.)' },
  { code: 'provincial_administration', label: 'องค์การบริหารส่วนจังหวัด (อบจ.)' },
  { code: 'city_municipality', label: 'เทศบาลนคร' },
  { code: 'town_municipality', label: 'เทศบาลเมือง' },
  { code: 'subdistrict_municipality', label: 'เทศบาลตำบล' },
  { code: 'subdistrict_administration', label: 'องค์การบริหารส่วนตำบล (อบต.)' },
  { code: 'other', label: 'อื่น ๆ' },
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number]['code'];
export const UNIT_KIND_CODES: readonly UnitKind[] = UNIT_KINDS.map((kind) => kind.code);

/** How a unit prints the digits of its reference numbers (ที่); registers read it. */
export const REFERENCE_DIGITS = ['thai', 'arabic'] as const;
export type ReferenceDigits = (typeof REFERENCE_DIGITS)[number];

export function unitKindLabel(kind: UnitKind): string {
  return UNIT_KINDS.find((entry) => entry.code === kind)?.label ?? kind;
}
