import http from 'node:http';
import type net from 'node:net';

/** One POST as the sink received it, with the status it answered. */
export interface WebhookCall {
  path: string;
  contentType: string;
  /** The parsed JSON body (null when it was not JSON). */
  body: { kind?: string; subject?: string; text?: string } | null;
  raw: string;
  answered: number;
}

/**
 * A webhook endpoint for tests (node:http): records every request and answers with
 * `status` (200 unless a test sets it). Listens on port 0.
 */
export class WebhookSink {
  readonly calls: WebhookCall[] = [];
  status = 200;
  port = 0;
  private server?: http.Server;

  async start(): Promise<number> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: WebhookCall['body'];
        try {
          body = JSON.parse(raw) as WebhookCall['body'];
        } catch {
          body = null;
        }
        const answered = this.status;
        this.calls.push({
          path: request.url ?? '',
          contentType: request.headers['content-type'] ?? '',
          body,
          raw,
          answered,
        });
        response.writeHead(answered, { 'content-type': 'text/plain' }).end(String(answered));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Calls whose text contains `needle`. */
  containing(needle: string): WebhookCall[] {
    return this.calls.filter((call) => call.raw.includes(needle));
  }
}
