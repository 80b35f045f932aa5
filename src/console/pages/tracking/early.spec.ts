import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EarlyAnswer, EarlyStart } from '../../early/types';
import type { Progress } from './types';

const LETTER = '6f1c2f43-5a0e-4a52-9d8b-0c2b8d1e7a10';
const OWN = '0b9f7f3c-1111-4c2e-8a4d-2b6a1f0e9c01';
const OTHER = '9a7d5e21-2222-4f0b-9c3e-7d1a2b3c4d02';

/** A promise settled from outside, as the start script's reads are by the network. */
function later<T>() {
  let settle!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (settle = resolve));
  return { promise, settle };
}

function progressOf(unitId: string): Progress {
  return { unit: { id: unitId, nameTh: 'กระทรวง' } } as unknown as Progress;
}

/** The modules as a fresh page loads them, with what the start script left on `window`. */
async function page(early: Partial<EarlyStart>) {
  vi.resetModules();
  vi.stubGlobal('window', { __sarabanEarly: early });
  const tracking = await import('./early');
  const take = await import('../../early/take');
  const workspace = await import('../../app/workspace');
  return { ...tracking, ...take, ...workspace, client: new QueryClient() };
}

/** Lets every callback waiting on settled promises run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.unstubAllGlobals());

describe('the start script’s progress read, put into the cache as it is answered', () => {
  const progressRead = (unitId: string | null, startedAt = Date.now()) => {
    const answer = later<EarlyAnswer | null>();
    return {
      answer,
      early: {
        progress: { letterId: LETTER, unitId, startedAt, answer: answer.promise },
      } satisfies Partial<EarlyStart>,
    };
  };

  it.each([
    ['the API’s default unit (none asked for)', null, OWN],
    ['the unit asked for', OTHER, OTHER],
  ])('under %s, keyed by the unit the API answered for, and taken', async (_, asked, answered) => {
    const { answer, early } = progressRead(asked);
    const app = await page(early);
    app.seedEarlyProgress(app.client);
    expect(app.client.getQueryData(app.progressQueryKey(LETTER, answered))).toBeUndefined();
    answer.settle({ status: 200, body: progressOf(answered) });
    await settled();
    expect(app.client.getQueryData(app.progressQueryKey(LETTER, answered))).toEqual({
      pages: [progressOf(answered)],
      pageParams: [undefined],
    });
    // The page finds it in the cache; nobody takes the read a second time.
    expect(app.peekEarly('progress')).toBeUndefined();
    expect(await app.takeEarlyProgress(LETTER, answered)).toBeNull();
  });

  it.each([
    ['a refusal', { status: 403, body: { detail: 'ไม่มีสิทธิ์' } }],
    ['a failed read', null],
    ['an answer about another unit than the one asked for', { status: 200, body: progressOf(OWN) }],
  ])('not %s: the page reads it itself', async (_, got) => {
    const { answer, early } = progressRead(OTHER);
    const app = await page(early);
    app.seedEarlyProgress(app.client);
    answer.settle(got);
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('not one sent longer ago than the console keeps answers fresh', async () => {
    const { answer, early } = progressRead(null, Date.now() - 16_000);
    const app = await page(early);
    app.seedEarlyProgress(app.client);
    answer.settle({ status: 200, body: progressOf(OWN) });
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('not once the page has taken the read itself', async () => {
    const { answer, early } = progressRead(null);
    const app = await page(early);
    app.seedEarlyProgress(app.client);
    const taken = app.takeEarlyProgress(LETTER, OWN);
    answer.settle({ status: 200, body: progressOf(OWN) });
    expect(await taken).toEqual(progressOf(OWN));
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('not after the session has ended: the next person at the desk must not see it', async () => {
    const { answer, early } = progressRead(null);
    const app = await page(early);
    app.seedEarlyProgress(app.client);
    app.dropEarly();
    answer.settle({ status: 200, body: progressOf(OWN) });
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('does nothing on a page without one', async () => {
    const app = await page({});
    app.seedEarlyProgress(app.client);
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
  });
});

describe('the start script’s read of who is signed in, put into the cache as it is answered', () => {
  const ME = { user: { displayName: 'ผู้ทดสอบ' }, units: [], actingHeadOf: [] };

  it('a good answer, taken once', async () => {
    const me = later<EarlyAnswer | null>();
    const app = await page({ me: me.promise });
    app.prefetchEarlyMe(app.client);
    me.settle({ status: 200, body: ME });
    await settled();
    expect(app.client.getQueryData(['me'])).toEqual(ME);
    expect(app.peekEarly('me')).toBeUndefined();
  });

  it('not a refused one (no session): the workspace asks once the session is known', async () => {
    const me = later<EarlyAnswer | null>();
    const app = await page({ me: me.promise });
    app.prefetchEarlyMe(app.client);
    me.settle({ status: 401, body: null });
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
    expect(app.peekEarly('me')).toBe(me.promise);
  });

  it('not once the workspace has taken it itself', async () => {
    const me = later<EarlyAnswer | null>();
    const app = await page({ me: me.promise });
    app.prefetchEarlyMe(app.client);
    expect(app.takeEarly('me')).toBe(me.promise);
    me.settle({ status: 200, body: ME });
    await settled();
    expect(app.client.getQueryCache().getAll()).toHaveLength(0);
  });
});
