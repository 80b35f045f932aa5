import net from 'node:net';

/** One message as the sink received it: the SMTP envelope and the DATA, dot-unstuffed. */
export interface SinkMessage {
  /** Address of MAIL FROM. */
  from: string;
  /** Addresses of RCPT TO, in order. */
  to: string[];
  /** The message as sent after DATA, without the final `.` line. */
  raw: string;
}

/** A received message taken apart: headers unfolded, encoded words and body decoded. */
export interface DecodedMessage {
  headers: Record<string, string>;
  subject: string;
  contentType: string;
  text: string;
}

/**
 * A small SMTP server for tests (node:net only): HELO/EHLO, MAIL FROM, RCPT TO, DATA …
 * `.`, RSET, NOOP, QUIT. It offers no extension (no STARTTLS, no AUTH), so a client
 * talks plain SMTP to it, and records every accepted message. Listens on port 0.
 *
 * `rejectRecipients` answers RCPT TO with 550, for tests of a refusing server; `hangOn`
 * (a verb such as `MAIL`) stops answering from that command on, for tests of a server
 * that hangs mid-conversation. `replyDelayMs` answers every line that late, for tests of a
 * slow server.
 */
export class SmtpSink {
  readonly messages: SinkMessage[] = [];
  /** Every command line received, for tests that check what a client tried. */
  readonly commands: string[] = [];
  rejectRecipients = false;
  hangOn: string | null = null;
  replyDelayMs = 0;
  port = 0;
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  async start(): Promise<number> {
    const server = net.createServer((socket) => this.session(socket));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** `smtp://127.0.0.1:<port>`, with optional query options for the client. */
  url(query = ''): string {
    return `smtp://127.0.0.1:${this.port}${query}`;
  }

  /** Messages with this recipient in their envelope. */
  to(address: string): SinkMessage[] {
    return this.messages.filter((message) => message.to.includes(address));
  }

  private session(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());

    const reply = (line: string) => {
      const write = () => {
        if (!socket.destroyed) socket.write(`${line}\r\n`);
      };
      // The same delay for every line keeps the answers in order.
      if (this.replyDelayMs > 0) setTimeout(write, this.replyDelayMs);
      else write();
    };
    let buffer = '';
    let from: string | null = null;
    let to: string[] = [];
    let data: string[] | null = null;
    let hung = false;

    const command = (line: string) => {
      this.commands.push(line);
      const verb = line.split(' ', 1)[0].toUpperCase();
      if (this.hangOn !== null && verb === this.hangOn) {
        data = null;
        hung = true;
      }
      if (hung) return;
      const argument = line.slice(verb.length).trim();
      switch (verb) {
        case 'EHLO':
        case 'HELO':
          from = null;
          to = [];
          return reply('250 smtp-sink');
        case 'MAIL':
          if (!/^FROM:/i.test(argument)) return reply('501 syntax: MAIL FROM:<address>');
          from = address(argument.slice(5));
          to = [];
          return reply('250 sender ok');
        case 'RCPT':
          if (from === null) return reply('503 MAIL first');
          if (!/^TO:/i.test(argument)) return reply('501 syntax: RCPT TO:<address>');
          if (this.rejectRecipients) return reply('550 mailbox unavailable');
          to.push(address(argument.slice(3)));
          return reply('250 recipient ok');
        case 'DATA':
          if (from === null || to.length === 0) return reply('503 MAIL and RCPT first');
          data = [];
          return reply('354 end data with <CR><LF>.<CR><LF>');
        case 'RSET':
          from = null;
          to = [];
          return reply('250 reset');
        case 'NOOP':
          return reply('250 ok');
        case 'QUIT':
          reply('221 bye');
          setTimeout(() => socket.end(), this.replyDelayMs);
          return;
        default:
          return reply('502 command not implemented');
      }
    };

    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      let end: number;
      while ((end = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, end).replace(/\r$/, '');
        buffer = buffer.slice(end + 1);
        if (data === null) {
          command(line);
        } else if (line === '.') {
          this.messages.push({ from: from ?? '', to, raw: data.join('\r\n') });
          data = null;
          from = null;
          to = [];
          reply(`250 queued as ${this.messages.length}`);
        } else {
          data.push(line.startsWith('..') ? line.slice(1) : line);
        }
      }
    });
    reply('220 smtp-sink ESMTP ready');
  }
}

function address(argument: string): string {
  const match = /<([^>]*)>/.exec(argument);
  return (match ? match[1] : argument.split(' ', 1)[0]).trim();
}

/** Headers, subject and text body of a single-part message (what the e-mail channel sends). */
export function decodeMessage(raw: string): DecodedMessage {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  let text: string;
  if (encoding === 'base64') {
    text = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  } else if (encoding === 'quoted-printable') {
    text = quotedPrintable(body.replace(/=\r\n/g, ''));
  } else {
    text = body;
  }
  return {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    contentType: headers['content-type'] ?? '',
    text: text.replace(/\r\n/g, '\n'),
  };
}

/** `=XX` escapes to bytes, read as UTF-8. */
function quotedPrintable(value: string): string {
  return quotedPrintableBytes(value).toString('utf8');
}

function quotedPrintableBytes(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i], 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`); the white space between two
 * adjacent encoded words is not part of the text, and their bytes are joined before
 * decoding (a character may be split across two words).
 */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = '';
  let pending: Buffer[] = [];
  let last = 0;
  const flush = () => {
    out += Buffer.concat(pending).toString('utf8');
    pending = [];
  };
  for (let match = word.exec(value); match; match = word.exec(value)) {
    const between = value.slice(last, match.index);
    if (pending.length === 0 || !/^\s*$/.test(between)) {
      flush();
      out += between;
    }
    const [, , kind, encoded] = match;
    pending.push(
      kind.toUpperCase() === 'B'
        ? Buffer.from(encoded, 'base64')
        : quotedPrintableBytes(encoded.replace(/_/g, ' ')),
    );
    last = match.index + match[0].length;
  }
  flush();
  return out + value.slice(last);
}
