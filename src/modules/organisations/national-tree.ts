import { readFileSync } from 'node:fs';
import type { UnitKind } from 'src/modules/organisations/unit-kind.js';

/**
 * The national unit tree, built from DOPA area data (thai-address-universal) and the
 * provinces' letter codes. It is an APPROXIMATION for demonstrations and load tests:
 *
 * - Ministry of Interior → Office of the Permanent Secretary, Department of Local
 *   Administration, Department of Provincial Administration (departments, no children).
 * - Ministry → each of the 76 provinces → provincial office (with four divisions),
 *   provincial local-administration office (สถจ.), provincial administration
 *   organisation (อบจ.), and every district (อำเภอ).
 * - Each district → one local administration per subdistrict (ตำบล). The seat
 *   subdistrict of the capital district becomes the city (เทศบาลนคร, for a fixed list of
 *   provinces) or town municipality (เทศบาลเมือง); the seat of every other district a
 *   subdistrict municipality (เทศบาลตำบล); the rest subdistrict administration
 *   organisations (อบต.). Real boundaries differ: a municipality may span subdistricts.
 * - Bangkok is a special local government with no provincial office, สถจ., อบจ. or
 *   subdistrict administrations: it gets its province unit and its 50 district offices.
 *
 * Natural keys (`seed_key`) are name paths (`th:<province>/<district>/<subdistrict>`),
 * because the data's geocodes are missing for some rows (mostly Bueng Kan and Chumphon)
 * and repeated for others; the geocode is kept on the unit where the data has one.
 */

export interface AddressRow {
  province: string;
  district: string;
  subDistrict: string;
  provinceCode: string;
  districtCode: string;
  subDistrictCode: string;
}

export interface SeedUnit {
  seedKey: string;
  parentSeedKey: string | null;
  kind: UnitKind;
  nameTh: string;
  shortName: string | null;
  letterCode: string | null;
  ownerNumber: string | null;
  headPosition: string | null;
  geocode: string | null;
}

export const BANGKOK = 'กรุงเทพมหานคร';
export const MINISTRY_KEY = 'moi';

/** Provinces whose capital municipality is a city municipality (เทศบาลนคร); approximate. */
const CITY_MUNICIPALITY_PROVINCES = new Set([
  'เชียงใหม่',
  'เชียงราย',
  'ลำปาง',
  'พิษณุโลก',
  'นครสวรรค์',
  'นครราชสีมา',
  'ขอนแก่น',
  'อุดรธานี',
  'อุบลราชธานี',
  'สกลนคร',
  'นครปฐม',
  'นนทบุรี',
  'สมุทรปราการ',
  'สมุทรสาคร',
  'ระยอง',
  'ภูเก็ต',
  'สุราษฎร์ธานี',
  'นครศรีธรรมราช',
  'ตรัง',
  'ยะลา',
  'สงขลา',
  'พระนครศรีอยุธยา',
]);

/** The provincial office's divisions (กลุ่มงาน / ฝ่าย) and their owner-number suffixes. */
const PROVINCIAL_DIVISIONS = [
  { key: 'admin', name: 'ฝ่ายบริหารทั่วไป', short: 'ฝบท.', owner: '0017.1' },
  {
    key: 'strategy',
    name: 'กลุ่มงานยุทธศาสตร์และข้อมูลเพื่อการพัฒนาจังหวัด',
    short: 'กยข.',
    owner: '0017.2',
  },
  { key: 'strategy-management', name: 'กลุ่มงานบริหารยุทธศาสตร์', short: 'กบย.', owner: '0017.3' },
  {
    key: 'information',
    name: 'กลุ่มงานข้อมูลสารสนเทศและการสื่อสาร',
    short: 'กขส.',
    owner: '0017.4',
  },
] as const;

export function provinceKey(province: string): string {
  return `th:${province}`;
}
export function districtKey(province: string, district: string): string {
  return `th:${province}/${district}`;
}
export function subdistrictKey(province: string, district: string, subDistrict: string): string {
  return `th:${province}/${district}/${subDistrict}`;
}

/** Reads `province_th<TAB>code` lines; `#` starts a comment. */
export function parseLetterCodes(tsv: string): Map<string, string> {
  const codes = new Map<string, string>();
  for (const line of tsv.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [province, code] = line.split('\t').map((part) => part.trim());
    if (province && code) codes.set(province, code);
  }
  return codes;
}

export function readLetterCodes(): Map<string, string> {
  // Copied to dist by nest-cli.json `assets`; the repository never reads ../shared.
  const file = new URL('./data/province-letter-codes.tsv', import.meta.url);
  return parseLetterCodes(readFileSync(file, 'utf8'));
}

/** Every (province, district, subdistrict) of thai-address-universal with its geocodes. */
export async function loadAddressRows(): Promise<AddressRow[]> {
  const address = await import('thai-address-universal');
  await address.getProvinceAll(); // loads the Thai dataset
  await address.setGeoMode(true);
  const rows = address.getDatabase();
  if (!address.getGeoMode() || !rows.some((row) => row.province_code)) {
    throw new Error('thai-address-universal did not load its geocodes');
  }
  return rows.map((row) => ({
    province: row.province,
    district: row.district,
    subDistrict: row.sub_district,
    provinceCode: row.province_code ?? '',
    districtCode: row.district_code ?? '',
    subDistrictCode: row.sub_district_code ?? '',
  }));
}

function unit(fields: SeedUnit): SeedUnit {
  return fields;
}

/** The ministry and its three departments (both the demo and the national seed have them). */
export function ministryUnits(): SeedUnit[] {
  const department = (
    key: string,
    nameTh: string,
    shortName: string,
    owner: string,
    head: string,
  ) =>
    unit({
      seedKey: `${MINISTRY_KEY}/${key}`,
      parentSeedKey: MINISTRY_KEY,
      kind: 'department',
      nameTh,
      shortName,
      letterCode: 'มท',
      ownerNumber: owner,
      headPosition: head,
      geocode: null,
    });
  return [
    unit({
      seedKey: MINISTRY_KEY,
      parentSeedKey: null,
      kind: 'ministry',
      nameTh: 'กระทรวงมหาดไทย',
      shortName: 'มท.',
      letterCode: 'มท',
      ownerNumber: null,
      headPosition: 'รัฐมนตรีว่าการกระทรวงมหาดไทย',
      geocode: null,
    }),
    department('ops', 'สำนักงานปลัดกระทรวงมหาดไทย', 'สป.มท.', '0200', 'ปลัดกระทรวงมหาดไทย'),
    department('dla', 'กรมส่งเสริมการปกครองท้องถิ่น', 'สถ.', '0800', 'อธิบดีกรมส่งเสริมการปกครองท้องถิ่น'),
    department('dopa', 'กรมการปกครอง', 'ปค.', '0300', 'อธิบดีกรมการปกครอง'),
  ];
}

interface District {
  name: string;
  code: string;
  subdistricts: Map<string, string>; // name → geocode ('' when unknown)
}

interface Province {
  name: string;
  code: string;
  districts: Map<string, District>;
}

function group(rows: AddressRow[]): Map<string, Province> {
  const provinces = new Map<string, Province>();
  for (const row of rows) {
    let province = provinces.get(row.province);
    if (!province) {
      province = { name: row.province, code: row.provinceCode, districts: new Map() };
      provinces.set(row.province, province);
    }
    let district = province.districts.get(row.district);
    if (!district) {
      district = { name: row.district, code: row.districtCode, subdistricts: new Map() };
      province.districts.set(row.district, district);
    }
    district.code ||= row.districtCode;
    // The same subdistrict appears once per postal code; keep the first known geocode.
    if (!district.subdistricts.get(row.subDistrict)) {
      district.subdistricts.set(row.subDistrict, row.subDistrictCode);
    }
  }
  return provinces;
}

/** The district's seat subdistrict: geocode <district>01, else the lowest code, else first by name. */
function seatOf(district: District): string {
  const entries = [...district.subdistricts.entries()];
  const byCode = entries.find(([, code]) => district.code && code === `${district.code}01`);
  if (byCode) return byCode[0];
  const coded = entries.filter(([, code]) => code).sort((a, b) => a[1].localeCompare(b[1]));
  if (coded.length > 0) return coded[0][0];
  return entries.map(([name]) => name).sort()[0];
}

function localAdministration(
  province: Province,
  district: District,
  subDistrict: string,
  isCapitalDistrict: boolean,
  seat: string,
): Pick<SeedUnit, 'kind' | 'nameTh' | 'shortName' | 'headPosition'> {
  if (subDistrict === seat && isCapitalDistrict) {
    const city = CITY_MUNICIPALITY_PROVINCES.has(province.name);
    const nameTh = `${city ? 'เทศบาลนคร' : 'เทศบาลเมือง'}${province.name}`;
    return {
      kind: city ? 'city_municipality' : 'town_municipality',
      nameTh,
      shortName: `${city ? 'ทน.' : 'ทม.'}${province.name}`,
      headPosition: `นายกเทศมนตรี${city ? 'นคร' : 'เมือง'}${province.name}`,
    };
  }
  if (subDistrict === seat) {
    return {
      kind: 'subdistrict_municipality',
      nameTh: `เทศบาลตำบล${subDistrict}`,
      shortName: `ทต.${subDistrict}`,
      headPosition: `นายกเทศมนตรีตำบล${subDistrict}`,
    };
  }
  return {
    kind: 'subdistrict_administration',
    nameTh: `องค์การบริหารส่วนตำบล${subDistrict}`,
    shortName: `อบต.${subDistrict}`,
    headPosition: `นายกองค์การบริหารส่วนตำบล${subDistrict}`,
  };
}

/** Parents always come before their children (the seed inserts level by level). */
export function buildNationalTree(
  rows: AddressRow[],
  letterCodes: Map<string, string>,
): SeedUnit[] {
  const units = ministryUnits();
  const provinces = [...group(rows).values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const province of provinces) {
    const letterCode = letterCodes.get(province.name) ?? null;
    const pKey = provinceKey(province.name);
    const bangkok = province.name === BANGKOK;
    units.push(
      unit({
        seedKey: pKey,
        parentSeedKey: MINISTRY_KEY,
        kind: 'province',
        nameTh: bangkok ? BANGKOK : `จังหวัด${province.name}`,
        shortName: bangkok ? 'กทม.' : `จ.${province.name}`,
        letterCode,
        ownerNumber: null,
        headPosition: bangkok ? 'ผู้ว่าราชการกรุงเทพมหานคร' : `ผู้ว่าราชการจังหวัด${province.name}`,
        geocode: province.code || null,
      }),
    );
    if (!bangkok) {
      const officeKey = `${pKey}#office`;
      units.push(
        unit({
          seedKey: officeKey,
          parentSeedKey: pKey,
          kind: 'provincial_office',
          nameTh: `สำนักงานจังหวัด${province.name}`,
          shortName: `สนจ.${province.name}`,
          letterCode,
          ownerNumber: '0017',
          headPosition: `หัวหน้าสำนักงานจังหวัด${province.name}`,
          geocode: null,
        }),
        ...PROVINCIAL_DIVISIONS.map((division) =>
          unit({
            seedKey: `${officeKey}/${division.key}`,
            parentSeedKey: officeKey,
            kind: 'provincial_division',
            nameTh: `${division.name} สำนักงานจังหวัด${province.name}`,
            shortName: division.short,
            letterCode,
            ownerNumber: division.owner,
            headPosition: `หัวหน้า${division.name}`,
            geocode: null,
          }),
        ),
        unit({
          seedKey: `${pKey}#dla`,
          parentSeedKey: pKey,
          kind: 'provincial_local_admin_office',
          nameTh: `สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด${province.name}`,
          shortName: `สถจ.${province.name}`,
          letterCode,
          ownerNumber: '0023',
          headPosition: `ท้องถิ่นจังหวัด${province.name}`,
          geocode: null,
        }),
        unit({
          seedKey: `${pKey}#pao`,
          parentSeedKey: pKey,
          kind: 'provincial_administration',
          nameTh: `องค์การบริหารส่วนจังหวัด${province.name}`,
          shortName: `อบจ.${province.name}`,
          letterCode,
          ownerNumber: null,
          headPosition: `นายกองค์การบริหารส่วนจังหวัด${province.name}`,
          geocode: null,
        }),
      );
    }
    const districts = [...province.districts.values()].sort(
      (a, b) => a.code.localeCompare(b.code) || a.name.localeCompare(b.name),
    );
    for (const district of districts) {
      const dKey = districtKey(province.name, district.name);
      units.push(
        unit({
          seedKey: dKey,
          parentSeedKey: pKey,
          kind: 'district',
          nameTh: bangkok ? `สำนักงานเขต${district.name}` : `อำเภอ${district.name}`,
          shortName: bangkok ? `เขต${district.name}` : `อ.${district.name}`,
          letterCode,
          ownerNumber: null,
          headPosition: bangkok ? `ผู้อำนวยการเขต${district.name}` : `นายอำเภอ${district.name}`,
          geocode: district.code || null,
        }),
      );
      if (bangkok) continue;
      const capital = district.name === `เมือง${province.name}` || district.name === province.name;
      const seat = seatOf(district);
      const subdistricts = [...district.subdistricts.entries()].sort((a, b) =>
        a[0].localeCompare(b[0]),
      );
      for (const [subDistrict, geocode] of subdistricts) {
        units.push(
          unit({
            seedKey: subdistrictKey(province.name, district.name, subDistrict),
            parentSeedKey: dKey,
            ...localAdministration(province, district, subDistrict, capital, seat),
            letterCode,
            ownerNumber: null,
            geocode: geocode || null,
          }),
        );
      }
    }
  }
  return units;
}

export function countByKind(units: SeedUnit[]): Partial<Record<UnitKind, number>> {
  const counts: Partial<Record<UnitKind, number>> = {};
  for (const seedUnit of units) counts[seedUnit.kind] = (counts[seedUnit.kind] ?? 0) + 1;
  return counts;
}
