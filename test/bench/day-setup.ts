import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { RoutingRepository } from 'src/modules/routing/routing.repository.js';
import { hashPassword } from 'src/modules/users/password.js';
import { bangkokBuddhistYear } from 'src/thai/calendar.js';
import { runConcurrently } from './bench-db.js';
import { type BenchUnit, insertBenchLetter, insertNationalUnits } from './national-units.js';

export const PASSWORD = 'bench-password-2569';

/** What a province sends a national circular on to (as `fanout-national`). */
export const PROVINCE_SENDS = [
  'provincial_division',
  'district',
  'provincial_administration',
  'city_municipality',
  'town_municipality',
];
/** What a district sends on to: its own local administrations. */
export const DISTRICT_SENDS = ['subdistrict_municipality', 'subdistrict_administration'];
const LOCAL_KINDS = new Set([
  'subdistrict_municipality',
  'subdistrict_administration',
  'town_municipality',
  'city_municipality',
]);

/** Subjects of the letters; the searches look for words of them. */
export const SUBJECTS = [
  'ขอเชิญประชุมคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ',
  'การเตรียมความพร้อมรับมือสถานการณ์ภัยแล้ง',
  'การป้องกันและควบคุมโรคไข้เลือดออก',
  'การดำเนินการปราบปรามอาชญากรรมทางเทคโนโลยี',
  'ขอความร่วมมือรายงานผลการเบิกจ่ายงบประมาณ',
  'การจัดงานวันเด็กแห่งชาติ',
  'การรณรงค์ป้องกันและลดอุบัติเหตุทางถนนช่วงเทศกาล',
  'ขอส่งรายชื่อผู้เข้ารับการฝึกอบรมหลักสูตรผู้บริหารท้องถิ่น',
];
export const SEARCH_WORDS = [
  'ประชุม',
  'ภัยแล้ง',
  'ไข้เลือดออก',
  'อาชญากรรม',
  'งบประมาณ',
  'วันเด็ก',
  'อุบัติเหตุ',
  'ฝึกอบรม',
];

export interface DayUnit {
  id: string;
  kind: string;
  path: string;
  parentId: string | null;
  /** A district with local administrations below it (Bangkok's เขต have none). */
  hasLocals: boolean;
  /** The province the unit lies in (itself for a province; null for the ministry). */
  provinceId: string | null;
  clerk: string;
  /** Heads sign forwards at the ministry and the provinces (clerks forward elsewhere). */
  head: string | null;
  incoming: string;
  outgoing: string;
  circular: string;
  /** Letters of the unit not yet registered, for registrations of paper letters. */
  fresh: string[];
  /** Entries already in the unit's incoming register (annotations, searches). */
  entries: string[];
}

export interface DayWorld {
  units: DayUnit[];
  ministry: DayUnit;
  total: number;
  preloadedLetterId: string;
}

/** Deterministic sampling, so two runs staff the same units. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sample<T>(items: T[], count: number, rnd: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, count);
}

/**
 * The national seed, staff in a sample of units (the ministry, every province, `districts`
 * districts, `locals` local administrations under them), their three registers, `preload`
 * registered letters and `fresh` unregistered ones per staffed unit, and one earlier national
 * circular delivered to every unit and not yet registered (yesterday's backlog in the inboxes).
 */
export async function seedDay(
  dataSource: DataSource,
  sizes: { districts: number; locals: number; preload: number; fresh: number },
): Promise<DayWorld> {
  const all = await insertNationalUnits(dataSource);
  const byId = new Map(all.map((u) => [u.id, u]));
  const provinceOf = (u: BenchUnit): string | null => {
    for (
      let at: BenchUnit | undefined = u;
      at;
      at = at.parentId ? byId.get(at.parentId) : undefined
    )
      if (at.kind === 'province') return at.id;
    return null;
  };
  const rnd = random(2569);
  const ministry = all.find((u) => u.kind === 'ministry')!;
  const provinces = all.filter((u) => u.kind === 'province');
  const districts = sample(
    all.filter((u) => u.kind === 'district'),
    sizes.districts,
    rnd,
  );
  const sampled = new Set(districts.map((d) => d.id));
  const locals = sample(
    all.filter((u) => LOCAL_KINDS.has(u.kind) && u.parentId !== null && sampled.has(u.parentId)),
    sizes.locals,
    rnd,
  );
  const withLocals = new Set(
    all.filter((u) => DISTRICT_SENDS.includes(u.kind) && u.parentId).map((u) => u.parentId!),
  );
  const staffed = [ministry, ...provinces, ...districts, ...locals];
  const withHead = new Set([ministry.id, ...provinces.map((p) => p.id)]);

  // The seed gives owner numbers to departments and provincial offices only; here the
  // ministry and the provinces number their own circulars (under สป.มท.'s and สนจ.'s numbers).
  await dataSource.query(
    `UPDATE units SET owner_number = CASE kind WHEN 'ministry' THEN '0200' ELSE '0017' END
      WHERE id = ANY($1::uuid[]) AND owner_number IS NULL`,
    [[ministry.id, ...provinces.map((p) => p.id)]],
  );
  // One argon2 hash for every account: hashing each would take minutes.
  const hash = await hashPassword(PASSWORD);
  const people: { username: string; unit: string; role: 'clerk' | 'head' }[] = [];
  staffed.forEach((u, i) => {
    people.push({ username: `day.clerk.${i}`, unit: u.id, role: 'clerk' });
    if (withHead.has(u.id)) people.push({ username: `day.head.${i}`, unit: u.id, role: 'head' });
  });
  await dataSource.query(
    `WITH p AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[]) AS t(username, unit_id, role)),
          u AS (INSERT INTO users (username, display_name, password_hash, clearance, active, created_at, updated_at)
                SELECT username, 'เจ้าหน้าที่ ' || username, $4, 'none', true, now(), now() FROM p
                RETURNING id, username)
     INSERT INTO memberships (user_id, unit_id, role, acting, starts_at, created_at)
     SELECT u.id, p.unit_id, p.role, false, now() - interval '1 day', now() FROM u JOIN p USING (username)`,
    [people.map((p) => p.username), people.map((p) => p.unit), people.map((p) => p.role), hash],
  );
  const registers: { id: string; unit_id: string; kind: string }[] = await dataSource.query(
    `INSERT INTO registers (unit_id, kind, direction, name, created_at)
     SELECT u, k.kind, k.direction, k.name, now()
       FROM unnest($1::uuid[]) AS u
      CROSS JOIN (VALUES ('incoming', 'incoming', 'ทะเบียนหนังสือรับ'),
                         ('outgoing', 'outgoing', 'ทะเบียนหนังสือส่ง'),
                         ('circular', 'outgoing', 'ทะเบียนหนังสือเวียน')) AS k(kind, direction, name)
     RETURNING id, unit_id, kind`,
    [staffed.map((u) => u.id)],
  );
  const registerOf = (unit: string, kind: string) =>
    registers.find((r) => r.unit_id === unit && r.kind === kind)!.id;
  const users: { id: string; username: string }[] = await dataSource.query(
    `SELECT id, username FROM users WHERE username LIKE 'day.clerk.%'`,
  );
  const clerkId = new Map(users.map((u) => [u.username, u.id]));

  // Letters: `preload` registered and `fresh` unregistered per unit, one statement each kind.
  const letterRows: { id: string; unit: string; user: string; subject: string }[] = [];
  const entryRows: { register: string; number: number; letter: string; user: string }[] = [];
  const day: DayUnit[] = staffed.map((u, i) => {
    const user = clerkId.get(`day.clerk.${i}`)!;
    const incoming = registerOf(u.id, 'incoming');
    const make = () => {
      const id = randomUUID();
      const subject = `${SUBJECTS[letterRows.length % SUBJECTS.length]} ครั้งที่ ${letterRows.length}`;
      letterRows.push({ id, unit: u.id, user, subject });
      return id;
    };
    const entries = Array.from({ length: sizes.preload }, (_, n) => {
      const letter = make();
      entryRows.push({ register: incoming, number: n + 1, letter, user });
      return letter;
    });
    return {
      id: u.id,
      kind: u.kind,
      path: u.path,
      parentId: u.parentId,
      hasLocals: withLocals.has(u.id),
      provinceId: provinceOf(u),
      clerk: `day.clerk.${i}`,
      head: withHead.has(u.id) ? `day.head.${i}` : null,
      incoming,
      outgoing: registerOf(u.id, 'outgoing'),
      circular: registerOf(u.id, 'circular'),
      fresh: Array.from({ length: sizes.fresh }, make),
      entries,
    };
  });
  await dataSource.query(
    `INSERT INTO letters (id, kind, subject, sender_text, root_letter_id, created_unit_id, created_by, created_at)
     SELECT id, 'external', subject, 'กระทรวงมหาดไทย', id, unit, usr, now() - interval '1 day'
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[]) AS t(id, subject, unit, usr)`,
    [
      letterRows.map((l) => l.id),
      letterRows.map((l) => l.subject),
      letterRows.map((l) => l.unit),
      letterRows.map((l) => l.user),
    ],
  );
  const year = bangkokBuddhistYear(new Date());
  const entryIds: { id: string; letter_id: string }[] = await dataSource.query(
    `INSERT INTO register_entries (register_id, be_year, number, letter_id, registered_at, status, created_by)
     SELECT reg, $5, num, letter, now() - interval '1 day', 'active', usr
       FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[]) AS t(reg, num, letter, usr)
     RETURNING id, letter_id`,
    [
      entryRows.map((e) => e.register),
      entryRows.map((e) => e.number),
      entryRows.map((e) => e.letter),
      entryRows.map((e) => e.user),
      year,
    ],
  );
  await dataSource.query(
    `INSERT INTO register_counters (register_id, be_year, last_number)
     SELECT register_id, be_year, max(number) FROM register_entries GROUP BY register_id, be_year`,
  );
  // Each registered letter came down as a delivery from the unit above, received with its
  // เลขรับ: the deliveries table holds many letters, as it does in service, not one circular.
  const unitOfLetter = new Map(letterRows.map((l) => [l.id, l.unit]));
  const arrived = entryIds
    .map((e, i) => ({
      ...e,
      number: entryRows[i].number,
      unit: byId.get(unitOfLetter.get(e.letter_id)!)!,
    }))
    .filter((e) => e.unit.parentId !== null);
  await dataSource.query(
    `WITH t AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[])
                  AS t(entry, letter, sender, recipient, number)),
          f AS (INSERT INTO forwards (id, letter_id, root_letter_id, sender_unit_id, created_at,
                                      recipients_created, recipients_skipped)
                SELECT gen_random_uuid(), letter, letter, sender, now() - interval '26 hours', 1, 0 FROM t
                RETURNING id, letter_id)
     INSERT INTO deliveries (letter_id, root_letter_id, sender_unit_id, recipient_unit_id, forward_id,
                             sent_at, due_at, state, state_changed_at, receipt_number, receipt_entry_id, hop)
     SELECT t.letter, t.letter, t.sender, t.recipient, f.id, now() - interval '26 hours',
            now() + interval '46 hours', 'received', now() - interval '1 day', t.number, t.entry, 1
       FROM t JOIN f ON f.letter_id = t.letter`,
    [
      arrived.map((e) => e.id),
      arrived.map((e) => e.letter_id),
      arrived.map((e) => e.unit.parentId),
      arrived.map((e) => e.unit.id),
      arrived.map((e) => e.number),
    ],
  );
  const entryOf = new Map(entryIds.map((e) => [e.letter_id, e.id]));
  for (const u of day) u.entries = u.entries.map((letter) => entryOf.get(letter)!);

  // Yesterday's circular, so inboxes and progress reads have a nationwide letter to show.
  const preloadedLetterId = await forwardNationalCircular(dataSource, all, ministry, {
    subject: 'การเตรียมความพร้อมรับมือสถานการณ์ภัยแล้ง (หนังสือเวียนเมื่อวาน)',
    sentAt: new Date(Date.now() - 20 * 3_600_000),
    concurrency: 4,
  });
  return { units: day, ministry: day[0], total: all.length, preloadedLetterId };
}

/**
 * A national circular sent at `sentAt`, forwarded ministry → provinces → districts down to
 * every local administration, straight through routing's forward statement.
 */
export async function forwardNationalCircular(
  dataSource: DataSource,
  units: BenchUnit[],
  ministry: BenchUnit,
  circular: { subject: string; sentAt: Date; concurrency: number },
): Promise<string> {
  const letterId = await insertBenchLetter(dataSource, ministry.id, circular.subject);
  const repository = new RoutingRepository();
  const { sentAt, concurrency } = circular;
  const dueAt = new Date(sentAt.getTime() + 72 * 3_600_000);
  const forward = async (
    sender: BenchUnit,
    parentDeliveryId: string | null,
    hop: number,
    kinds: { childKinds: string[]; subtreeKinds: string[] },
  ) =>
    repository.insertForward(
      dataSource.manager,
      {
        id: randomUUID(),
        letterId,
        rootLetterId: letterId,
        senderUnitId: sender.id,
        registerEntryId: null,
        parentDeliveryId,
        annotationId: null,
        forwardedBy: ministry.id,
        createdAt: sentAt,
        responseDueAt: null,
      },
      {
        scope: { unitId: sender.id, path: sender.path },
        hop,
        dueAt,
        explicitUnitIds: [],
        ...kinds,
      },
    );
  const at = async (hop: number) => {
    const rows: { unit: string; id: string }[] = await dataSource.query(
      'SELECT recipient_unit_id AS unit, id FROM deliveries WHERE letter_id = $1 AND hop = $2',
      [letterId, hop],
    );
    return new Map(rows.map((r) => [r.unit, r.id]));
  };
  await forward(ministry, null, 1, { childKinds: ['province'], subtreeKinds: [] });
  const level1 = await at(1);
  const provinces = units.filter((u) => u.kind === 'province');
  await runConcurrently(provinces.length, concurrency, (i) =>
    forward(provinces[i], level1.get(provinces[i].id)!, 2, {
      childKinds: [],
      subtreeKinds: PROVINCE_SENDS,
    }),
  );
  const level2 = await at(2);
  const districts = units.filter((u) => u.kind === 'district' && level2.has(u.id));
  await runConcurrently(districts.length, concurrency, (i) =>
    forward(districts[i], level2.get(districts[i].id)!, 3, {
      childKinds: DISTRICT_SENDS,
      subtreeKinds: [],
    }),
  );
  return letterId;
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API on port ${port} exited`);
    const status = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API on port ${port} did not become ready`);
}

export interface DayProcesses {
  bases: string[];
  /** Process ids, for the CPU time each one spends: the APIs in port order, then the worker. */
  pids: { apis: number[]; worker: number };
  stop(): Promise<void>;
}

/**
 * Two APIs on their own ports and one worker, all on the same database, Redis queue prefix
 * and data directory (so the JWT secrets are shared: a token from one API works on both).
 * The first API starts alone, so that it is the one that writes the generated secrets.
 */
export async function startDayProcesses(url: string, queuePrefix: string): Promise<DayProcesses> {
  const dataDir = mkdtempSync(join(tmpdir(), 'saraban-bench-day-'));
  const env = {
    ...process.env,
    DATABASE_URL: url,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ACCESS_TOKEN_TTL: '86400',
  };
  const children: ChildProcess[] = [];
  // BENCH_API_NODE_ARGS: flags for the APIs' node, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`,
  // or `--import ./test/bench/api-monitor.mjs` with BENCH_API_MONITOR_DIR (see that file).
  const apiNodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const start = (script: string, extra: Record<string, string> = {}) => {
    const nodeArgs = script === 'dist/main.js' ? apiNodeArgs : [];
    const child = spawn(process.execPath, [...nodeArgs, script], {
      env: { ...env, ...extra },
      stdio: 'ignore',
    });
    children.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const first = 40_000 + Math.floor(Math.random() * 10_000);
    const ports = [first, first + 1];
    const apis: ChildProcess[] = [];
    for (const port of ports) {
      apis.push(start('dist/main.js', { PORT: String(port) }));
      await waitReady(port, apis.at(-1)!);
    }
    const worker = start('dist/worker.js');
    return {
      bases: ports.map((p) => `http://127.0.0.1:${p}/api/v1`),
      pids: { apis: apis.map((a) => a.pid!), worker: worker.pid! },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Signs every account in (through both APIs in turn); returns username → bearer token. */
export async function signIn(
  bases: string[],
  usernames: string[],
  concurrency = 4,
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  await runConcurrently(usernames.length, concurrency, async (i) => {
    const res = await fetch(`${bases[i % bases.length]}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: usernames[i], password: PASSWORD }),
    });
    if (res.status !== 200 && res.status !== 201)
      throw new Error(`sign-in of ${usernames[i]}: ${res.status} ${await res.text()}`);
    tokens.set(usernames[i], ((await res.json()) as { accessToken: string }).accessToken);
  });
  return tokens;
}

/** Removes every Redis key of the run's queue prefix (queues, sign-in counters, stickiness). */
export async function clearQueuePrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  let removed = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) removed += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return removed;
}
