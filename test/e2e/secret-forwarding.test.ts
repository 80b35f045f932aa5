import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { countOf, rowsOf } from '../harness/sql.js';
import { bodyOf, idOf, problemOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';

/**
 * A classified letter (ลับ, ลับมาก) goes only to units where someone may open it and act on
 * it: a live clerk, head or admin cleared for its class. A forward that names any other
 * unit is refused whole (422 FORWARD_NO_CLEARED_MEMBER, the units named), writing nothing;
 * the preview and the recipient picker say so in advance; an ordinary letter is unaffected.
 */
describe('forwarding a classified letter only where someone cleared can act on it', () => {
  let t: TestApp;
  let f: Factories;
  let ministry: TestUnit;
  /** A cleared clerk. */
  let cleared: TestUnit;
  /** Only an uncleared clerk, and a cleared official (who neither registers nor returns). */
  let uncleared: TestUnit;
  /** Nobody at all. */
  let empty: TestUnit;
  /** An uncleared clerk and a cleared head: the head registers and returns. */
  let headOnly: TestUnit;
  /** Its cleared clerk's membership has ended. */
  let formerly: TestUnit;
  /** Its cleared clerk is deactivated. */
  let inactive: TestUnit;
  const auth: Record<string, string> = {};

  const api = (user: string) => ({
    get: (path: string) => t.http.get(`/api/v1${path}`).set('Authorization', auth[user]),
    post: (path: string, body: object = {}) =>
      t.http.post(`/api/v1${path}`).set('Authorization', auth[user]).send(body),
  });

  /** Rows a forward writes, to compare before and after a refusal. */
  const written = async () => ({
    forwards: await countOf(t.dataSource, 'SELECT count(*) FROM forwards'),
    deliveries: await countOf(t.dataSource, 'SELECT count(*) FROM deliveries'),
    notifications: await countOf(t.dataSource, 'SELECT count(*) FROM notifications'),
    annotations: await countOf(t.dataSource, 'SELECT count(*) FROM annotations'),
    audit: await countOf(t.dataSource, 'SELECT count(*) FROM audit_events'),
    progress: await countOf(t.dataSource, 'SELECT count(*) FROM progress_events'),
  });

  /** A letter of the ministry numbered in its outgoing register; returns the entry id. */
  async function numbered(secrecy: string, subject: string): Promise<string> {
    const letter = await api('clerk.moi')
      .post('/letters', { kind: 'external', speed: 'urgent', secrecy, subject })
      .expect(201);
    const registers = await api('clerk.moi').get(`/units/${ministry.id}/registers`).expect(200);
    const outgoing = (registers.body as { id: string; kind: string }[]).find(
      (r) => r.kind === 'outgoing',
    )!;
    const entry = await api('clerk.moi')
      .post(`/registers/${outgoing.id}/numbers`, { letterId: idOf(letter) })
      .expect(201);
    return idOf(entry);
  }

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    t.clock.set('2026-03-04T03:00:00Z');
    const ds = t.dataSource;
    ministry = await f.newMinistry();
    const unit = (nameTh: string) => f.newUnit({ nameTh, kind: 'province', parent: ministry });
    cleared = await unit('จังหวัดร้อยเอ็ด');
    uncleared = await unit('จังหวัดขอนแก่น');
    empty = await unit('จังหวัดมหาสารคาม');
    headOnly = await unit('จังหวัดกาฬสินธุ์');
    formerly = await unit('จังหวัดยโสธร');
    inactive = await unit('จังหวัดอำนาจเจริญ');
    const people: [string, TestUnit, 'clerk' | 'head' | 'admin' | 'official', 'none' | 'secret'][] =
      [
        ['clerk.moi', ministry, 'clerk', 'secret'],
        ['clerk.roiet', cleared, 'clerk', 'secret'],
        ['admin.roiet', cleared, 'admin', 'none'],
        ['clerk.khonkaen', uncleared, 'clerk', 'none'],
        ['official.khonkaen', uncleared, 'official', 'secret'],
        ['clerk.kalasin', headOnly, 'clerk', 'none'],
        ['head.kalasin', headOnly, 'head', 'secret'],
      ];
    for (const [username, at, role, clearance] of people) {
      await f.newUser({
        username: username,
        memberships: [{ unit: at, role }],
        clearance: clearance,
      });
      auth[username] = (await f.signIn(username)).headers.Authorization;
    }
    const gone = await f.newUser({
      username: 'clerk.yasothon',
      memberships: [{ unit: formerly, role: 'clerk' }],
      clearance: 'secret',
    });
    await ds.query(`UPDATE memberships SET ends_at = $2 WHERE user_id = $1`, [
      gone.id,
      new Date('2026-01-01T00:00:00Z'),
    ]);
    const off = await f.newUser({
      username: 'clerk.amnat',
      memberships: [{ unit: inactive, role: 'clerk' }],
      clearance: 'secret',
    });
    await ds.query(`UPDATE users SET active = false WHERE id = $1`, [off.id]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses the whole forward, naming every unit nobody cleared can act for, and writes nothing', async () => {
    const entryId = await numbered('secret', 'แผนการรักษาความปลอดภัยบุคคลสำคัญ');
    const before = await written();
    const res = await api('clerk.moi')
      .post(`/register-entries/${entryId}/forwards`, {
        unitIds: [cleared.id, uncleared.id, empty.id, headOnly.id, formerly.id, inactive.id],
        annotation: { text: 'เห็นควรแจ้งจังหวัดทราบ' },
      })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'FORWARD_NO_CLEARED_MEMBER',
      secrecy: 'secret',
      count: 4,
    });
    expect(problemOf(res).detail).toMatch(/ชั้นความลับ/);
    // The cleared province and the one whose head is cleared are not named; the rest are,
    // with their Thai names.
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const refused: unknown = problemOf(res).units;
    expect(Array.isArray(refused)).toBe(true);
    expect([...(refused as { id: string; nameTh: string }[])].sort(byId)).toEqual(
      [empty, formerly, uncleared, inactive]
        .map((u) => ({ id: u.id, nameTh: u.nameTh }))
        .sort(byId),
    );
    expect(JSON.stringify(res.body)).not.toContain('บุคคลสำคัญ');
    expect(await written()).toEqual(before);
  });

  it('a cleared unit alongside makes no difference; alone, or with a cleared head, it forwards', async () => {
    const entryId = await numbered('confidential', 'รายงานการข่าว');
    const before = await written();
    const refused = await api('clerk.moi')
      .post(`/register-entries/${entryId}/forwards`, { unitIds: [cleared.id, empty.id] })
      .expect(422);
    expect(refused.body).toMatchObject({
      code: 'FORWARD_NO_CLEARED_MEMBER',
      count: 1,
      units: [{ id: empty.id, nameTh: 'จังหวัดมหาสารคาม' }],
    });
    expect(await written()).toEqual(before);
    const sent = await api('clerk.moi')
      .post(`/register-entries/${entryId}/forwards`, { unitIds: [cleared.id, headOnly.id] })
      .expect(201);
    expect(sent.body).toMatchObject({ created: 2, skipped: { count: 0 } });
    // The same units again are skipped, not refused: no delivery would be created for them.
    await api('clerk.moi')
      .post(`/register-entries/${entryId}/forwards`, { unitIds: [cleared.id] })
      .expect(201);
  });

  it('an ordinary letter still goes to the same units', async () => {
    const letter = await api('clerk.moi')
      .post('/letters', { kind: 'external', subject: 'ขอเชิญประชุมประจำเดือน' })
      .expect(201);
    const { forward } = await f.numberAndForward(auth['clerk.moi'], ministry.id, idOf(letter), {
      unitIds: [uncleared.id, empty.id, formerly.id, inactive.id],
    });
    expect(forward).toMatchObject({ created: 4 });
  });

  it('the preview and the recipient picker say in advance which units would be refused', async () => {
    const entryId = await numbered('secret', 'การเตรียมการรับเสด็จ');
    const preview = await api('clerk.moi')
      .post(`/register-entries/${entryId}/forwards/preview`, {
        unitIds: [cleared.id, uncleared.id, empty.id],
      })
      .expect(200);
    expect(preview.body).toEqual({
      recipients: 3,
      alreadySent: 0,
      willCreate: 3,
      noClearedMember: {
        count: 2,
        units: like.arrayContaining([
          { id: uncleared.id, nameTh: 'จังหวัดขอนแก่น' },
          { id: empty.id, nameTh: 'จังหวัดมหาสารคาม' },
        ]),
      },
    });
    const ordinary = await numbered('none', 'แจ้งวันหยุดราชการ');
    const plain = await api('clerk.moi')
      .post(`/register-entries/${ordinary}/forwards/preview`, { unitIds: [empty.id] })
      .expect(200);
    expect(bodyOf(plain, 'ForwardPreview').noClearedMember).toEqual({ count: 0, units: [] });

    const picker = await api('clerk.moi')
      .get(`/units/${ministry.id}/forward-targets?entryId=${entryId}&limit=100`)
      .expect(200);
    const flags = Object.fromEntries(
      bodyOf(picker, 'ForwardTargets').items.map((i) => [i.id, i.noClearedMember]),
    );
    expect(flags).toEqual({
      [cleared.id]: false,
      [headOnly.id]: false,
      [uncleared.id]: true,
      [empty.id]: true,
      [formerly.id]: true,
      [inactive.id]: true,
    });
    const unflagged = await api('clerk.moi').get(`/units/${ministry.id}/forward-targets`);
    expect(bodyOf(unflagged, 'ForwardTargets').items[0]).not.toHaveProperty('noClearedMember');
  });

  it('the cleared clerk sees the delivery and can return it, or register it in the secret register', async () => {
    const entryId = await numbered('secret', 'ข้อมูลการข่าวชายแดน');
    const sent = await api('clerk.moi')
      .post(`/register-entries/${entryId}/forwards`, { unitIds: [cleared.id] })
      .expect(201);
    const [delivery] = await rowsOf<{ id: string }>(
      t.dataSource,
      `SELECT id FROM deliveries WHERE forward_id = $1`,
      [bodyOf(sent, 'ForwardResult').forwardId],
    );
    const inbox = await api('clerk.roiet').get(`/units/${cleared.id}/inbox`).expect(200);
    const item = bodyOf(inbox, 'InboxPageResponse').items.find((i) => i.deliveryId === delivery.id);
    expect(item?.subject).toBe('ข้อมูลการข่าวชายแดน');
    // Secret material has its own register (src/modules/registers/README.md), opened by the unit's admin.
    const book = await api('admin.roiet')
      .post(`/units/${cleared.id}/registers`, {
        name: 'ทะเบียนหนังสือรับลับ',
        direction: 'incoming',
        minClearance: 'secret',
      })
      .expect(201);
    const entry = await api('clerk.roiet')
      .post(`/registers/${idOf(book)}/entries`, { deliveryId: delivery.id })
      .expect(201);
    expect(bodyOf(entry, 'EntryResponse').receiptNumber).toBe(1);
    const [state] = await rowsOf(t.dataSource, `SELECT state FROM deliveries WHERE id = $1`, [
      delivery.id,
    ]);
    expect(state).toEqual({ state: 'received' });

    // A second secret letter: the cleared clerk returns it (wrong recipient).
    const other = await numbered('secret', 'ข้อมูลที่ส่งผิดหน่วยงาน');
    const again = await api('clerk.moi')
      .post(`/register-entries/${other}/forwards`, { unitIds: [cleared.id] })
      .expect(201);
    const [second] = await rowsOf<{ id: string }>(
      t.dataSource,
      `SELECT id FROM deliveries WHERE forward_id = $1`,
      [bodyOf(again, 'ForwardResult').forwardId],
    );
    await api('clerk.roiet')
      .post(`/deliveries/${second.id}/return`, { reason: 'ส่งผิดหน่วยงาน' })
      .expect(200);
  });
});
