import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness/app.js';
import { problemOf } from '../harness/api-body.js';
import { like } from '../harness/matchers.js';

const run = promisify(execFile);
const SEED = new URL('../fixtures/letters/seed-moi-sms-links.txt', import.meta.url);
const SEED_EXPECTED = new URL(
  '../fixtures/letters/seed-moi-sms-links.expected.json',
  import.meta.url,
);

function cliWithInput(
  args: string[],
  input: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('node', ['dist/cli.js', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('letter intake over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ oneConnection: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('parses the seed letter to its expected JSON, from JSON and from text/plain', async () => {
    const expected: unknown = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8'));
    const text = readFileSync(SEED, 'utf8');
    const json = await t.http.post('/api/v1/intake/parse').send({ text }).expect(200);
    expect(json.body).toEqual(expected);
    const plain = await t.http
      .post('/api/v1/intake/parse')
      .set('Content-Type', 'text/plain')
      .send(text)
      .expect(200);
    expect(plain.body).toEqual(expected);
  });

  it('answers empty text with 400 and more than 200 KB with 413', async () => {
    const empty = await t.http.post('/api/v1/intake/parse').send({ text: '   ' }).expect(400);
    expect(problemOf(empty).code).toBe('LETTER_TEXT_EMPTY');
    const missing = await t.http.post('/api/v1/intake/parse').send({}).expect(400);
    expect(problemOf(missing).code).toBe('LETTER_TEXT_EMPTY');
    const bigJson = await t.http
      .post('/api/v1/intake/parse')
      .send({ text: 'ก'.repeat(80_000) })
      .expect(413);
    expect(problemOf(bigJson).code).toBe('LETTER_TEXT_TOO_LARGE');
    const bigPlain = await t.http
      .post('/api/v1/intake/parse')
      .set('Content-Type', 'text/plain')
      .send('x'.repeat(210 * 1024))
      .expect(413);
    expect(bigPlain.body).toMatchObject({ status: 413 });
  });
});

describe('Thai core on the command line', () => {
  it('parse-letter prints the seed JSON, a text summary, and exits 2 for an unreadable file', async () => {
    const expected: unknown = JSON.parse(readFileSync(SEED_EXPECTED, 'utf8'));
    const json = await run('node', ['dist/cli.js', 'parse-letter', SEED.pathname]);
    expect(JSON.parse(json.stdout)).toEqual(expected);
    const text = await run('node', [
      'dist/cli.js',
      'parse-letter',
      SEED.pathname,
      '--format',
      'text',
    ]);
    expect(text.stdout).toContain('มท ๐๒๑๐.๕/๒๖๓');
    expect(text.stdout).toContain('๑๒ มกราคม ๒๕๖๘');
    const missing = await cliWithInput(['parse-letter', '/no/such/letter.txt'], '');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read');
  });

  it('parse-date writes one JSON line per input line, errors included', async () => {
    const result = await cliWithInput(
      ['parse-date'],
      '๑๕ ม.ค. ๒๕๖๙ เวลา ๑๐.๕๕ น.\n๓๐ กุมภาพันธ์ ๒๕๖๙\n10:55\n',
    );
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l): unknown => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      input: '๑๕ ม.ค. ๒๕๖๙ เวลา ๑๐.๕๕ น.',
      date: '2026-01-15',
      time: '10:55',
    });
    expect(lines[1]).toMatchObject({
      input: '๓๐ กุมภาพันธ์ ๒๕๖๙',
      error: { code: 'impossible_date' },
    });
    expect(lines[2]).toMatchObject({ error: { code: like.any(String) } });
  });

  it('parse-ref writes parts or an error per line', async () => {
    const result = await cliWithInput(
      ['parse-ref'],
      'ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗\nศค 0213/ว 20152\nมท ๐๒๑๐.๕\n',
    );
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l): unknown => JSON.parse(l));
    expect(lines[0]).toEqual({
      input: 'ที่ มท ๐๒๑๐.๕/ว๑๐๕๕๗',
      agencyPrefix: 'มท',
      agencyNumber: '0210.5',
      circular: true,
      serial: 10557,
    });
    expect(lines[1]).toMatchObject({
      agencyPrefix: 'ศค',
      agencyNumber: '0213',
      circular: true,
      serial: 20152,
    });
    expect(lines[2]).toMatchObject({ input: 'มท ๐๒๑๐.๕', error: { code: 'no_slash' } });
  });
});
