/**
 * Every background job of the application: its name, its payload and its queue. A job
 * name is the key of a discriminated union, so a producer cannot send a payload its
 * handler does not expect, and the worker refuses to start while a name has no handler.
 */
export interface JobPayloads {
  /** Wake-up of one rung of the reminder ladder of one delivery. */
  'escalation.level': { deliveryId: string; level: number };
  /** Send one outbox row (e-mail or webhook). */
  'notifications.outbox': { messageId: string };
  /** Build the daily digests of one working day (ISO date, Bangkok). */
  'notifications.digest': { date: string };
  /** Read one stored PDF's text (one generation of its reading). */
  'files.read': { fileId: string; generation: number };
}

export type JobName = keyof JobPayloads;

export const QUEUE_NAMES = ['escalation', 'notifications', 'reading'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Which queue carries each job; the `satisfies` keeps it exhaustive. */
export const JOB_QUEUE = {
  'escalation.level': 'escalation',
  'notifications.outbox': 'notifications',
  'notifications.digest': 'notifications',
  // Its own queue: minutes of OCR never hold up a reminder or an e-mail.
  'files.read': 'reading',
} as const satisfies { [N in JobName]: QueueName };

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** A job as a handler receives it. */
export type AnyJob = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];

/** A request to enqueue one job under a deterministic id. */
export type JobRequest = {
  [N in JobName]: {
    name: N;
    data: JobPayloads[N];
    /** Deterministic id: adding it again while the job exists is a no-op. */
    id: string;
    /** Milliseconds until it may run; 0 or absent = now. */
    delayMs?: number;
  };
}[JobName];

/** Handlers for every job name: the worker's table, checked complete at start-up. */
export type JobHandlers = {
  [N in JobName]: (data: JobPayloads[N], context: JobContext) => Promise<JobOutcome>;
};

export interface JobContext {
  /** Attempts started so far (1 on the first run). */
  attempt: number;
}

/** What a handler reports; `retryAt` moves the job back to delayed until then. */
export type JobOutcome = { done: string } | { retryAt: Date };

/** Job ids of one delivery's rung; BullMQ custom ids must not contain ':'. */
export function escalationJobId(deliveryId: string, level: number): string {
  return `esc-${deliveryId}-${level}`;
}

export function outboxJobId(messageId: string): string {
  return `outbox-${messageId}`;
}

export function digestJobId(date: string): string {
  return `digest-${date}`;
}

export function readingJobId(fileId: string, generation: number): string {
  return `read-${fileId}-${generation}`;
}
