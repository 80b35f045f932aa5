import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// No domain module is `@Global` (README, "Modules"): a module that needs another's exports
// imports it, so the module graph shows every dependency. Only the process's own
// infrastructure (configuration, clock, Redis, PDF threads, the job producer) is global.

const src = join(import.meta.dirname, '..', '..', 'src');
const GLOBAL_INFRASTRUCTURE = ['common/core.module.ts', 'queue/queue.module.ts'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

function globalModules(): string[] {
  return tsFiles(src)
    .filter((file) => /@Global\(\)/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(src, file));
}

describe('module wiring', () => {
  it('only the process infrastructure is global', () => {
    expect(globalModules().sort()).toEqual(GLOBAL_INFRASTRUCTURE);
  });

  it('every module whose controllers are authenticated imports AuthModule', () => {
    const missing: string[] = [];
    for (const file of tsFiles(src).filter((f) => f.endsWith('.controller.ts'))) {
      if (!readFileSync(file, 'utf8').includes('@Authenticated()')) continue;
      const folder = join(file, '..');
      if (folder.endsWith(join('modules', 'auth'))) continue;
      const module = readdirSync(folder).find((name) => name.endsWith('.module.ts'));
      const text = module ? readFileSync(join(folder, module), 'utf8') : '';
      if (!/imports:\s*\[[^\]]*\bAuthModule\b/.test(text)) missing.push(relative(src, file));
    }
    expect(missing).toEqual([]);
  });
});
