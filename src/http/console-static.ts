import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The web console: the static build of src/console (dist/console, beside this file's
 * compiled folder), served at `/`. Hashed files under /assets never change, so browsers
 * keep them for a year; index.html is revalidated every time so a new build is picked up.
 * Any other GET that is not the API, the docs, the probes or the queue dashboard is a
 * client-side route and gets index.html.
 */
export const CONSOLE_DIR = fileURLToPath(new URL('../console', import.meta.url));

const NOT_CONSOLE = /^\/(api|health|metrics|admin\/queues)(\/|$)/;

/** True for a path the console answers (a client-side route or one of its files). */
export function isConsolePath(path: string): boolean {
  return !NOT_CONSOLE.test(path);
}

/** True when the console was built (npm run build); the API runs without it otherwise. */
export function consoleBuilt(dir = CONSOLE_DIR): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets'));
}

/** The console's index.html as served, and the CSP sources that allow its inline scripts. */
export interface ConsoleIndex {
  html: string;
  /** `'sha256-…'` of each inline script, for the Content-Security-Policy's script-src. */
  scriptHashes: string[];
}

/**
 * index.html as it is now, read again only when the file changes (a new build): the page
 * served and the hashes its policy allows come from the same bytes. Null until built.
 */
export function consoleIndexReader(dir = CONSOLE_DIR): () => ConsoleIndex | null {
  const file = join(dir, 'index.html');
  let read: { version: string; index: ConsoleIndex } | null = null;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return null;
    const version = `${stat.mtimeMs}:${stat.size}`;
    if (read?.version !== version) {
      const html = readFileSync(file, 'utf8');
      read = { version, index: { html, scriptHashes: inlineScriptHashes(html) } };
    }
    return read.index;
  };
}

/** The CSP hash source of every <script> without a src attribute, over its exact text. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

export function mountConsole(
  app: NestExpressApplication,
  index: () => ConsoleIndex | null,
  dir = CONSOLE_DIR,
): void {
  if (!consoleBuilt(dir)) return;
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  const files = express.static(dir, {
    index: false,
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
  // The API's reads never look on disk: the console has no file under those paths, and a
  // stat() per GET was 7% of an inbox read's CPU time in a profile.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (NOT_CONSOLE.test(req.path)) next();
    else files(req, res, next);
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path)) {
      return next();
    }
    const page = index();
    if (!page) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page.html);
  });
}
