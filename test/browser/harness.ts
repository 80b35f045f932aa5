import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import pg from 'pg';
import { expect } from 'vitest';
import { startApi, type ApiProcess } from '../harness/api-process.js';

/**
 * The browser side of the console tests: Debian's Chromium driven by playwright-core (no
 * browser download), a Thai locale in Bangkok time, axe-core for accessibility, and
 * screenshots written to test/browser/screenshots/ (committed; the README shows them).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Headless Chromium builds the address bar's popup (two chrome:// WebUI renderers) for every
  // window it opens; each new context's page is a window. About a second of CPU per window
  // on two cores, spent beside the page under test: no page of the console needs it.
  ...(process.env.BROWSER_OMNIBOX_UI === '1'
    ? []
    : ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup']),
];
const SCREENSHOTS = new URL('./screenshots/', import.meta.url);
const run = promisify(execFile);

export function launchChromium(): Promise<Browser> {
  // playwright-core adds --headless and a fresh --user-data-dir of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export interface ConsolePage {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations the page reported (there must be none). */
  cspViolations: string[];
}

export async function openConsole(browser: Browser, baseURL: string): Promise<ConsolePage> {
  const context = await browser.newContext({
    baseURL,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  // A bound on waiting, not a speed check: CI machines can be slow and shared.
  context.setDefaultTimeout(Number(process.env.BROWSER_WAIT_MS ?? 90_000));
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  return { context, page, cspViolations };
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core on the page as it is now: the serious and critical violations (WCAG 2.x A/AA). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP does not stop it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  })()`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Chromium's PDF viewer draws a letter's pages in a process of its own, whose end the page
 * cannot observe: a screenshot taken at once shows its empty dark pane. Pictures only; no
 * assertion waits on this.
 */
const PDF_DRAW_MS = 3_000;

export async function screenshot(page: Page, name: string): Promise<void> {
  if ((await page.locator('iframe.pdf-frame').count()) > 0) await page.waitForTimeout(PDF_DRAW_MS);
  // The console's Thai font loads when Thai text first shows: on a busy machine a picture
  // taken before it arrives draws every Thai letter as a box (no system Thai font here).
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage: true });
}

/** The demo organisation and its accounts (README), in this test file's database. */
export async function seedDemo(): Promise<void> {
  await run('node', ['dist/cli.js', 'seed', '--demo'], {
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 60_000,
  });
}

function thaiDigits(value: number): string {
  return String(value).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
}

export const DEMO_PASSWORD = 'saraban-demo-2569';

/** A small API client for preparing data the way another unit's staff would. */
export class Api {
  private constructor(
    readonly base: string,
    readonly token: string,
  ) {}

  static async signIn(base: string, username: string): Promise<Api> {
    const response = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    if (!response.ok) throw new Error(`sign-in as ${username}: ${response.status}`);
    const body = (await response.json()) as { accessToken: string };
    return new Api(base, body.accessToken);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async upload(unitId: string, pdf: Uint8Array, name: string): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), name);
    const response = await fetch(`${this.base}/api/v1/files?unitId=${unitId}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}` },
      body: form,
    });
    if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  async unitId(): Promise<string> {
    return (await this.call<{ unitIds: string[] }>('GET', '/me')).unitIds[0];
  }

  async register(unitId: string, kind: string): Promise<string> {
    const registers = await this.call<{ id: string; kind: string }[]>(
      'GET',
      `/units/${unitId}/registers`,
    );
    return registers.find((r) => r.kind === kind)!.id;
  }
}

/**
 * Letters the province sends down to a unit: each recorded with its PDF, registered in the
 * province's book and forwarded, so they wait in the unit's inbox as deliveries.
 */
export async function sendDown(
  sender: Api,
  recipientUnitId: string,
  letters: { subject: string; speed: string; secrecy?: string }[],
  pdf: Uint8Array,
): Promise<void> {
  const unitId = await sender.unitId();
  const registerId = await sender.register(unitId, 'incoming');
  for (const [index, letter] of letters.entries()) {
    const fileId = await sender.upload(unitId, pdf, `letter-${index}.pdf`);
    const created = await sender.call<{ id: string }>('POST', '/letters', {
      unitId,
      kind: 'external',
      speed: letter.speed,
      secrecy: letter.secrecy ?? 'none',
      subject: letter.subject,
      referenceNumber: `รอ ๐๐๑๗/ว ${thaiDigits(index + 100)}`,
      letterDate: '๑ ธันวาคม ๒๕๖๙',
      addressee: 'หัวหน้าสำนักงานจังหวัดร้อยเอ็ด',
      senderText: 'จังหวัดร้อยเอ็ด',
      fileIds: [fileId],
    });
    const entry = await sender.call<{ id: string }>('POST', `/registers/${registerId}/entries`, {
      letterId: created.id,
    });
    await sender.call('POST', `/register-entries/${entry.id}/forwards`, {
      unitIds: [recipientUnitId],
    });
  }
}

/** What every console test file starts with: the demo data, the API, the database, a browser. */
export interface ConsoleWorld {
  api: ApiProcess;
  /** http://localhost: browsers treat it as a secure context, so the Secure cookie is kept. */
  base: string;
  browser: Browser;
  db: pg.Client;
  close(): Promise<void>;
}

export async function startConsoleWorld(
  prepare?: (base: string) => Promise<void>,
  env: Record<string, string> | (() => Promise<Record<string, string>>) = {},
): Promise<ConsoleWorld> {
  await seedDemo();
  // A function when the API's settings name seeded rows (a unit's mailbox, say).
  const api = await startApi(typeof env === 'function' ? await env() : env);
  const base = `http://localhost:${api.port}`;
  await prepare?.(base);
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const browser = await launchChromium();
  return {
    api,
    base,
    browser,
    db,
    async close() {
      await browser.close();
      await db.end();
      api.child.kill('SIGTERM');
      await api.exited;
    },
  };
}

/** axe finds nothing serious on the page as it is now; the screenshot is kept for the README. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  await screenshot(page, name);
}

/** Signs in through the sign-in page (the page asked for first, or the inbox). */
export async function signInAs(page: Page, username: string, next = '/inbox'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((url) => url.pathname === next);
}
