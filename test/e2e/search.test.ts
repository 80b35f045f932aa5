import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchForm } from 'src/thai/normalize.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories } from '../factories/index.js';
import { pageOf } from '../harness/api-body.js';

/**
 * Thai substring search. The trigram indexes hold the search form of the text (marks
 * replaced by letters); these tests pin down that the answers are exact: a mark is part
 * of the word.
 */
describe('searching letters', () => {
  let t: TestApp;
  let f: Factories;
  let auth: string;

  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
    f = factories(t);
    const unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดทดสอบการค้นหา' });
    await f.newUser({ username: 'search.clerk', memberships: [{ unit, role: 'clerk' }] });
    auth = (await f.signIn('search.clerk')).headers.Authorization;
    for (const [subject, referenceNumber] of [
      ['ขออนุญาตตัดไม้สักในเขตป่าสงวน ครั้งที่ ๕', 'มท ๐๒๑๐.๕/ว๑๐๕๕๗'],
      ['ห้ามเผาไม่ว่ากรณีใด', 'มท ๐๘๑๖.๓/ว๒๒'],
      ['รายงานระบบ GFMIS ประจำเดือน', 'กค ๐๔๐๒.๒/ว๑๒'],
    ]) {
      await t.http
        .post('/api/v1/letters')
        .set('Authorization', auth)
        .send({ kind: 'external', subject, referenceNumber })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const subjects = async (q: string) => {
    const res = await t.http
      .get(`/api/v1/letters?q=${encodeURIComponent(q)}`)
      .set('Authorization', auth)
      .expect(200);
    return pageOf(res, 'LetterSummaryResponse')
      .items.map((l) => l.subject)
      .sort();
  };

  it('tells words apart that differ only by a tone mark', async () => {
    // ไม้ (wood) and ไม่ (not) differ by one tone mark; only the exact word is found.
    expect(await subjects('ตัดไม้')).toEqual(['ขออนุญาตตัดไม้สักในเขตป่าสงวน ครั้งที่ ๕']);
    expect(await subjects('เผาไม่')).toEqual(['ห้ามเผาไม่ว่ากรณีใด']);
    expect(await subjects('ไม้')).toEqual(['ขออนุญาตตัดไม้สักในเขตป่าสงวน ครั้งที่ ๕']);
    expect(await subjects('ไม่ว่า')).toEqual(['ห้ามเผาไม่ว่ากรณีใด']);
    expect(await subjects('ตัดไม')).toEqual(['ขออนุญาตตัดไม้สักในเขตป่าสงวน ครั้งที่ ๕']);
    expect(await subjects('ไมว่า')).toEqual([]);
  });

  it('finds phrases across marks, in either digit set, and Latin in any case', async () => {
    expect(await subjects('ครั้งที่ 5')).toEqual(['ขออนุญาตตัดไม้สักในเขตป่าสงวน ครั้งที่ ๕']);
    expect(await subjects('ป่าสงวน ครั้ง')).toEqual(['ขออนุญาตตัดไม้สักในเขตป่าสงวน ครั้งที่ ๕']);
    expect(await subjects('gfmis')).toEqual(['รายงานระบบ GFMIS ประจำเดือน']);
    expect(await subjects('0816.3')).toEqual(['ห้ามเผาไม่ว่ากรณีใด']);
    expect(await subjects('ครงท')).toEqual([]);
  });

  it('makes the search form in the database exactly as searchForm does, for every Thai code point', async () => {
    const all = Array.from({ length: 0x80 }, (_, i) => String.fromCodePoint(0x0e00 + i)).join('');
    const text = `${all} ครั้งที่ น้ำ ปั๊ม ผู้ใหญ่ Ab`;
    const rows: { folded: string }[] = await t.dataSource.query(
      'SELECT saraban_search_form($1) AS folded',
      [text],
    );
    expect(rows[0].folded).toBe(searchForm(text));
    expect(rows[0].folded).not.toMatch(/\p{Mn}/u);
  });
});
