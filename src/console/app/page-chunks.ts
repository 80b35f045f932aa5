import type { ComponentType } from 'react';

/** A page's module as its chunk gives it. */
export interface PageModule {
  default: ComponentType;
}

/** A page's chunk, loaded at most once at a time, and its module once it has arrived. */
export interface PageChunk {
  load: () => Promise<PageModule>;
  /** The page's module when its chunk has arrived, else undefined. */
  loaded: () => PageModule | undefined;
}

/** One page's chunk; a failed load is forgotten, so that the next asks again. */
export function pageChunk(load: () => Promise<PageModule>): PageChunk {
  let loading: Promise<PageModule> | undefined;
  let module: PageModule | undefined;
  return {
    load: () =>
      (loading ??= load().then(
        (arrived) => (module = arrived),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => module,
  };
}

/**
 * Where each page's code is: one chunk per page, so a page opened by its address evaluates
 * only its own code beside the shell's. No React here: the entry (boot.ts) imports this to
 * ask for the chunk of the address being opened at once, in parallel with the session
 * refresh, instead of after the app's bundle has run.
 */
export const loaders = {
  inbox: pageChunk(() => import('../pages/InboxPage').then((m) => ({ default: m.InboxPage }))),
  intake: pageChunk(() => import('../pages/IntakePage').then((m) => ({ default: m.IntakePage }))),
  mailDrafts: pageChunk(() =>
    import('../pages/MailDraftsPage').then((m) => ({ default: m.MailDraftsPage })),
  ),
  mailDraft: pageChunk(() =>
    import('../pages/MailDraftsPage').then((m) => ({ default: m.MailDraftPage })),
  ),
  registers: pageChunk(() =>
    import('../pages/RegistersPage').then((m) => ({ default: m.RegistersPage })),
  ),
  search: pageChunk(() => import('../pages/SearchPage').then((m) => ({ default: m.SearchPage }))),
  letter: pageChunk(() =>
    import('../pages/letter/LetterPage').then((m) => ({ default: m.LetterPage })),
  ),
  tracking: pageChunk(() =>
    import('../pages/tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })),
  ),
  overdue: pageChunk(() =>
    import('../pages/tracking/OverduePage').then((m) => ({ default: m.OverduePage })),
  ),
  letterTracking: pageChunk(() =>
    import('../pages/tracking/LetterTrackingPage').then((m) => ({
      default: m.LetterTrackingPage,
    })),
  ),
  // Administration is for few users: its code loads only when opened.
  admin: pageChunk(() => import('../pages/admin/AdminPage')),
};

const BY_PATH: [RegExp, PageChunk][] = [
  [/^\/(inbox)?$/, loaders.inbox],
  [/^\/intake$/, loaders.intake],
  [/^\/intake\/mail(\/|$)/, loaders.mailDrafts],
  [/^\/registers(\/|$)/, loaders.registers],
  [/^\/search$/, loaders.search],
  [/^\/letters\//, loaders.letter],
  [/^\/tracking$/, loaders.tracking],
  [/^\/tracking\/overdue$/, loaders.overdue],
  [/^\/tracking\/letters\//, loaders.letterTracking],
];

/** Starts loading the page of `pathname` (a failure is left to the page's own load). */
export function preloadPage(pathname: string): void {
  BY_PATH.find(([path]) => path.test(pathname))?.[1]
    .load()
    .catch(() => undefined);
}
