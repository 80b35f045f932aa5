import type { DataSource } from 'typeorm';
import type { TestApp } from '../harness/app.js';
import type { MembershipRole } from 'src/modules/users/roles.js';
import type { UnitKind } from 'src/modules/organisations/unit-kind.js';
import * as organisations from './organisations.js';

/**
 * Short forms of the organisation factories for tests that only need a unit tree, some
 * staff and their tokens; the rows are written by ./organisations.ts.
 */
export const TEST_PASSWORD = organisations.TEST_PASSWORD;

export type TestUnit = organisations.UnitFixture;

/** A unit under `parent` (or a root of kind `other`). */
export function newUnit(
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
  return organisations.newUnit(ds, { ...options, kind: options.kind ?? 'other' });
}

/** กระทรวงมหาดไทย, a root ministry with its letter code and owner number (มท ๐๒๑๐.๕). */
export function newMinistry(ds: DataSource): Promise<TestUnit> {
  return newUnit(ds, {
    nameTh: 'กระทรวงมหาดไทย',
    kind: 'ministry',
    letterCode: 'มท',
    ownerNumber: '0210.5',
  });
}

export interface TestUser {
  id: string;
  username: string;
}

/** A user with memberships; every test user has the same (strong) password. */
export function newUser(
  ds: DataSource,
  username: string,
  memberships: { unit: TestUnit; role: MembershipRole }[],
  clearance: 'none' | 'confidential' | 'secret' = 'none',
): Promise<TestUser> {
  return organisations.newUser(ds, { username, displayName: username, memberships, clearance });
}

/** `count(*)` (or any single `count` column) of a query, as a number. */
export async function countOf(
  ds: DataSource,
  sql: string,
  params: unknown[] = [],
): Promise<number> {
  return Number((await ds.query(sql, params))[0].count);
}

/**
 * Over HTTP, as a clerk does it: numbers the letter in the unit's outgoing register, then
 * forwards it with `forward` (recipients, annotation…). Each step must answer 201; returns
 * both bodies.
 */
export async function numberAndForward(
  t: TestApp,
  authorization: string,
  unitId: string,
  letterId: string,
  forward: object,
): Promise<{ entry: Record<string, unknown>; forward: Record<string, unknown> }> {
  const registers = await t.http
    .get(`/api/v1/units/${unitId}/registers`)
    .set('Authorization', authorization)
    .expect(200);
  const outgoing = (registers.body as { id: string; kind: string }[]).find(
    (r) => r.kind === 'outgoing',
  )!;
  const entry = await t.http
    .post(`/api/v1/registers/${outgoing.id}/numbers`)
    .set('Authorization', authorization)
    .send({ letterId })
    .expect(201);
  const forwarded = await t.http
    .post(`/api/v1/register-entries/${entry.body.id}/forwards`)
    .set('Authorization', authorization)
    .send(forward)
    .expect(201);
  return { entry: entry.body, forward: forwarded.body };
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
