import { Inject, Injectable } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from 'src/config/config.js';

/** A message as it leaves the system: plain text, already through the no-links check. */
export interface OutboundText {
  kind: string;
  subject: string;
  body: string;
}

/** One way out (e-mail, webhook). Every channel gets the same checked text. */
export interface OutboundChannel {
  readonly name: 'email' | 'webhook';
  readonly enabled: boolean;
  send(address: string, message: OutboundText): Promise<void>;
}

/** E-mail over SMTP (`SMTP_URL`); off when it is empty. */
@Injectable()
export class EmailChannel implements OutboundChannel {
  readonly name = 'email' as const;
  readonly enabled: boolean;
  /** The longest wait for the server at each step (connect, greeting, each answer). */
  readonly timeoutMs: number;
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.enabled = config.smtpUrl !== null;
    this.timeoutMs = config.smtpTimeoutMs;
  }

  async send(address: string, message: OutboundText): Promise<void> {
    if (!this.config.smtpUrl) throw new Error('e-mail is off (SMTP_URL is empty)');
    // A send holds its outbox row's claim: a silent server must not hold it for the
    // library's default hour. nodemailer reads its options from the URL's query, so the
    // timeouts go there, unless the URL sets them itself.
    if (!this.transport) {
      const url = new URL(this.config.smtpUrl);
      for (const option of ['connectionTimeout', 'greetingTimeout', 'socketTimeout']) {
        if (!url.searchParams.has(option))
          url.searchParams.set(option, String(this.config.smtpTimeoutMs));
      }
      this.transport = createTransport(url.toString());
    }
    // Text only: no HTML part that a client could turn into links.
    await this.transport.sendMail({
      from: this.config.smtpFrom,
      to: address,
      subject: message.subject,
      text: message.body,
    });
  }
}

/** JSON POST to each of `WEBHOOK_URLS`; off when it is empty. */
@Injectable()
export class WebhookChannel implements OutboundChannel {
  readonly name = 'webhook' as const;
  readonly enabled: boolean;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.enabled = config.webhookUrls.length > 0;
  }

  addresses(): string[] {
    return this.config.webhookUrls;
  }

  async send(address: string, message: OutboundText): Promise<void> {
    const response = await fetch(address, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: message.kind, subject: message.subject, text: message.body }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`webhook answered ${response.status}`);
  }
}
