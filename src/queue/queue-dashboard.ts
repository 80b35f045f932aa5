import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { CommonErrors, DomainError } from 'src/common/domain-error.js';
import { sendProblem, toDomainError, toProblem } from 'src/common/problem.filter.js';
import { AccessService } from 'src/modules/auth/access.service.js';
import { AuthService } from 'src/modules/auth/auth.service.js';
import { JobQueue } from 'src/queue/job-queue.js';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
/** Cookie that carries the access token to the dashboard (a browser sends no bearer header). */
export const QUEUE_SESSION_COOKIE = 'saraban_queue_session';

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * Bull Board at /admin/queues for administrators of the whole tree. The access token comes
 * from the short-lived, HttpOnly, SameSite=Strict cookie that an authenticated
 * `POST /api/v1/admin/queue-session` sets (or a bearer header); it is verified and the
 * principal loaded from PostgreSQL on every request, so signing out or losing the admin
 * membership closes the dashboard too.
 */
export function mountQueueDashboard(app: NestExpressApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueue)
      .allQueues()
      .map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
  });
  const auth = app.get(AuthService);
  const access = app.get(AccessService);
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const header = /^Bearer ([^\s]+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const token = header ?? cookie(req, QUEUE_SESSION_COOKIE);
    (async () => {
      if (!token) throw new DomainError(CommonErrors.UNAUTHENTICATED);
      const principal = await auth.authenticate(token);
      if (!access.canAdministerSystem(principal)) throw new DomainError(CommonErrors.NOT_FOUND);
    })().then(
      () => next(),
      (error: unknown) => sendProblem(res, toProblem(toDomainError(error), req)),
    );
  };
  app.use(QUEUE_DASHBOARD_PATH, guard, serverAdapter.getRouter());
}
