import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiProcess } from '../harness/api-process.js';

/** The API process serves the built console (dist/console, from npm run build) at `/`. */
describe('the web console served by the API process', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApi();
  }, 120_000);
  afterAll(async () => {
    api.child.kill('SIGTERM');
    await api.exited;
  });

  it('serves index.html at / and for client routes, revalidated, under a strict CSP', async () => {
    for (const path of [
      '/',
      '/inbox',
      '/registers/3e0c0000-0000-4000-8000-000000000000',
      '/signin?next=%2Fsearch',
    ]) {
      const res = await fetch(`${api.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toMatch(/https?:\/\//);
      const html = await res.text();
      expect(html).toContain('<html lang="th">');
      expect(html).not.toMatch(/https?:\/\//);
      // Every script element loads a file from this origin, but one: the inline start
      // script, which the policy allows by the hash of exactly its text and nothing else.
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      const files = scripts.filter(([, attributes]) => attributes.includes('src='));
      expect(files.length).toBeGreaterThan(0);
      for (const [tag] of files) expect(tag).toMatch(/src="\/assets\/[^"]+\.js"/);
      const inline = scripts.filter(([, attributes]) => !attributes.includes('src='));
      expect(inline).toHaveLength(1);
      const hash = createHash('sha256').update(inline[0][2], 'utf8').digest('base64');
      const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1].trim().split(/\s+/);
      expect(scriptSrc).toEqual(["'self'", `'sha256-${hash}'`]);
      // The files the page fetches at once leave three of a browser's six connections to this
      // server (HTTP/1.1) to the start script's reads: the refresh, then /me and a progress.
      const fetchedAtOnce = [
        ...files,
        ...html.matchAll(/<link\b[^>]*rel="(modulepreload|stylesheet|preload)"[^>]*>/g),
      ];
      expect(fetchedAtOnce.length).toBeLessThanOrEqual(3);
    }
  });

  it('serves hashed assets as immutable for a year, and a missing asset as 404', async () => {
    const html = await (await fetch(`${api.url}/`)).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1];
    const res = await fetch(`${api.url}${script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const css = /href="(\/assets\/[^"]+\.css)"/.exec(html)![1];
    expect((await fetch(`${api.url}${css}`)).status).toBe(200);
    expect((await fetch(`${api.url}/assets/missing-0000.js`)).status).toBe(404);
  });

  it('leaves the API, the probes and the docs to their routes', async () => {
    const missing = await fetch(`${api.url}/api/v1/no-such-thing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/problem\+json/);
    // The API's answers do not carry the console's script hash (nor read index.html for it).
    expect(missing.headers.get('content-security-policy')).toMatch(/(^|;)script-src 'self';/);
    const unauthorised = await fetch(`${api.url}/api/v1/me`);
    expect(unauthorised.status).toBe(401);
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    const docs = await fetch(`${api.url}/api/docs-json`);
    expect(docs.status).toBe(200);
    expect(((await docs.json()) as { openapi: string }).openapi).toMatch(/^3\./);
    // A POST to a client route is not a page.
    expect((await fetch(`${api.url}/inbox`, { method: 'POST' })).status).toBe(404);
  });
});
