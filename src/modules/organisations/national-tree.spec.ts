import { describe, expect, it } from 'vitest';
import {
  buildNationalTree,
  countByKind,
  loadAddressRows,
  readLetterCodes,
} from 'src/modules/organisations/national-tree.js';

describe('national tree', () => {
  it('builds a tree whose parents come first and whose keys are unique', async () => {
    const units = buildNationalTree(await loadAddressRows(), readLetterCodes());
    const seen = new Set<string>();
    for (const unit of units) {
      if (unit.parentSeedKey !== null) expect(seen.has(unit.parentSeedKey)).toBe(true);
      expect(seen.has(unit.seedKey)).toBe(false);
      seen.add(unit.seedKey);
    }
    const counts = countByKind(units);
    expect(counts.ministry).toBe(1);
    expect(counts.department).toBe(3);
    expect(counts.province).toBe(77);
    expect(counts.provincial_office).toBe(76);
    expect(counts.provincial_division).toBe(76 * 4);
    expect(counts.provincial_local_admin_office).toBe(76);
    expect(counts.provincial_administration).toBe(76);
    expect(counts.district).toBe(928);
    expect(counts.town_municipality! + counts.city_municipality!).toBe(76);
    expect(units.every((unit) => unit.letterCode)).toBe(true);
  });

  it('names Roi Et as the regulation prints it', async () => {
    const units = buildNationalTree(await loadAddressRows(), readLetterCodes());
    const roiEt = units.find((unit) => unit.seedKey === 'th:ร้อยเอ็ด');
    expect(roiEt).toMatchObject({ nameTh: 'จังหวัดร้อยเอ็ด', letterCode: 'รอ', geocode: '45' });
    expect(units.find((unit) => unit.seedKey === 'th:ร้อยเอ็ด/เมืองร้อยเอ็ด/ในเมือง')).toMatchObject({
      kind: 'town_municipality',
      nameTh: 'เทศบาลเมืองร้อยเอ็ด',
    });
  });
});
