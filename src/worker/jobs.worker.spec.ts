import { describe, expect, it } from 'vitest';
import type { FilesJobs } from 'src/modules/files/files.jobs.js';
import type { EscalationJobs } from 'src/modules/escalation/escalation.jobs.js';
import type { NotificationsJobs } from 'src/modules/notifications/notifications.jobs.js';
import { JOB_NAMES } from 'src/queue/jobs.js';
import { handlerTableProblems } from 'src/worker/jobs.worker.js';
import { jobHandlerTable } from 'src/worker/worker.module.js';

const handler = async () => ({ done: 'ok' });

describe('the worker’s handler table', () => {
  it('gathers a handler for every job name from the modules that own them', () => {
    const table = jobHandlerTable(
      { handlers: () => ({ 'escalation.level': handler }) } as unknown as EscalationJobs,
      {
        handlers: () => ({ 'notifications.outbox': handler, 'notifications.digest': handler }),
      } as unknown as NotificationsJobs,
      { handlers: () => ({ 'files.read': handler }) } as unknown as FilesJobs,
    );
    expect(Object.keys(table).sort()).toEqual([...JOB_NAMES].sort());
    expect(handlerTableProblems(table)).toEqual([]);
  });

  it('names a job with no handler and a handler of no job, so start-up stops', () => {
    expect(
      handlerTableProblems({
        'escalation.level': handler,
        'notifications.outbox': handler,
        'files.read': handler,
      }),
    ).toEqual(['job "notifications.digest" has no handler']);
    expect(
      handlerTableProblems({
        'escalation.level': handler,
        'notifications.outbox': handler,
        'notifications.digest': 'not a function',
        'files.read': handler,
        'letters.read': handler,
      }),
    ).toEqual([
      'job "notifications.digest" has no handler',
      'handler for unknown job "letters.read"',
    ]);
  });
});
