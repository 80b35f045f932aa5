import type { AppConfig } from 'src/config/config.js';
import { ReadReplica } from 'src/database/read-replica.js';
import type { Principal } from 'src/modules/auth/principal.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { LettersRepository } from 'src/modules/letters/letters.repository.js';
import { LettersService, likePattern } from 'src/modules/letters/letters.service.js';
import { benchDataset, openBenchDataSource, openBenchPool } from '../bench-db.js';
import type { BenchScenario } from '../scenario.js';

const LETTERS = Number(process.env.BENCH_SEARCH_LETTERS ?? 1_000_000);
const QUERIES = 100;
const WORDS = [
  'ขอเชิญ',
  'ประชุม',
  'คณะกรรมการ',
  'พัฒนา',
  'จังหวัด',
  'ร้อยเอ็ด',
  'ขอนแก่น',
  'การป้องกัน',
  'ภัยแล้ง',
  'อุทกภัย',
  'งบประมาณ',
  'ประจำปี',
  'การจัดซื้อ',
  'จัดจ้าง',
  'โครงการ',
  'ฝึกอบรม',
  'เจ้าหน้าที่',
  'ท้องถิ่น',
  'องค์การบริหาร',
  'ส่วนตำบล',
  'เทศบาล',
  'ไหว้ครู',
  'สงกรานต์',
  'ลอยกระทง',
  'ผู้ว่าราชการ',
  'นายอำเภอ',
  'ปลัดกระทรวง',
  'มหาดไทย',
  'สาธารณสุข',
  'ศึกษาธิการ',
  'การเลือกตั้ง',
  'ทะเบียนราษฎร',
  'บัตรประชาชน',
  'ที่ดิน',
  'ถนน',
  'ประปา',
  'ไฟฟ้า',
  'ขยะ',
  'สิ่งแวดล้อม',
  'ป่าไม้',
  'อาชญากรรม',
  'เทคโนโลยี',
  'ยาเสพติด',
  'ความปลอดภัย',
  'ทางถนน',
  'ผู้สูงอายุ',
  'คนพิการ',
  'เบี้ยยังชีพ',
  'การรายงาน',
  'ผลการดำเนินงาน',
];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * Thai substring search over a million letters: p95 of 100 queries through the search
 * SQL (trigram GIN indexes) vs the same queries with index scans switched off.
 */
export const search1mScenario: BenchScenario = {
  name: 'search-1m',
  description: `${LETTERS} letters, p95 of ${QUERIES} Thai substring searches (pg_trgm GIN) vs the same queries without the index`,
  async run(log) {
    const url = await benchDataset(
      'saraban_bench_search',
      `${LETTERS} letters`,
      async (target) => {
        const pool = openBenchPool(target, 4);
        try {
          const root = (
            await pool.query<{ id: string }>(
              `INSERT INTO units (kind, name_th, path, depth, active, reference_digits, created_at, updated_at)
             VALUES ('ministry', 'กระทรวงมหาดไทย', '/', 0, true, 'thai', now(), now()) RETURNING id`,
            )
          ).rows[0].id;
          await pool.query(`UPDATE units SET path = '/' || id || '/' WHERE id = $1`, [root]);
          await pool.query(
            `INSERT INTO units (kind, name_th, parent_id, path, depth, active, reference_digits, created_at, updated_at)
           SELECT 'province', 'จังหวัดที่ ' || n, $1::uuid, '/' || $1::text || '/', 1, true, 'thai', now(), now()
             FROM generate_series(1, 100) n`,
            [root],
          );
          await pool.query(`UPDATE units SET path = path || id || '/' WHERE parent_id = $1`, [
            root,
          ]);
          // Load without the search indexes, then build them (as a migration of real data would).
          await pool.query(
            'DROP INDEX letters_subject_form_trgm_idx, letters_sender_form_trgm_idx, letters_reference_form_trgm_idx',
          );
          const started = performance.now();
          for (let done = 0; done < LETTERS; done += 100_000) {
            const batch = Math.min(100_000, LETTERS - done);
            await pool.query(
              `WITH w AS (SELECT $2::text[] AS words), u AS (SELECT array_agg(id) AS ids FROM units WHERE parent_id = $1)
             INSERT INTO letters (id, kind, subject, sender_text, reference_raw, agency_prefix, agency_number, serial,
                                  letter_date, root_letter_id, created_unit_id, created_at)
             SELECT g.id, 'external',
                    words[1 + floor(random() * 50)::int] || words[1 + floor(random() * 50)::int] || ' ' ||
                    words[1 + floor(random() * 50)::int] || words[1 + floor(random() * 50)::int] || ' ครั้งที่ ' || g.n,
                    'สำนักงาน' || words[1 + floor(random() * 50)::int],
                    'มท ' || lpad((g.n % 9000)::text, 4, '0') || '.' || (g.n % 7) || '/' || g.n,
                    'มท', lpad((g.n % 9000)::text, 4, '0') || '.' || (g.n % 7), g.n,
                    date '2020-01-01' + (g.n % 2500), g.id, ids[1 + (g.n % 100)],
                    timestamptz '2020-01-01' + g.n * interval '1 minute'
               FROM w, u, (SELECT gen_random_uuid() AS id, n FROM generate_series($3::int, $4::int) n) g`,
              [root, WORDS, done + 1, done + batch],
            );
            log(`  ${done + batch} letters`);
          }
          for (const [column, prefix] of [
            ['subject', 'letters_subject'],
            ['sender_text', 'letters_sender'],
            ['reference_raw', 'letters_reference'],
          ]) {
            await pool.query(
              `CREATE INDEX ${prefix}_form_trgm_idx ON letters USING gin (saraban_search_form(${column}) gin_trgm_ops)`,
            );
            await pool.query(
              `ALTER INDEX ${prefix}_form_trgm_idx ALTER COLUMN 1 SET STATISTICS 1000`,
            );
          }
          await pool.query('ANALYZE letters');
          log(`  loaded and indexed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
        } finally {
          await pool.end();
        }
      },
      log,
    );

    const dataSource = await openBenchDataSource(url, 4);
    const [{ id: root }]: { id: string }[] = await dataSource.query(
      `SELECT id FROM units WHERE kind = 'ministry' AND parent_id IS NULL`,
    );
    const repository = new LettersRepository(dataSource);
    const access = new AccessService(undefined as never);
    const service = new LettersService(
      dataSource,
      repository,
      access,
      undefined as never,
      undefined as never,
      new ReadReplica(dataSource, { databaseReadUrl: null } as AppConfig, undefined as never),
      undefined as never,
      // Search reads no PDF.
      undefined as never,
    );
    const principal: Principal = {
      userId: '00000000-0000-4000-8000-000000000001',
      username: 'bench.head',
      displayName: 'bench',
      positionTitle: null,
      clearance: 'none',
      sessionId: 'bench',
      grants: [
        {
          membershipId: 'm',
          unitId: root,
          unitPath: `/${root}/`,
          unitName: 'กระทรวงมหาดไทย',
          role: 'head',
          acting: false,
          startsAt: new Date(0),
          endsAt: null,
        },
      ],
    };
    // Common words, word pairs across a boundary, rare phrases and reference numbers.
    const queries = Array.from({ length: QUERIES }, (_, i) => {
      switch (i % 4) {
        case 0:
          return WORDS[i % WORDS.length];
        case 1:
          return `${WORDS[i % WORDS.length].slice(-2)}${WORDS[(i * 7) % WORDS.length].slice(0, 3)}`;
        case 2:
          return `ครั้งที่ ${(i * 9973) % LETTERS}`;
        default:
          return `มท ${String((i * 37) % 9000).padStart(4, '0')}.${i % 7}/${i * 9000 + ((i * 37) % 9000)}`;
      }
    });
    const time = async (indexed: boolean) => {
      const timings: number[] = [];
      for (const q of queries) {
        const started = performance.now();
        if (indexed) {
          await service.search(principal, { q, limit: 20 });
        } else {
          await dataSource.transaction(async (manager) => {
            await manager.query('SET LOCAL enable_bitmapscan = off');
            await manager.query('SET LOCAL enable_indexscan = off');
            const visibility = service.visibilityPredicate(principal, 1);
            await manager.query(
              `SELECT l.id FROM letters l WHERE ${visibility.sql}
                 AND (l.subject ILIKE $3 OR l.sender_text ILIKE $3 OR l.reference_raw ILIKE $3)
               ORDER BY l.created_at DESC, l.id DESC LIMIT 21`,
              [...visibility.params, likePattern(q)],
            );
          });
        }
        timings.push(performance.now() - started);
      }
      return timings;
    };
    const indexed = await time(true);
    const bare = await time(false);
    log(
      `  indexed: median ${percentile(indexed, 50).toFixed(1)} ms, p95 ${percentile(indexed, 95).toFixed(1)} ms`,
    );
    log(
      `  without index: median ${percentile(bare, 50).toFixed(1)} ms, p95 ${percentile(bare, 95).toFixed(1)} ms`,
    );
    await dataSource.destroy();
    return {
      measured: { value: percentile(indexed, 95), unit: 'ms p95' },
      reference: { value: percentile(bare, 95), unit: 'ms p95' },
    };
  },
};
