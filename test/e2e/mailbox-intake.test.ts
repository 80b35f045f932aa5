import { randomBytes } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailboxConfig } from 'src/config/config.js';
import { MailboxPoller } from 'src/modules/mailbox/mailbox-poller.js';
import { MAILBOX_LOCK_NAMESPACE } from 'src/modules/mailbox/mailbox.repository.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { bodyOf, pageOf, problemOf } from '../harness/api-body.js';
import { DovecotServer, hasDovecot, type ImapAccount } from '../harness/imap.js';
import { factories, type Factories, type TestUnit } from '../factories/index.js';
import { samplePdf } from '../factories/sample-pdf.js';

const ACCOUNT: ImapAccount = { user: 'saraban.office', password: 'imap-secret-2569' };
const MESSAGE_LIMIT = 1_048_576;
const OTHER_ACCOUNT: ImapAccount = { user: 'saraban.district', password: 'imap-secret-2570' };

async function compose(mail: Mail.Options): Promise<Buffer> {
  return new MailComposer({ from: 'สำนักงานจังหวัด <saraban@province.go.th>', ...mail })
    .compile()
    .build();
}

/**
 * Forwards to the IMAP server and, once armed, cuts a connection after that many bytes
 * came from the server: the stream drops in the middle of a message's FETCH.
 */
class CuttingProxy {
  private server?: net.Server;
  port = 0;
  cuts = 0;

  constructor(
    private readonly targetPort: number,
    private readonly cutAfterBytes: number,
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, '127.0.0.1');
      let received = 0;
      const drop = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
      client.pipe(upstream);
      upstream.on('data', (chunk: Buffer) => {
        received += chunk.byteLength;
        if (received > this.cutAfterBytes) {
          this.cuts += 1;
          drop();
          return;
        }
        client.write(chunk);
      });
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}

if (!hasDovecot()) {
  console.warn(
    'e-mail intake tests skipped: /usr/sbin/dovecot is not installed (apt-get install dovecot-imapd)',
  );
}

describe.skipIf(!hasDovecot())('e-mail intake from a real IMAP server (dovecot)', () => {
  let t: TestApp;
  let f: Factories;
  let imap: DovecotServer;
  let poller: MailboxPoller;
  let office: TestUnit;
  let district: TestUnit;
  let clerk: string;
  let official: string;
  let districtClerk: string;
  let mailbox: MailboxConfig;
  let districtMailbox: MailboxConfig;
  let pdfA: Buffer;
  let pdfB: Buffer;
  // The local web server the links in bodies point at: it must never be asked anything.
  let web: http.Server;
  let webUrl: string;
  const webRequests: string[] = [];

  const drafts = async (auth = clerk, unit = office, query = '') =>
    pageOf(
      await t.http
        .get(`/api/v1/units/${unit.id}/intake${query}`)
        .set('Authorization', auth)
        .expect(200),
      'DraftResponse',
    ).items;
  const draftByMessage = async (messageId: string) =>
    (await drafts(clerk, office, '?limit=100')).find((d) => d.messageId === messageId);
  const fileCount = async (unit: TestUnit) =>
    Number(
      (
        await t.dataSource.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM files WHERE uploaded_unit_id = $1',
          [unit.id],
        )
      )[0].n,
    );
  const draftCount = async (unit: TestUnit) =>
    Number(
      (
        await t.dataSource.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM mailbox_drafts WHERE unit_id = $1',
          [unit.id],
        )
      )[0].n,
    );
  const pollOk = async (box = mailbox) => {
    const result = await poller.poll(box);
    if (!result.polled) throw new Error('mailbox was locked');
    return result;
  };

  beforeAll(async () => {
    imap = new DovecotServer([ACCOUNT, OTHER_ACCOUNT]);
    await imap.start();
    web = http.createServer((req, res) => {
      webRequests.push(req.url ?? '');
      res.end('tracked');
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as net.AddressInfo).port}`;

    // Limits small enough to cross cheaply: a 1 MiB message, a 300 kB PDF.
    t = await createTestApp({
      env: { MAILBOX_MESSAGE_MAX_BYTES: String(MESSAGE_LIMIT), FILE_MAX_BYTES: '300000' },
    });
    f = factories(t);
    t.clock.set('2026-03-02T02:00:00Z');
    office = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดร้อยเอ็ด', letterCode: 'รอ' });
    district = await f.newUnit({ kind: 'other', nameTh: 'ที่ทำการปกครองอำเภอเสลภูมิ' });
    await f.newUser({ username: 'mail.clerk', memberships: [{ unit: office, role: 'clerk' }] });
    await f.newUser({
      username: 'mail.official',
      memberships: [{ unit: office, role: 'official' }],
    });
    await f.newUser({
      username: 'mail.district',
      memberships: [{ unit: district, role: 'clerk' }],
    });
    clerk = (await f.signIn('mail.clerk')).headers.Authorization;
    official = (await f.signIn('mail.official')).headers.Authorization;
    districtClerk = (await f.signIn('mail.district')).headers.Authorization;
    poller = t.get(MailboxPoller);
    const box = (unit: TestUnit, account: ImapAccount): MailboxConfig => ({
      unitId: unit.id,
      host: '127.0.0.1',
      port: imap.port,
      tls: false,
      user: account.user,
      passwordEnv: 'UNUSED',
      password: account.password,
      folder: 'INBOX',
      processedFolder: 'Saraban/Processed',
    });
    mailbox = box(office, ACCOUNT);
    districtMailbox = box(district, OTHER_ACCOUNT);
    pdfA = await samplePdf('letter MT 0210.5/263');
    pdfB = await samplePdf('enclosure', 2);
  });

  afterAll(async () => {
    await t?.close();
    await imap?.stop();
    await new Promise((resolve) => web?.close(resolve));
  });

  it('makes one draft with two files from a message with two PDFs, then moves it', async () => {
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<two-pdfs@province.go.th>',
        subject: 'ขอเชิญประชุม',
        date: new Date('2026-03-01T09:00:00+07:00'),
        text: 'เรียน นายอำเภอ ตามสิ่งที่ส่งมาด้วย',
        attachments: [
          { filename: 'หนังสือ.pdf', content: pdfA, contentType: 'application/pdf' },
          { filename: 'enclosure.pdf', content: pdfB, contentType: 'application/octet-stream' },
        ],
      }),
    );
    const result = await pollOk();
    expect(result).toMatchObject({ drafts: 1, moved: 1, failed: 0 });
    const draft = (await draftByMessage('<two-pdfs@province.go.th>'))!;
    expect(draft).toMatchObject({
      subject: 'ขอเชิญประชุม',
      status: 'pending',
      hasPdf: true,
      sentAt: '2026-03-01T02:00:00.000Z',
      skippedAttachments: [],
    });
    expect(draft.sender).toContain('saraban@province.go.th');
    expect(draft.files.map((x) => [x.name, x.position, x.duplicate])).toEqual([
      ['หนังสือ.pdf', 0, false],
      ['enclosure.pdf', 1, false],
    ]);
    expect(await fileCount(office)).toBe(2);
    // Stored as uploads are: the clerk reads the original through the files API.
    const original = await t.http
      .get(`/api/v1/files/${draft.files[0].fileId}/content`)
      .set('Authorization', clerk)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(original.body as Buffer, pdfA)).toBe(0);
    expect(await imap.subjects(ACCOUNT, 'INBOX')).toEqual([]);
    expect(await imap.subjects(ACCOUNT, 'Saraban/Processed')).toEqual(['ขอเชิญประชุม']);
    const audit = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE subject_id = $1`,
      [draft.id],
    );
    expect(audit).toEqual([{ action: 'mailbox.draft-received' }]);
  });

  it('makes no second draft when the same message arrives again, with or without a Message-ID', async () => {
    const again = await compose({
      messageId: '<two-pdfs@province.go.th>',
      subject: 'ขอเชิญประชุม (ส่งซ้ำ)',
      attachments: [{ filename: 'หนังสือ.pdf', content: pdfA }],
    });
    await imap.append(ACCOUNT, again);
    await imap.append(ACCOUNT, again);
    const before = await draftCount(office);
    expect(await pollOk()).toMatchObject({ drafts: 0, repeats: 2, moved: 2 });
    expect(await draftCount(office)).toBe(before);

    // No Message-ID header: the message's own bytes identify it.
    const bare = (await compose({ subject: 'ไม่มีรหัสข้อความ', text: 'ทดสอบ' }))
      .toString('latin1')
      .replace(/^Message-ID:.*\r\n/im, '');
    expect(bare).not.toMatch(/^Message-ID:/im);
    await imap.append(ACCOUNT, Buffer.from(bare, 'latin1'));
    await imap.append(ACCOUNT, Buffer.from(bare, 'latin1'));
    expect(await pollOk()).toMatchObject({ drafts: 1, repeats: 1, moved: 2 });
    const made = (await drafts(clerk, office, '?limit=100')).filter(
      (d) => d.subject === 'ไม่มีรหัสข้อความ',
    );
    expect(made).toHaveLength(1);
    expect(made[0].messageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(made[0].hasPdf).toBe(false);
  });

  it('stores a PDF the unit already has only once, even within one message', async () => {
    const files = await fileCount(office);
    const first = (await draftByMessage('<two-pdfs@province.go.th>'))!;
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<same-pdf@district.go.th>',
        subject: 'ส่งหนังสือฉบับเดิมอีกครั้ง',
        attachments: [
          { filename: 'copy.pdf', content: pdfA },
          { filename: 'copy-again.pdf', content: pdfA },
        ],
      }),
    );
    expect(await pollOk()).toMatchObject({ drafts: 1 });
    const draft = (await draftByMessage('<same-pdf@district.go.th>'))!;
    expect(draft.files.map((x) => [x.fileId, x.duplicate])).toEqual([
      [first.files[0].fileId, true],
      [first.files[0].fileId, true],
    ]);
    expect(await fileCount(office)).toBe(files);

    // Another unit's mailbox with the same bytes gets its own file: files are per unit.
    await imap.append(
      OTHER_ACCOUNT,
      await compose({
        messageId: '<same-pdf@district.go.th>',
        subject: 'สำเนาถึงอำเภอ',
        attachments: [{ filename: 'copy.pdf', content: pdfA }],
      }),
    );
    expect(await pollOk(districtMailbox)).toMatchObject({ drafts: 1 });
    expect(await fileCount(district)).toBe(1);
    const districtDraft = (await drafts(districtClerk, district))[0];
    expect(districtDraft.files[0]).toMatchObject({ duplicate: false });
    expect(districtDraft.files[0].fileId).not.toBe(first.files[0].fileId);
  });

  it('records attachments that are not PDFs, or that the upload checks refuse, as skipped', async () => {
    const files = await fileCount(office);
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<mixed@province.go.th>',
        subject: 'เอกสารหลายแบบ',
        attachments: [
          { filename: 'รูปถ่าย.png', content: randomBytes(300), contentType: 'image/png' },
          {
            filename: 'แบบฟอร์ม.docx',
            content: randomBytes(500),
            contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          },
          // Says it is a PDF; its bytes are not.
          {
            filename: 'fake.pdf',
            content: Buffer.from('<html>not a pdf</html>'),
            contentType: 'application/pdf',
          },
          // Starts as a PDF but cannot be parsed: the upload check refuses it.
          {
            filename: 'broken.pdf',
            content: Buffer.from('%PDF-1.7\n garbage'),
            contentType: 'application/pdf',
          },
        ],
      }),
    );
    expect(await pollOk()).toMatchObject({ drafts: 1, failed: 0 });
    const draft = (await draftByMessage('<mixed@province.go.th>'))!;
    expect(draft.hasPdf).toBe(false);
    expect(draft.files).toEqual([]);
    expect(draft.skippedAttachments).toEqual([
      { name: 'รูปถ่าย.png', contentType: 'image/png', size: 300, reason: 'not_pdf' },
      {
        name: 'แบบฟอร์ม.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        size: 500,
        reason: 'not_pdf',
      },
      { name: 'fake.pdf', contentType: 'application/pdf', size: 22, reason: 'not_pdf' },
      {
        name: 'broken.pdf',
        contentType: 'application/pdf',
        size: 17,
        reason: 'FILE_PDF_UNPARSEABLE',
      },
    ]);
    expect(await fileCount(office)).toBe(files);
  });

  it('records a message over the size limit from its headers, never downloading it, and moves it', async () => {
    const files = await fileCount(office);
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<whole-book@province.go.th>',
        subject: 'สแกนทั้งเล่ม',
        date: new Date('2026-03-01T03:00:00Z'),
        attachments: [
          { filename: 'book.pdf', content: Buffer.concat([pdfA, randomBytes(1_200_000)]) },
        ],
      }),
    );
    // Within the message limit, but a PDF over FILE_MAX_BYTES: skipped like any refused PDF.
    const bigPdf = Buffer.concat([pdfB, Buffer.from(`\n%${'x'.repeat(400_000)}\n`)]);
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<big-pdf@province.go.th>',
        subject: 'แนบไฟล์ใหญ่',
        attachments: [{ filename: 'big.pdf', content: bigPdf }],
      }),
    );
    expect(await pollOk()).toMatchObject({ drafts: 2, moved: 2, failed: 0, oversize: 1 });
    const whole = (await draftByMessage('<whole-book@province.go.th>'))!;
    expect(whole).toMatchObject({
      subject: 'สแกนทั้งเล่ม',
      sentAt: '2026-03-01T03:00:00.000Z',
      hasPdf: false,
      files: [],
      bodyText: null,
    });
    expect(whole.sender).toContain('saraban@province.go.th');
    expect(whole.skippedAttachments).toEqual([
      {
        name: null,
        contentType: 'message/rfc822',
        size: expect.any(Number) as number,
        reason: 'message_too_large',
      },
    ]);
    expect(whole.skippedAttachments[0].size).toBeGreaterThan(MESSAGE_LIMIT);
    const big = (await draftByMessage('<big-pdf@province.go.th>'))!;
    expect(big.skippedAttachments).toEqual([
      {
        name: 'big.pdf',
        contentType: 'application/pdf',
        size: bigPdf.byteLength,
        reason: 'FILE_TOO_LARGE',
      },
    ]);
    expect(await fileCount(office)).toBe(files);
    // Out of the way: moved with the others, so the next poll neither fetches nor retries it.
    expect(await imap.subjects(ACCOUNT, 'INBOX')).toEqual([]);
    expect(await pollOk()).toMatchObject({ drafts: 0, repeats: 0, moved: 0, oversize: 0 });
  });

  it('never follows a link of the body: text links, HTML links and remote images', async () => {
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<links@province.go.th>',
        subject: 'มีลิงก์ในเนื้อความ',
        text: `ดาวน์โหลดหนังสือได้ที่ ${webUrl}/letter.pdf หรือ ${webUrl}/form`,
        html: `<p>ดาวน์โหลด <a href="${webUrl}/letter.pdf">ที่นี่</a></p><img src="${webUrl}/pixel.png"><link rel="stylesheet" href="${webUrl}/style.css">`,
        attachments: [{ filename: 'letter.pdf', content: pdfB }],
      }),
    );
    expect(await pollOk()).toMatchObject({ drafts: 1 });
    const draft = (await draftByMessage('<links@province.go.th>'))!;
    expect(draft.bodyText).toContain(`${webUrl}/letter.pdf`);
    expect(draft.files).toHaveLength(1);
    expect(webRequests).toEqual([]);
  });

  it('records nothing and moves nothing when the server drops mid-fetch; the next poll does it', async () => {
    const big = randomBytes(400_000);
    await imap.append(
      ACCOUNT,
      await compose({
        messageId: '<cut@province.go.th>',
        subject: 'ไฟล์ใหญ่',
        attachments: [
          { filename: 'letter.pdf', content: await samplePdf('large scan') },
          { filename: 'scan.tiff', content: big, contentType: 'image/tiff' },
        ],
      }),
    );
    const proxy = new CuttingProxy(imap.port, 60_000);
    await proxy.start();
    try {
      await expect(poller.poll({ ...mailbox, port: proxy.port })).rejects.toThrow();
      expect(proxy.cuts).toBe(1);
    } finally {
      await proxy.stop();
    }
    expect(await draftByMessage('<cut@province.go.th>')).toBeUndefined();
    expect(await imap.subjects(ACCOUNT, 'INBOX')).toEqual(['ไฟล์ใหญ่']);

    // The whole server goes down and comes back: still nothing half-done.
    await imap.kill();
    await expect(poller.poll(mailbox)).rejects.toThrow();
    await imap.restart();

    expect(await pollOk()).toMatchObject({ drafts: 1, moved: 1 });
    const draft = (await draftByMessage('<cut@province.go.th>'))!;
    expect(draft.files).toHaveLength(1);
    expect(draft.skippedAttachments).toEqual([
      { name: 'scan.tiff', contentType: 'image/tiff', size: big.byteLength, reason: 'not_pdf' },
    ]);
    expect(await imap.subjects(ACCOUNT, 'INBOX')).toEqual([]);
  });

  it('leaves a mailbox alone while another worker polls it (advisory lock)', async () => {
    await imap.append(
      ACCOUNT,
      await compose({ messageId: '<locked@province.go.th>', subject: 'รอคิว' }),
    );
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1, hashtext($2))', [
        MAILBOX_LOCK_NAMESPACE,
        office.id,
      ]);
      expect(await poller.poll(mailbox)).toEqual({ polled: false, reason: 'locked' });
      expect(await imap.subjects(ACCOUNT, 'INBOX')).toEqual(['รอคิว']);
      // Another unit's mailbox is not held up by it.
      expect((await poller.poll(districtMailbox)).polled).toBe(true);
      await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [
        MAILBOX_LOCK_NAMESPACE,
        office.id,
      ]);
    } finally {
      await runner.release();
    }
    // Two polls at once: one message, one draft.
    const both = await Promise.all([poller.poll(mailbox), poller.poll(mailbox)]);
    const drafted = both.reduce((n, r) => n + (r.polled ? r.drafts : 0), 0);
    expect(drafted).toBe(1);
    expect(await imap.subjects(ACCOUNT, 'INBOX')).toEqual([]);
  });

  it('lists drafts to the unit clerk only, newest first, page by page', async () => {
    const all = await drafts(clerk, office, '?limit=100');
    expect(all.length).toBeGreaterThanOrEqual(6);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor ? { limit: 2, cursor } : { limit: 2 };
      const res: { status: number; body: unknown } = await t.http
        .get(`/api/v1/units/${office.id}/intake`)
        .query(query)
        .set('Authorization', clerk)
        .expect(200);
      const page: { items: { id: string }[]; nextCursor: string | null } = pageOf(
        res,
        'DraftResponse',
      );
      seen.push(...page.items.map((d) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((d) => d.id));

    // One draft by its id, as the console opens it; the same access as the list.
    const one = await t.http
      .get(`/api/v1/units/${office.id}/intake/${all[0].id}`)
      .set('Authorization', clerk)
      .expect(200);
    expect(bodyOf(one, 'DraftResponse')).toEqual(all[0]);
    const missing = await t.http
      .get(`/api/v1/units/${office.id}/intake/${district.id}`)
      .set('Authorization', clerk)
      .expect(404);
    expect(problemOf(missing).code).toBe('MAILBOX_DRAFT_NOT_FOUND');

    for (const outsider of [official, districtClerk]) {
      const denied = await t.http
        .get(`/api/v1/units/${office.id}/intake`)
        .set('Authorization', outsider)
        .expect(404);
      expect(problemOf(denied).code).toBe('MAILBOX_UNIT_NOT_FOUND');
      const deniedOne = await t.http
        .get(`/api/v1/units/${office.id}/intake/${all[0].id}`)
        .set('Authorization', outsider)
        .expect(404);
      expect(problemOf(deniedOne).code).toBe('MAILBOX_UNIT_NOT_FOUND');
    }
    const bad = await t.http
      .get(`/api/v1/units/${office.id}/intake?cursor=bm90LWEtY3Vyc29y`)
      .set('Authorization', clerk)
      .expect(400);
    expect(problemOf(bad).code).toBe('MAILBOX_CURSOR_INVALID');
    const pending = await drafts(clerk, office, '?status=confirmed');
    expect(pending).toEqual([]);
  });

  it('confirms a draft into a letter and a register entry in one transaction', async () => {
    const draft = (await draftByMessage('<two-pdfs@province.go.th>'))!;
    const url = `/api/v1/units/${office.id}/intake/${draft.id}/confirm`;
    const fields = {
      kind: 'external',
      subject: 'ขอเชิญประชุมคณะกรรมการ',
      referenceNumber: 'มท ๐๒๑๐.๕/๒๖๓',
      letterDate: '๑ มีนาคม ๒๕๖๙',
      action: 'เสนอ ผวจ.',
    };

    // Refused commands leave the draft and the books as they were.
    const unreadable = await t.http
      .post(url)
      .set('Authorization', clerk)
      .send({ ...fields, referenceNumber: 'ไม่ใช่เลขที่' })
      .expect(400);
    expect(problemOf(unreadable).code).toBe('LETTER_REFERENCE_INVALID');
    const topSecret = await t.http
      .post(url)
      .set('Authorization', clerk)
      .send({ ...fields, secrecy: 'top_secret' })
      .expect(422);
    expect(problemOf(topSecret).code).toBe('LETTER_TOP_SECRET');
    const otherRegister = (
      await t.http
        .get(`/api/v1/units/${district.id}/registers`)
        .set('Authorization', districtClerk)
        .expect(200)
    ).body as { id: string; kind: string }[];
    const foreign = await t.http
      .post(url)
      .set('Authorization', clerk)
      .send({ ...fields, registerId: otherRegister.find((r) => r.kind === 'incoming')!.id })
      .expect(404);
    expect(problemOf(foreign).code).toBe('REGISTER_NOT_FOUND');
    const stranger = await t.http
      .post(url)
      .set('Authorization', districtClerk)
      .send(fields)
      .expect(404);
    expect(problemOf(stranger).code).toBe('MAILBOX_UNIT_NOT_FOUND');
    expect((await draftByMessage('<two-pdfs@province.go.th>'))!.status).toBe('pending');
    expect(
      await t.dataSource.query('SELECT id FROM letters WHERE created_unit_id = $1', [office.id]),
    ).toEqual([]);

    const confirmed = await t.http
      .post(url)
      .set('Authorization', clerk)
      .set('Idempotency-Key', 'confirm-two-pdfs')
      .send(fields)
      .expect(201);
    const body = bodyOf(confirmed, 'ConfirmedDraftResponse');
    expect(body.draft).toMatchObject({ status: 'confirmed', letterId: body.entry.letterId });
    expect(body.entry).toMatchObject({ receiptNumber: 1, beYear: 2569, action: 'เสนอ ผวจ.' });
    const letter = await t.http
      .get(`/api/v1/letters/${body.entry.letterId}`)
      .set('Authorization', clerk)
      .expect(200);
    expect(letter.body).toMatchObject({
      subject: 'ขอเชิญประชุมคณะกรรมการ',
      fileIds: draft.files.map((x) => x.fileId),
    });
    const register = await t.dataSource.query<{ kind: string }[]>(
      `SELECT r.kind FROM register_entries e JOIN registers r ON r.id = e.register_id WHERE e.id = $1`,
      [body.entry.id],
    );
    expect(register).toEqual([{ kind: 'incoming' }]);

    // A retry with the key answers the same; without it, the decided draft is a conflict.
    const replay = await t.http
      .post(url)
      .set('Authorization', clerk)
      .set('Idempotency-Key', 'confirm-two-pdfs')
      .send(fields)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(bodyOf(replay, 'ConfirmedDraftResponse').entry.id).toBe(body.entry.id);
    const again = await t.http.post(url).set('Authorization', clerk).send(fields).expect(409);
    expect(problemOf(again).code).toBe('MAILBOX_DRAFT_CLOSED');
    const discardConfirmed = await t.http
      .post(`/api/v1/units/${office.id}/intake/${draft.id}/discard`)
      .set('Authorization', clerk)
      .send({ reason: 'ซ้ำ' })
      .expect(409);
    expect(problemOf(discardConfirmed).code).toBe('MAILBOX_DRAFT_CLOSED');
    expect(
      await t.dataSource.query(
        'SELECT count(*)::int AS n FROM register_entries e JOIN registers r ON r.id = e.register_id WHERE r.unit_id = $1',
        [office.id],
      ),
    ).toEqual([{ n: 1 }]);
    const events = await t.dataSource.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`,
      [draft.id],
    );
    expect(events.map((e) => e.action)).toEqual([
      'mailbox.draft-received',
      'mailbox.draft-confirmed',
    ]);
  });

  it('discards a draft with a Thai reason, once', async () => {
    const draft = (await draftByMessage('<mixed@province.go.th>'))!;
    const url = `/api/v1/units/${office.id}/intake/${draft.id}/discard`;
    for (const reason of [undefined, '', '   ', 'spam, not a letter']) {
      const refused = await t.http
        .post(url)
        .set('Authorization', clerk)
        .send({ reason })
        .expect(400);
      expect(problemOf(refused).code).toBe('VALIDATION_FAILED');
    }
    const foreign = await t.http
      .post(`/api/v1/units/${district.id}/intake/${draft.id}/discard`)
      .set('Authorization', districtClerk)
      .send({ reason: 'ไม่เกี่ยวข้อง' })
      .expect(404);
    expect(problemOf(foreign).code).toBe('MAILBOX_DRAFT_NOT_FOUND');
    const done = await t.http
      .post(url)
      .set('Authorization', clerk)
      .send({ reason: '  ไม่ใช่หนังสือราชการ ไม่มีไฟล์ PDF  ' })
      .expect(201);
    expect(bodyOf(done, 'DraftResponse')).toMatchObject({
      status: 'discarded',
      discardReason: 'ไม่ใช่หนังสือราชการ ไม่มีไฟล์ PDF',
      letterId: null,
    });
    const twice = await t.http
      .post(url)
      .set('Authorization', clerk)
      .send({ reason: 'ซ้ำ' })
      .expect(409);
    expect(problemOf(twice).code).toBe('MAILBOX_DRAFT_CLOSED');
    const confirmDiscarded = await t.http
      .post(`/api/v1/units/${office.id}/intake/${draft.id}/confirm`)
      .set('Authorization', clerk)
      .send({ kind: 'external', subject: 'ทดสอบ' })
      .expect(409);
    expect(problemOf(confirmDiscarded).code).toBe('MAILBOX_DRAFT_CLOSED');
    const listed = await drafts(clerk, office, '?status=discarded');
    expect(listed.map((d) => d.id)).toEqual([draft.id]);
  });
});
