import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import type { DataSource } from 'typeorm';
import type { Clock } from 'src/common/clock.js';
import { LettersRepository } from 'src/modules/letters/letters.repository.js';
import type { LetterKind, Secrecy, Speed } from 'src/modules/letters/letter.entity.js';
import { OrganisationsRepository } from 'src/modules/organisations/organisations.repository.js';
import type { UnitKind } from 'src/modules/organisations/unit-kind.js';
import type { Register } from 'src/modules/registers/register.entity.js';
import { RegistersRepository } from 'src/modules/registers/registers.repository.js';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { hashPassword } from 'src/modules/users/password.js';
import type { Clearance, MembershipRole } from 'src/modules/users/roles.js';
import { UsersRepository } from 'src/modules/users/users.repository.js';
import { type Body, bodyOf, listOf } from '../harness/api-body.js';
import { rowsOf } from '../harness/sql.js';

/**
 * The test world, built on one context: `const f = factories(t)` (a TestApp, or just a
 * DataSource for tests that start their own processes). Rows go through the owning
 * module's repository, so a test's world has the shape the application writes; no audit
 * events are written for them, the behaviour under test then goes through HTTP or the
 * services.
 */
export const TEST_PASSWORD = 'test-password-2569';

export interface FactoryContext {
  dataSource: DataSource;
  /** The in-process API, for `signIn`. */
  http?: ReturnType<typeof supertest>;
  /** Stamps created rows; the real clock when absent. */
  clock?: Clock;
}

export interface TestUnit {
  id: string;
  path: string;
  depth: number;
  parentId: string | null;
  nameTh: string;
  kind: UnitKind;
}

export interface UnitOptions {
  parent?: TestUnit | null;
  /** A root is a ministry unless told, a child `other`. */
  kind?: UnitKind;
  nameTh?: string;
  shortName?: string | null;
  letterCode?: string | null;
  ownerNumber?: string | null;
  headPosition?: string | null;
  active?: boolean;
  referenceDigits?: 'thai' | 'arabic';
}

export interface MembershipSpec {
  unit: { id: string };
  role: MembershipRole;
  acting?: boolean;
  /** 2000-01-01 unless told: the tests' ManualClock runs in 2026. */
  startsAt?: Date;
  endsAt?: Date | null;
}

export interface UserOptions {
  username?: string;
  password?: string;
  /** The username unless told. */
  displayName?: string;
  clearance?: Clearance;
  active?: boolean;
  memberships?: MembershipSpec[];
}

export interface TestUser {
  id: string;
  username: string;
  password: string;
  membershipIds: string[];
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  headers: { Authorization: string };
}

export interface LetterOptions {
  unit: { id: string };
  kind?: LetterKind;
  speed?: Speed;
  secrecy?: Secrecy;
  subject?: string;
  referenceRaw?: string | null;
  createdBy?: string | null;
}

export interface DeliveryOptions {
  sender: { id: string };
  recipient: { id: string };
  sentAt: Date;
  dueAt: Date;
  speed?: Speed;
  secrecy?: Secrecy;
  subject?: string;
}

let counter = 0;
/** Hashed once per file: argon2 is slow on purpose. */
let testPasswordHash: Promise<string> | undefined;

export interface ForwardOptions {
  at: Date;
  /** The deliveries' due time; `at` plus a day when absent. */
  due?: Date;
  hop?: number;
  parentDeliveryId?: string;
  annotationId?: string;
  forwardedBy: string;
}

export function factories(ctx: FactoryContext) {
  const ds = ctx.dataSource;
  const units = new OrganisationsRepository(ds);
  const users = new UsersRepository(ds);
  const letters = new LettersRepository(ds);
  const registers = new RegistersRepository(ds);
  const routing = new RoutingRepository();
  const now = () => ctx.clock?.now() ?? new Date();

  async function newUnit(options: UnitOptions = {}): Promise<TestUnit> {
    counter += 1;
    const id = randomUUID();
    const parent = options.parent ?? null;
    const unit: TestUnit = {
      id,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      parentId: parent?.id ?? null,
      nameTh: options.nameTh ?? `หน่วยงานทดสอบ ${counter}`,
      kind: options.kind ?? (parent ? 'other' : 'ministry'),
    };
    await ds.transaction(async (manager) => {
      const at = now();
      await units.insert(
        manager,
        {
          ...unit,
          shortName: options.shortName ?? null,
          letterCode: options.letterCode ?? null,
          ownerNumber: options.ownerNumber ?? null,
          headPosition: options.headPosition ?? null,
          referenceDigits: options.referenceDigits ?? 'thai',
        },
        at,
      );
      if (options.active === false) await units.setActive(manager, id, false, at);
    });
    return unit;
  }

  async function addMembership(userId: string, membership: MembershipSpec): Promise<string> {
    const id = randomUUID();
    await users.insertMembership(
      ds.manager,
      {
        id,
        userId,
        unitId: membership.unit.id,
        role: membership.role,
        acting: membership.acting ?? false,
        startsAt: membership.startsAt ?? new Date('2000-01-01T00:00:00Z'),
        endsAt: membership.endsAt ?? null,
      },
      now(),
    );
    return id;
  }

  /** A user with memberships; all share TEST_PASSWORD unless told. */
  async function newUser(options: UserOptions = {}): Promise<TestUser> {
    counter += 1;
    const id = randomUUID();
    const username = options.username ?? `user${counter}.${id.slice(0, 6)}`;
    const password = options.password ?? TEST_PASSWORD;
    testPasswordHash ??= hashPassword(TEST_PASSWORD);
    const passwordHash =
      password === TEST_PASSWORD ? await testPasswordHash : await hashPassword(password);
    await users.insertUser(
      ds.manager,
      {
        id,
        username,
        displayName: options.displayName ?? username,
        positionTitle: null,
        clearance: options.clearance ?? 'none',
        passwordHash,
      },
      now(),
    );
    if (options.active === false) {
      await ds.query('UPDATE users SET active = false WHERE id = $1', [id]);
    }
    const membershipIds: string[] = [];
    for (const membership of options.memberships ?? []) {
      membershipIds.push(await addMembership(id, membership));
    }
    return { id, username, password, membershipIds };
  }

  /** Signs in over HTTP as the user (TEST_PASSWORD unless told). */
  async function signIn(
    user: string | { username: string; password?: string },
    password?: string,
  ): Promise<Session> {
    if (!ctx.http) throw new Error('signIn needs the context to hold the HTTP app');
    const username = typeof user === 'string' ? user : user.username;
    const secret = password ?? (typeof user === 'string' ? undefined : user.password);
    const res = await ctx.http
      .post('/api/v1/auth/login')
      .send({ username, password: secret ?? TEST_PASSWORD });
    if (res.status !== 200) {
      throw new Error(`sign-in of ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const { accessToken, refreshToken } = bodyOf(res, 'Session');
    return { accessToken, refreshToken, headers: { Authorization: `Bearer ${accessToken}` } };
  }

  /** A letter of `unit`'s, unnumbered and unsent, with no files. */
  async function newLetter(options: LetterOptions): Promise<{ id: string }> {
    counter += 1;
    const id = randomUUID();
    await letters.insert(
      ds.manager,
      {
        id,
        kind: options.kind ?? 'external',
        speed: options.speed ?? 'none',
        speedDeadline: null,
        secrecy: options.secrecy ?? 'none',
        referenceRaw: options.referenceRaw ?? null,
        agencyPrefix: null,
        agencyNumber: null,
        circular: false,
        serial: null,
        letterDateRaw: null,
        letterDate: null,
        suggestedLetterDate: null,
        subject: options.subject ?? `หนังสือทดสอบ ${counter}`,
        addressee: null,
        references: [],
        enclosures: [],
        signatory: null,
        senderUnitId: null,
        senderText: null,
        ownerUnit: null,
        rootLetterId: id,
        enclosesLetterId: null,
        warnings: [],
        printedStamps: [],
        createdUnitId: options.unit.id,
        createdBy: options.createdBy ?? null,
        createdAt: now(),
      },
      [],
    );
    return { id };
  }

  /**
   * A register of `unit`'s. Without a name, the unit's default book of that kind (the
   * incoming, outgoing and circular books every unit gets); with one, a new book.
   */
  async function newRegister(
    unit: { id: string },
    book: {
      kind: Register['kind'];
      name?: string;
      direction?: Register['direction'];
      minClearance?: Clearance;
    } = { kind: 'incoming' },
  ): Promise<Register> {
    if (book.name === undefined) {
      await registers.ensureDefaultRegisters(ds.manager, [unit.id], now());
      const found = (await registers.findRegistersOfUnit(unit.id)).find(
        (r) => r.kind === book.kind,
      );
      if (!found) throw new Error(`no default ${book.kind} register`);
      return found;
    }
    const created = await registers.insertRegister(ds.manager, {
      unitId: unit.id,
      kind: book.kind,
      name: book.name,
      direction: book.direction ?? (book.kind === 'outgoing' ? 'outgoing' : 'incoming'),
      minClearance: book.minClearance ?? 'none',
      createdAt: now(),
    });
    if (!created) throw new Error(`register ${book.name} already exists`);
    return created;
  }

  /**
   * `count` pending deliveries (1 unless told) from `sender` to `recipient`: one letter, one
   * forward and one delivery each, written set-based, since fault tests need hundreds of
   * escalations. The forward's own path (entry, recipients, notifications) is covered over
   * HTTP by the forwarding tests, which is why this does not go through it.
   */
  async function newDeliveries(options: DeliveryOptions & { count: number }): Promise<string[]> {
    const rows = await rowsOf<{ id: string }>(
      ds,
      `WITH l AS (
         INSERT INTO letters (id, kind, speed, secrecy, subject, reference_raw, root_letter_id, created_unit_id, created_at)
         SELECT g.id, 'external', $5, $6, $7 || ' ' || g.n, 'มท ๐๒๑๐.๕/ว' || g.n, g.id, $1, $3
           FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, $8::int) AS n) g
         RETURNING id),
       f AS (
         INSERT INTO forwards (letter_id, root_letter_id, sender_unit_id, created_at, recipients_created, recipients_skipped)
         SELECT id, id, $1, $3, 1, 0 FROM l RETURNING id, letter_id)
       INSERT INTO deliveries (letter_id, root_letter_id, sender_unit_id, recipient_unit_id, forward_id, sent_at, due_at, state, state_changed_at)
       SELECT f.letter_id, f.letter_id, $1, $2, f.id, $3, $4, 'sent', $3 FROM f
       RETURNING id`,
      [
        options.sender.id,
        options.recipient.id,
        options.sentAt,
        options.dueAt,
        options.speed ?? 'urgent',
        options.secrecy ?? 'none',
        options.subject ?? 'ขอเชิญประชุม',
        options.count,
      ],
    );
    return rows.map((row) => row.id);
  }

  async function newDelivery(options: DeliveryOptions): Promise<string> {
    const [id] = await newDeliveries({ ...options, count: 1 });
    return id;
  }

  /** กระทรวงมหาดไทย, a root ministry with its letter code and owner number (มท ๐๒๑๐.๕). */
  function newMinistry(): Promise<TestUnit> {
    return newUnit({
      nameTh: 'กระทรวงมหาดไทย',
      kind: 'ministry',
      letterCode: 'มท',
      ownerNumber: '0210.5',
    });
  }

  /**
   * A province and one of its districts with the people the escalation ladder reaches: the
   * province's clerk and head (levels 4 and 3), the district's head (level 2) and
   * `districtClerks` (level 1).
   */
  async function newLadderUnits(
    districtClerks: string[],
  ): Promise<{ province: TestUnit; district: TestUnit }> {
    const province = await newUnit({ nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' });
    const district = await newUnit({ nameTh: 'อำเภอเมือง', kind: 'district', parent: province });
    await newUser({ username: 'clerk.roiet', memberships: [{ unit: province, role: 'clerk' }] });
    await newUser({ username: 'head.roiet', memberships: [{ unit: province, role: 'head' }] });
    for (const username of districtClerks) {
      await newUser({ username, memberships: [{ unit: district, role: 'clerk' }] });
    }
    await newUser({ username: 'head.mueang', memberships: [{ unit: district, role: 'head' }] });
    return { province, district };
  }

  /**
   * Over HTTP, as a clerk does it: numbers the letter in the unit's outgoing register, then
   * forwards it with `forward` (recipients, annotation…). Each step must answer 201.
   */
  async function numberAndForward(
    authorization: string,
    unitId: string,
    letterId: string,
    forward: object,
  ): Promise<{ entry: Body<'NumberAllocated'>; forward: Body<'ForwardResult'> }> {
    if (!ctx.http) throw new Error('numberAndForward needs the context to hold the HTTP app');
    const http = ctx.http;
    const books = await http
      .get(`/api/v1/units/${unitId}/registers`)
      .set('Authorization', authorization)
      .expect(200);
    const outgoing = listOf(books, 'RegisterResponse').find((r) => r.kind === 'outgoing');
    if (!outgoing) throw new Error(`unit ${unitId} has no outgoing register`);
    const entry = await http
      .post(`/api/v1/registers/${outgoing.id}/numbers`)
      .set('Authorization', authorization)
      .send({ letterId })
      .expect(201);
    const forwarded = await http
      .post(`/api/v1/register-entries/${bodyOf(entry, 'NumberAllocated').id}/forwards`)
      .set('Authorization', authorization)
      .send(forward)
      .expect(201);
    return { entry: bodyOf(entry, 'NumberAllocated'), forward: bodyOf(forwarded, 'ForwardResult') };
  }

  /**
   * A forward of `letterId` from `sender` to exactly `recipients`, through routing's own
   * statement (no register entry, no audit); its id and the delivery ids by recipient.
   */
  async function newForward(
    sender: TestUnit,
    letterId: string,
    recipients: TestUnit[],
    options: ForwardOptions,
  ): Promise<{ forwardId: string; deliveries: Map<string, string> }> {
    const forwardId = randomUUID();
    await routing.insertForward(
      ds.manager,
      {
        id: forwardId,
        letterId,
        rootLetterId: letterId,
        senderUnitId: sender.id,
        registerEntryId: null,
        parentDeliveryId: options.parentDeliveryId ?? null,
        annotationId: options.annotationId ?? null,
        forwardedBy: options.forwardedBy,
        createdAt: options.at,
        responseDueAt: null,
      },
      {
        scope: { unitId: sender.id, path: sender.path },
        hop: options.hop ?? 1,
        dueAt: options.due ?? new Date(options.at.getTime() + 86_400_000),
        explicitUnitIds: recipients.map((r) => r.id),
        childKinds: [],
        subtreeKinds: [],
      },
    );
    const rows = await rowsOf<{ id: string; recipient_unit_id: string }>(
      ds,
      'SELECT id, recipient_unit_id FROM deliveries WHERE forward_id = $1',
      [forwardId],
    );
    return { forwardId, deliveries: new Map(rows.map((r) => [r.recipient_unit_id, r.id])) };
  }

  return {
    newUnit,
    newForward,
    newMinistry,
    newLadderUnits,
    newUser,
    numberAndForward,
    addMembership,
    signIn,
    newLetter,
    newRegister,
    newDelivery,
    newDeliveries,
  };
}

export type Factories = ReturnType<typeof factories>;
