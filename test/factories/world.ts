import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../harness/app.js';
import { hashPassword } from 'src/modules/users/password.js';
import type { MembershipRole } from 'src/modules/users/roles.js';
import type { UnitKind } from 'src/modules/organisations/unit-kind.js';

export const TEST_PASSWORD = 'correct-horse-battery-2569';
let passwordHash: Promise<string> | undefined;

export interface TestUnit {
  id: string;
  path: string;
  nameTh: string;
}

/** A unit under `parent` (or a root), written straight to the table. */
export async function newUnit(
  ds: DataSource,
  options: {
    nameTh: string;
    kind?: UnitKind;
    parent?: TestUnit;
    letterCode?: string;
    ownerNumber?: string;
    referenceDigits?: 'thai' | 'arabic';
  },
): Promise<TestUnit> {
  const id = randomUUID();
  const path = `${options.parent?.path ?? '/'}${id}/`;
  await ds.query(
    `INSERT INTO units (id, kind, name_th, letter_code, owner_number, parent_id, path, depth, active, reference_digits, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, now(), now())`,
    [
      id,
      options.kind ?? 'other',
      options.nameTh,
      options.letterCode ?? null,
      options.ownerNumber ?? null,
      options.parent?.id ?? null,
      path,
      path.split('/').length - 3,
      options.referenceDigits ?? 'thai',
    ],
  );
  return { id, path, nameTh: options.nameTh };
}

export interface TestUser {
  id: string;
  username: string;
}

/** A user with memberships; every test user has the same (strong) password. */
export async function newUser(
  ds: DataSource,
  username: string,
  memberships: { unit: TestUnit; role: MembershipRole }[],
  clearance: 'none' | 'confidential' | 'secret' = 'none',
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = randomUUID();
  await ds.query(
    `INSERT INTO users (id, username, display_name, password_hash, clearance, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, true, now(), now())`,
    [id, username, username, await passwordHash, clearance],
  );
  for (const membership of memberships) {
    await ds.query(
      `INSERT INTO memberships (user_id, unit_id, role, acting, starts_at, created_at)
       VALUES ($1, $2, $3, false, '2000-01-01T00:00:00Z', now())`,
      [id, membership.unit.id, membership.role],
    );
  }
  return { id, username };
}

/** Signs in over HTTP and returns the Authorization header value. */
export async function bearer(t: TestApp, username: string): Promise<string> {
  const res = await t.http.post('/api/v1/auth/login').send({ username, password: TEST_PASSWORD });
  if (res.status !== 200 && res.status !== 201) {
    throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return `Bearer ${res.body.accessToken as string}`;
}

/** A one-page PDF whose text says `label`, made with pdf-lib. */
export async function samplePdf(label = 'letter', pages = 1): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`${label} page ${i + 1}`, { x: 50, y: 700, size: 14, font });
  }
  doc.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  return Buffer.from(await doc.save());
}
