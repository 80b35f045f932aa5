import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { startApi } from '../../harness/api-process.js';
import { Api, launchChromium } from '../../browser/harness.js';
import { benchDataset, runConcurrently } from '../bench-db.js';
import type { BenchScenario } from '../scenario.js';

const DELIVERIES = Number(process.env.BENCH_CONSOLE_DELIVERIES ?? 500);
const ITERATIONS = Number(process.env.BENCH_CONSOLE_ITERATIONS ?? 9);
const INITIAL_JS_TARGET_KB = 200;
const CONSOLE_DIST = 'dist/console';
const PDF = readFileSync(new URL('../../fixtures/pdf/two-page-letter.pdf', import.meta.url));
const run = promisify(execFile);

/**
 * The JavaScript index.html makes the browser fetch before anything renders: its module
 * scripts and the chunks it preloads. Lazy chunks (import()) are not counted.
 */
export function initialScripts(indexHtml: string): string[] {
  const scripts = [...indexHtml.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]);
  const preloads = [
    ...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1]);
  return [...new Set([...scripts, ...preloads])];
}

function initialJsGzipBytes(): { files: string[]; bytes: number } {
  const files = initialScripts(readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8'));
  let bytes = 0;
  for (const file of files) {
    bytes += gzipSync(readFileSync(join(CONSOLE_DIST, file)), { level: 9 }).length;
  }
  return { files, bytes };
}

/**
 * "Interactive": the inbox table has its rows and the first row's ลงรับ button is enabled.
 * Polled every animation frame; the figure is performance.now() at that frame, i.e. the
 * milliseconds since the navigation started, read in the page so no protocol round trip
 * is counted.
 */
async function msUntilInteractive(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  // A function, not a string: the console's CSP forbids eval. Its DOM types are named
  // here because the server's TypeScript has none.
  const handle = await page.waitForFunction(
    () => {
      interface ProbeButton {
        textContent: string | null;
        disabled: boolean;
      }
      const doc = (
        globalThis as unknown as {
          document: {
            querySelector(selector: string): {
              querySelectorAll(selector: string): ArrayLike<ProbeButton>;
            } | null;
          };
        }
      ).document;
      const first = doc.querySelector('table[aria-label="หนังสือรอลงรับ"] tbody tr');
      const button = Array.from(first?.querySelectorAll('button') ?? []).find(
        (b) => b.textContent?.trim() === 'ลงรับ',
      );
      return button && !button.disabled ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The reference page and the console's own stylesheets and fonts, nothing else. */
function staticServer(html: string): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/inbox') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(html);
      return;
    }
    const file = normalize(join(CONSOLE_DIST, path));
    if (!file.startsWith(`${CONSOLE_DIST}/assets/`)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function apiEnv(url: string): Record<string, string> {
  return { DATABASE_URL: url, QUEUE_PREFIX: 'bench_console', LOG_LEVEL: 'silent' };
}

/**
 * The demo organisation, and DELIVERIES letters the province records with their PDF,
 * registers and forwards down to clerk.office's unit, all through the API.
 */
async function sendDownDeliveries(url: string, log: (line: string) => void): Promise<void> {
  await run('node', ['dist/cli.js', 'seed', '--demo'], {
    env: { ...process.env, ...apiEnv(url) },
    timeout: 120_000,
  });
  const api = await startApi(apiEnv(url));
  try {
    const base = `http://127.0.0.1:${api.port}`;
    const governor = await Api.signIn(base, 'governor.roiet');
    const recipient = await (await Api.signIn(base, 'clerk.office')).unitId();
    const unitId = await governor.unitId();
    const registerId = await governor.register(unitId, 'incoming');
    const ms = await runConcurrently(DELIVERIES, 8, async (i) => {
      const fileId = await governor.upload(unitId, PDF, `letter-${i}.pdf`);
      const letter = await governor.call<{ id: string }>('POST', '/letters', {
        unitId,
        kind: 'external',
        speed: ['none', 'urgent', 'very_urgent', 'most_urgent'][i % 4],
        secrecy: 'none',
        subject: `ขอให้รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ ฉบับที่ ${i + 1}`,
        referenceNumber: `รอ ๐๐๑๗/ว ${i + 1}`,
        letterDate: '๑ ธันวาคม ๒๕๖๙',
        addressee: 'หัวหน้าสำนักงานจังหวัดร้อยเอ็ด',
        senderText: 'จังหวัดร้อยเอ็ด',
        fileIds: [fileId],
      });
      const entry = await governor.call<{ id: string }>(
        'POST',
        `/registers/${registerId}/entries`,
        {
          letterId: letter.id,
        },
      );
      await governor.call('POST', `/register-entries/${entry.id}/forwards`, {
        unitIds: [recipient],
      });
    });
    log(`  ${DELIVERIES} deliveries sent down through the API in ${(ms / 1000).toFixed(1)} s`);
  } finally {
    api.child.kill('SIGTERM');
    await api.exited;
  }
}

async function signedInPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL: base,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 1366, height: 900 },
  });
  // The console's own sign-in call: it leaves the refresh cookie the page starts from.
  const login = await context.request.post('/api/v1/auth/login', {
    headers: { 'X-Saraban-Session': 'cookie' },
    data: { username: 'clerk.office', password: 'saraban-demo-2569' },
  });
  if (!login.ok()) throw new Error(`sign-in: ${login.status()}`);
  return context.newPage();
}

/**
 * The console's inbox, from navigation to the first row's ลงรับ button being enabled, for
 * a signed-in clerk with 500 deliveries waiting (cold cache each time: a new browser
 * context), vs the same table markup served as a static page with the console's CSS and no
 * JavaScript. Also prints the production build's initial JavaScript, gzip.
 */
export const consoleScenario: BenchScenario = {
  name: 'console',
  description: `console inbox interactive with ${DELIVERIES} deliveries (Chromium) vs the same rows as static HTML; initial JS gzip`,
  async run(log) {
    const initial = initialJsGzipBytes();
    const kb = initial.bytes / 1024;
    log(
      `  initial JS (${initial.files.join(', ')}): ${kb.toFixed(1)} KB gzip -9 (target ≤ ${INITIAL_JS_TARGET_KB} KB)${kb > INITIAL_JS_TARGET_KB ? ' — OVER TARGET' : ''}`,
    );

    const url = await benchDataset(
      'saraban_bench_console',
      `demo+${DELIVERIES}-deliveries`,
      (fresh) => sendDownDeliveries(fresh, log),
      log,
    );
    const api = await startApi(apiEnv(url));
    let browser: Browser | undefined;
    let reference: Server | undefined;
    try {
      // Secure cookies are kept on http://localhost (a secure context).
      const base = `http://localhost:${api.port}`;
      browser = await launchChromium();
      // The reference page: the table exactly as the console rendered it, in a page that
      // links the console's stylesheets.
      const warm = await signedInPage(browser, base);
      await msUntilInteractive(warm, '/inbox');
      const rows = await warm.locator('table[aria-label="หนังสือรอลงรับ"] tbody tr').count();
      const table = await warm
        .locator('table[aria-label="หนังสือรอลงรับ"]')
        .evaluate((t: { outerHTML: string }) => t.outerHTML);
      await warm.context().close();
      const styles = [
        ...readFileSync(join(CONSOLE_DIST, 'index.html'), 'utf8').matchAll(
          /<link[^>]*rel="stylesheet"[^>]*>/g,
        ),
      ]
        .map((m) => m[0])
        .join('\n');
      reference = await staticServer(
        `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>สารบรรณ</title>${styles}</head>` +
          `<body><main><h1>หนังสือเข้า</h1>${table}</main></body></html>`,
      );
      const referenceBase = `http://localhost:${(reference.address() as AddressInfo).port}`;
      log(`  the inbox shows its first page: ${rows} rows (both pages show these)`);

      const consoleMs: number[] = [];
      const staticMs: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const page = await signedInPage(browser, base);
        consoleMs.push(await msUntilInteractive(page, '/inbox'));
        await page.context().close();
        const context = await browser.newContext({ baseURL: referenceBase });
        staticMs.push(await msUntilInteractive(await context.newPage(), '/inbox'));
        await context.close();
      }
      log(`  console ms: ${consoleMs.map((v) => v.toFixed(0)).join(' ')}`);
      log(`  static  ms: ${staticMs.map((v) => v.toFixed(0)).join(' ')}`);
      log(`  ratio target ≤ 3`);
      return {
        measured: { value: median(consoleMs), unit: 'ms to interactive (median)' },
        reference: { value: median(staticMs), unit: 'ms (static HTML, median)' },
      };
    } finally {
      await browser?.close();
      reference?.close();
      api.child.kill('SIGTERM');
      await api.exited;
    }
  },
};
