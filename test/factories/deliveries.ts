import type { DataSource } from 'typeorm';
import { newUnit, newUser, type TestUnit } from './world.js';

/**
 * A province and one of its districts with the people the ladder reaches: the province's
 * clerk and head (levels 4 and 3), the district's head (level 2) and `districtClerks`
 * (level 1).
 */
export async function newLadderUnits(
  ds: DataSource,
  districtClerks: string[],
): Promise<{ province: TestUnit; district: TestUnit }> {
  const province = await newUnit(ds, { nameTh: 'จังหวัดร้อยเอ็ด', kind: 'province' });
  const district = await newUnit(ds, { nameTh: 'อำเภอเมือง', kind: 'district', parent: province });
  await newUser(ds, 'clerk.roiet', [{ unit: province, role: 'clerk' }]);
  await newUser(ds, 'head.roiet', [{ unit: province, role: 'head' }]);
  for (const username of districtClerks)
    await newUser(ds, username, [{ unit: district, role: 'clerk' }]);
  await newUser(ds, 'head.mueang', [{ unit: district, role: 'head' }]);
  return { province, district };
}

/**
 * Pending deliveries written straight to the tables, set-based: `count` letters from
 * `sender` to `recipient`, one forward and one delivery each (for fault tests that need
 * hundreds of escalations; the HTTP path is covered by the forwarding tests).
 */
export async function newPendingDeliveries(
  ds: DataSource,
  options: {
    sender: { id: string };
    recipient: { id: string };
    count: number;
    sentAt: Date;
    dueAt: Date;
    speed?: string;
    secrecy?: string;
    subject?: string;
  },
): Promise<string[]> {
  const rows: { id: string }[] = await ds.query(
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

/** Deletes every Redis key of one queue prefix (SCAN + DEL), and returns how many. */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<number> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisUrl);
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
