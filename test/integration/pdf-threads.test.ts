import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../harness/api-process.js';
import { createTestApp, type TestApp } from '../harness/app.js';
import { heavyPdf } from '../factories/heavy-pdf.js';
import { factories, type Factories, TEST_PASSWORD, type TestUnit } from '../factories/index.js';

/**
 * About 4 MB: pdf-lib reads and re-saves it for seconds (about 3 s on an idle two-core
 * machine), the way it does a large scanned letter.
 */
const NUMBERS = 1_000_000;
/** Generous: a probe answers in milliseconds; stamping on the API thread held it for seconds. */
const LIVENESS_BOUND_MS = 1_000;
/** The upload check parses the file too; a busy machine must not fail it. */
const UPLOAD_CHECK = { FILE_CHECK_TIMEOUT_MS: '300000', FILE_CHECK_MEMORY_MB: '1024' };
/** A busy machine takes ten times as long; the limits are not what the first test is about. */
const ROOMY = { ...UPLOAD_CHECK, PDF_RENDER_TIMEOUT_MS: '300000' };
const SLOW_TEST_MS = 300_000;

function pdftotext(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'saraban-pdf-'));
  writeFileSync(join(dir, 'in.pdf'), bytes);
  return execFileSync('pdftotext', [join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
}

/**
 * Stamping and printouts run in worker threads: the API's event loop keeps answering while
 * a heavy original is stamped, and a job past its limit answers a problem, not a stall.
 */
describe('PDF work off the API thread', () => {
  let t: TestApp;
  let f: Factories;
  let unit: TestUnit;
  let pdf: Buffer;
  const apis: ApiProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = factories(t);
    unit = await f.newUnit({ kind: 'other', nameTh: 'สำนักงานจังหวัดทดสอบไฟล์ใหญ่' });
    await f.newUser({ username: 'heavy.clerk', memberships: [{ unit, role: 'clerk' }] });
    pdf = heavyPdf(NUMBERS);
  });
  afterAll(async () => {
    for (const api of apis) api.child.kill('SIGKILL');
    await t?.close();
  });

  /** An API process with its own data directory, signed in as the clerk. */
  async function api(env: Record<string, string> = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), 'saraban-data-'));
    const started = await startApi({ DATA_DIR: dataDir, ...env });
    apis.push(started);
    const login = await fetch(`${started.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'heavy.clerk', password: TEST_PASSWORD }),
    });
    expect(login.ok).toBe(true);
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const call = async (path: string, init: RequestInit = {}) =>
      fetch(`${started.url}/api/v1${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, ...init.headers },
      });
    return { url: started.url, dataDir, call };
  }

  /** Uploads the heavy PDF, records a letter with it and registers it; the entry's id. */
  async function registerHeavyLetter(
    call: (path: string, init?: RequestInit) => Promise<Response>,
    subject: string,
  ): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'big.pdf');
    const upload = await call('/files', { method: 'POST', body: form });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const file = (await upload.json()) as { id: string };
    const json = { 'Content-Type': 'application/json' };
    const letter = await call('/letters', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ kind: 'external', subject, fileIds: [file.id] }),
    });
    expect(letter.status).toBe(201);
    const registers = (await (await call(`/units/${unit.id}/registers`)).json()) as {
      id: string;
      kind: string;
    }[];
    const incoming = registers.find((r) => r.kind === 'incoming');
    expect(incoming).toBeDefined();
    const entry = await call(`/registers/${incoming?.id}/entries`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ letterId: ((await letter.json()) as { id: string }).id }),
    });
    expect(entry.status).toBe(201);
    return ((await entry.json()) as { id: string }).id;
  }

  it(
    'answers health probes while a heavy original is being stamped',
    async () => {
      const { url, call } = await api(ROOMY);
      const entryId = await registerHeavyLetter(call, 'หนังสือไฟล์ใหญ่ทดสอบการประทับตรา');

      let stampAnswered = false;
      const started = performance.now();
      const stamping = call(`/register-entries/${entryId}/stamped.pdf`).then(async (res) => {
        const body = Buffer.from(await res.arrayBuffer());
        stampAnswered = true;
        return { res, body, ms: performance.now() - started };
      });
      // One probe at a time until the stamp answers; bounded in count and so in time.
      const latencies: number[] = [];
      let answeredDuringStamp = 0;
      for (let i = 0; i < 20_000 && !stampAnswered; i++) {
        const sent = performance.now();
        const probe = await fetch(`${url}/health/live`);
        expect(probe.status).toBe(200);
        await probe.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (!stampAnswered) answeredDuringStamp++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const { res, body, ms } = await stamping;
      const sorted = [...latencies].sort((a, b) => a - b);
      console.log(
        `stamp of a ${(pdf.length / 1e6).toFixed(1)} MB PDF took ${ms.toFixed(0)} ms; ` +
          `${answeredDuringStamp} health probes answered meanwhile, latency median ` +
          `${sorted[sorted.length >> 1]?.toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
      );

      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const text = pdftotext(body);
      expect(text).toContain('heavy letter page 1');
      expect(text).toContain('สำนักงานจังหวัดทดสอบไฟล์ใหญ่');
      // The hard check is the order: probes kept being answered while the stamp was running.
      expect(answeredDuringStamp).toBeGreaterThanOrEqual(50);
      // Liveness: no probe waited for the parse (on the API thread it waited seconds).
      expect(Math.max(...latencies)).toBeLessThan(LIVENESS_BOUND_MS);
    },
    SLOW_TEST_MS,
  );

  it(
    'answers 422 STAMP_LIMIT_EXCEEDED past the time limit and caches nothing',
    async () => {
      const { url, dataDir, call } = await api({ ...UPLOAD_CHECK, PDF_RENDER_TIMEOUT_MS: '100' });
      const entryId = await registerHeavyLetter(call, 'หนังสือไฟล์ใหญ่เกินเวลาประทับตรา');

      const res = await call(`/register-entries/${entryId}/stamped.pdf`);
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = (await res.json()) as { code: string; status: number; detail: string };
      expect(problem).toMatchObject({ code: 'STAMP_LIMIT_EXCEEDED', status: 422 });
      expect(problem.detail).toMatch(/ประทับตรารับ/);
      // Nothing half-written: no rendering was cached, and the API still answers.
      expect(readdirSync(dataDir)).not.toContain('stamped');
      expect((await fetch(`${url}/health/live`)).status).toBe(200);
    },
    SLOW_TEST_MS,
  );
});
