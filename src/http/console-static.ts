import { existsSync } from 'node:fs';
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

/** True when the console was built (npm run build); the API runs without it otherwise. */
export function consoleBuilt(dir = CONSOLE_DIR): boolean {
  return existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'assets'));
}

export function mountConsole(app: NestExpressApplication, dir = CONSOLE_DIR): void {
  if (!consoleBuilt(dir)) return;
  const index = join(dir, 'index.html');
  app.use(
    '/assets',
    express.static(join(dir, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: false,
    }),
  );
  app.use(
    express.static(dir, {
      index: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_CONSOLE.test(req.path)) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
