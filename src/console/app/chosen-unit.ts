const UNIT_KEY = 'saraban.unit';

/** The unit picked earlier in this tab, if any (checked against /me when that arrives). */
export function chosenUnitId(): string | null {
  return sessionStorage.getItem(UNIT_KEY);
}

/** Remembers the unit a clerk of several units works as, for this tab. */
export function chooseUnitId(unitId: string): void {
  sessionStorage.setItem(UNIT_KEY, unitId);
}
