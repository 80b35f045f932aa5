import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OffsetFileClock, processClock, SystemClock } from 'src/common/clock.js';

const dir = mkdtempSync(join(tmpdir(), 'saraban-clock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('OffsetFileClock', () => {
  it('adds the offset its file holds, re-read at every reading', () => {
    const file = join(dir, 'offset');
    const clock = new OffsetFileClock(file);
    const week = 7 * 86_400_000;
    // No file yet: the system's time.
    const before = Date.now();
    const plain = clock.now().getTime();
    expect(plain).toBeGreaterThanOrEqual(before);
    expect(plain).toBeLessThanOrEqual(Date.now());

    writeFileSync(file, String(-week));
    const start = Date.now();
    const moved = clock.now().getTime();
    expect(moved).toBeGreaterThanOrEqual(start - week);
    expect(moved).toBeLessThanOrEqual(Date.now() - week);
    // SQL deadlines compare with the moved time too, not PostgreSQL's now().
    expect(clock.databaseNow()!.getTime()).toBeLessThanOrEqual(Date.now() - week);

    writeFileSync(file, `${week}\n`);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(start + week);
    writeFileSync(file, '');
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(week);
  });

  it('refuses an offset that is not a whole number of milliseconds', () => {
    const file = join(dir, 'bad');
    for (const text of ['soon', '1.5', '2026-01-15T03:55:00Z']) {
      writeFileSync(file, text);
      expect(() => new OffsetFileClock(file).now()).toThrow(/TEST_CLOCK_FILE/);
    }
  });

  it('is the process clock only when configuration names a file', () => {
    expect(processClock(null)).toBeInstanceOf(SystemClock);
    expect(processClock(join(dir, 'offset'))).toBeInstanceOf(OffsetFileClock);
  });
});
