import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, type MailboxConfig } from 'src/config/config.js';
import { logger } from 'src/logging/logger.js';
import { type IncomingMessage, MailboxService } from 'src/modules/mailbox/mailbox.service.js';
import { MailboxRepository } from 'src/modules/mailbox/mailbox.repository.js';

export type PollResult =
  | { polled: false; reason: 'locked' }
  | {
      polled: true;
      drafts: number;
      repeats: number;
      moved: number;
      failed: number;
      /** Messages over MAILBOX_MESSAGE_MAX_BYTES, recorded from their headers only */
      oversize: number;
    };

/**
 * The message's Message-ID, or, when it has none, the sha256 of its bytes: the same message
 * arriving twice must still make one draft.
 */
export function messageKey(messageId: string | undefined, source: Buffer): string {
  const trimmed = messageId?.trim();
  return trimmed ? trimmed : `sha256:${createHash('sha256').update(source).digest('hex')}`;
}

/** A parsed message as the service takes it. Only its attachments are used; links never. */
export async function readMessage(source: Buffer): Promise<IncomingMessage> {
  // mailparser only decodes: it never fetches a URL, remote image or linked file.
  const parsed = await simpleParser(source, {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
  });
  return {
    messageId: messageKey(parsed.messageId, source),
    sender: parsed.from?.text ?? null,
    subject: parsed.subject ?? null,
    sentAt: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    bodyText: parsed.text?.trim() ? parsed.text.trim() : null,
    attachments: parsed.attachments.map((a) => ({
      name: a.filename ?? null,
      contentType: a.contentType,
      content: a.content,
    })),
  };
}

/** What an IMAP FETCH of a message's size, envelope and headers answers. */
export interface MessageHead {
  uid: number;
  size?: number;
  headers?: Buffer;
  envelope?: {
    messageId?: string;
    subject?: string;
    date?: Date;
    from?: { name?: string; address?: string }[];
  };
}

/**
 * A message too large to download, as a draft records it: its envelope (sender, subject,
 * date, Message-ID, or the sha256 of its headers when it has none) and one skipped part
 * saying why, so the clerk sees that it came and can ask the sender for it another way.
 */
export function oversizeMessage(head: MessageHead): IncomingMessage {
  const envelope = head.envelope ?? {};
  const from = envelope.from?.[0];
  const sender = from
    ? from.name
      ? `"${from.name}" <${from.address ?? ''}>`
      : (from.address ?? null)
    : null;
  const date = envelope.date instanceof Date && !Number.isNaN(envelope.date.getTime());
  return {
    messageId: messageKey(envelope.messageId, head.headers ?? Buffer.from(String(head.uid))),
    sender,
    subject: envelope.subject ?? null,
    sentAt: date ? (envelope.date ?? null) : null,
    bodyText: null,
    attachments: [],
    skipped: [
      {
        name: null,
        contentType: 'message/rfc822',
        size: head.size ?? 0,
        reason: 'message_too_large',
      },
    ],
  };
}

/**
 * One poll of one unit's central mailbox, under that mailbox's PostgreSQL advisory lock so
 * that two workers never read it at once. Each message is recorded (one transaction), then
 * moved to the processed folder: only after the commit, so a message is never moved
 * without its draft; a message recorded but not moved (a dropped connection) is found
 * again next poll, recognised by its Message-ID and moved.
 */
@Injectable()
export class MailboxPoller {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MailboxRepository,
    private readonly service: MailboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async poll(mailbox: MailboxConfig): Promise<PollResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (!(await this.repository.tryLockMailbox(runner, mailbox.unitId))) {
        return { polled: false, reason: 'locked' };
      }
      try {
        return await this.pollLocked(mailbox);
      } finally {
        await this.repository.unlockMailbox(runner, mailbox.unitId);
      }
    } finally {
      await runner.release();
    }
  }

  private async pollLocked(mailbox: MailboxConfig): Promise<PollResult> {
    const client = new ImapFlow({
      host: mailbox.host,
      port: mailbox.port,
      secure: mailbox.tls,
      auth: { user: mailbox.user, pass: mailbox.password },
      logger: false,
      disableAutoIdle: true,
      connectionTimeout: this.config.mailboxTimeoutMs,
      greetingTimeout: this.config.mailboxTimeoutMs,
      socketTimeout: this.config.mailboxTimeoutMs,
    });
    // A dropped connection is also emitted as an event; unheard, it would end the process.
    client.on('error', (error: Error) =>
      logger.warn({ unitId: mailbox.unitId, err: error.message }, 'mailbox connection error'),
    );
    const result = {
      polled: true as const,
      drafts: 0,
      repeats: 0,
      moved: 0,
      failed: 0,
      oversize: 0,
    };
    await client.connect();
    try {
      const folders = await client.list();
      if (!folders.some((f) => f.path === mailbox.processedFolder)) {
        await client.mailboxCreate(mailbox.processedFolder);
      }
      const lock = await client.getMailboxLock(mailbox.folder);
      try {
        const found = await client.search({ all: true }, { uid: true });
        const uids = (found || []).sort((a, b) => a - b).slice(0, this.config.mailboxBatch);
        // Sizes first, in one FETCH: a message over the limit is never downloaded.
        const heads = new Map<number, MessageHead>();
        if (uids.length > 0) {
          for await (const head of client.fetch(
            uids.join(','),
            { uid: true, size: true, envelope: true, headers: true },
            { uid: true },
          )) {
            heads.set(head.uid, head as MessageHead);
          }
        }
        for (const uid of uids) {
          const head = heads.get(uid);
          let message: IncomingMessage;
          if (head?.size !== undefined && head.size > this.config.mailboxMessageMaxBytes) {
            message = oversizeMessage(head);
            result.oversize += 1;
          } else {
            const fetched = await client.fetchOne(String(uid), { source: true }, { uid: true });
            if (!fetched || !fetched.source) continue;
            message = await readMessage(fetched.source);
          }
          let outcome;
          try {
            outcome = await this.service.receiveMessage(mailbox.unitId, message);
          } catch (error) {
            // This message stays in the folder for the next poll; the others go on.
            result.failed += 1;
            logger.warn(
              { unitId: mailbox.unitId, uid, err: (error as Error).message },
              'mailbox message not recorded',
            );
            continue;
          }
          if (outcome.created) result.drafts += 1;
          else result.repeats += 1;
          await client.messageMove(String(uid), mailbox.processedFolder, { uid: true });
          result.moved += 1;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    if (result.drafts + result.failed > 0) {
      logger.info({ unitId: mailbox.unitId, ...result }, 'mailbox polled');
    }
    return result;
  }
}
