import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  buildNationalTree,
  loadAddressRows,
  readLetterCodes,
} from 'src/modules/organisations/national-tree.js';

export interface BenchUnit {
  id: string;
  parentId: string | null;
  path: string;
  kind: string;
}

/** The national seed tree (~8,800 units) written in one statement, ids and paths made here. */
export async function insertNationalUnits(dataSource: DataSource): Promise<BenchUnit[]> {
  const seed = buildNationalTree(await loadAddressRows(), readLetterCodes());
  const byKey = new Map<string, BenchUnit>();
  const units = seed.map((s) => {
    const parent = s.parentSeedKey ? byKey.get(s.parentSeedKey)! : null;
    const id = randomUUID();
    const unit = {
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      kind: s.kind,
    };
    byKey.set(s.seedKey, unit);
    return { unit, seed: s };
  });
  await dataSource.query(
    `INSERT INTO units (id, kind, name_th, letter_code, owner_number, parent_id, path, depth, active, seed_key,
                        created_at, updated_at)
     SELECT id, kind, name_th, letter_code, owner_number, parent_id, path,
            array_length(string_to_array(trim(both '/' from path), '/'), 1) - 1, true, seed_key, now(), now()
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[])
         AS t(id, kind, name_th, letter_code, owner_number, parent_id, path, seed_key)`,
    [
      units.map((u) => u.unit.id),
      units.map((u) => u.seed.kind),
      units.map((u) => u.seed.nameTh),
      units.map((u) => u.seed.letterCode),
      units.map((u) => u.seed.ownerNumber),
      units.map((u) => u.unit.parentId),
      units.map((u) => u.unit.path),
      units.map((u) => u.seed.seedKey),
    ],
  );
  return units.map((u) => u.unit);
}

/** A letter row (deliveries need one); its root is itself. */
export async function insertBenchLetter(
  dataSource: DataSource,
  createdUnitId: string,
  subject: string,
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO letters (id, kind, subject, root_letter_id, created_unit_id, created_at)
     VALUES ($1, 'external', $2, $1, $3, now())`,
    [id, subject, createdUnitId],
  );
  return id;
}

/** A forward row (deliveries reference one). */
export async function insertBenchForward(
  dataSource: DataSource,
  letterId: string,
  senderUnitId: string,
): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO forwards (id, letter_id, root_letter_id, sender_unit_id, created_at, recipients_created,
                           recipients_skipped)
     VALUES ($1, $2, $2, $3, now(), 0, 0)`,
    [id, letterId, senderUnitId],
  );
  return id;
}
