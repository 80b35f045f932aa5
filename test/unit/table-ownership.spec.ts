import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A module's tables are its own (architecture.md, "Modules"): no SQL in one module's folder
// names a table another module owns. Ownership comes from where each table's entity lives;
// a module that needs another's rows goes through that module's service, repository or a
// read model it publishes (see each module's README, "Tables").

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

/** The folders that own code and tables: each module, plus the worker and shared plumbing. */
function owners(): Map<string, string> {
  const folders = new Map<string, string>();
  for (const name of readdirSync(join(src, 'modules'))) {
    folders.set(`modules/${name}`, join(src, 'modules', name));
  }
  for (const name of ['worker', 'queue', 'common']) folders.set(name, join(src, name));
  return folders;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** Table name → owning folder, read from the `@Entity({ name })` declarations. */
function tableOwners(folders: Map<string, string>): Map<string, string> {
  const tables = new Map<string, string>();
  for (const [owner, dir] of folders) {
    for (const file of tsFiles(dir)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/@Entity\(\{\s*name:\s*'(\w+)'/g)) {
        tables.set(m[1], owner);
      }
    }
  }
  return tables;
}

/** Published read models (views over one table, see the migrations): view → owner. */
function publishedViews(tables: Map<string, string>): Map<string, string> {
  const views = new Map<string, string>();
  const dir = join(src, 'database', 'migrations');
  for (const file of tsFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s+(\w+): `SELECT [^`]*?\bFROM (\w+)`/gm)) {
      views.set(m[1], tables.get(m[2]) ?? `unknown table ${m[2]}`);
    }
  }
  return views;
}

/** Every string and template literal in a file, template holes replaced by a placeholder. */
function literals(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      found.push(node.text);
    } else if (ts.isTemplateExpression(node)) {
      found.push(node.head.text + node.templateSpans.map((s) => ` $x ${s.literal.text}`).join(''));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const TABLE_USE = /\b(?:from|join|update|insert\s+into|delete\s+from)\s+(?:only\s+)?"?(\w+)"?/gi;
const TABLE_WRITE = /\b(?:update|insert\s+into|delete\s+from)\s+(?:only\s+)?"?(\w+)"?/gi;

/** `file: table (owner)` for every statement in a folder that names another folder's table. */
export function foreignTableUses(): string[] {
  const folders = owners();
  const tables = tableOwners(folders);
  const views = publishedViews(tables);
  const uses = new Set<string>();
  for (const [owner, dir] of folders) {
    for (const file of tsFiles(dir)) {
      for (const text of literals(file)) {
        for (const m of text.matchAll(TABLE_USE)) {
          const table = m[1].toLowerCase();
          const tableOwner = tables.get(table);
          if (tableOwner && tableOwner !== owner) {
            uses.add(`${relative(root, file)}: ${table} (owned by ${tableOwner})`);
          }
        }
        for (const m of text.matchAll(TABLE_WRITE)) {
          const view = m[1].toLowerCase();
          const viewOwner = views.get(view);
          if (viewOwner && viewOwner !== owner) {
            uses.add(`${relative(root, file)}: writes ${view} (published by ${viewOwner})`);
          }
        }
      }
    }
  }
  return [...uses].sort();
}

describe('table ownership', () => {
  it('finds a foreign table in a statement', () => {
    const text = 'SELECT e.id FROM register_entries e JOIN "units" u ON u.id = e.unit_id';
    const names = [...text.matchAll(TABLE_USE)].map((m) => m[1]);
    expect(names).toEqual(['register_entries', 'units']);
  });

  it('knows every published read model’s owner', () => {
    const views = publishedViews(tableOwners(owners()));
    expect(views.get('units_read')).toBe('modules/organisations');
    expect([...views.values()].filter((owner) => owner.startsWith('unknown'))).toEqual([]);
  });

  it('no module writes SQL on another module’s tables', () => {
    expect(foreignTableUses()).toEqual([]);
  });
});
