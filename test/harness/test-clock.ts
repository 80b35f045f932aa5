import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The clock of spawned api and worker processes, moved by this test (TEST_CLOCK_FILE). */
export interface SpawnedClock {
  /** What to add to startApi / startWorker's environment so they read this clock. */
  env: Record<string, string>;
  /** Every process reading this clock says `instant` now, and time runs on from there. */
  set(instant: Date): void;
  close(): void;
}

export function spawnedClock(): SpawnedClock {
  const dir = mkdtempSync(join(tmpdir(), 'saraban-test-clock-'));
  const file = join(dir, 'offset-ms');
  writeFileSync(file, '0');
  return {
    env: { NODE_ENV: 'test', TEST_CLOCK_FILE: file },
    set(instant) {
      writeFileSync(file, String(instant.getTime() - Date.now()));
    },
    close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
