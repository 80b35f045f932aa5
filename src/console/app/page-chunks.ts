/**
 * Where each page's code is: one chunk per page, so a page opened by its address evaluates
 * only its own code beside the shell's. No React here: the entry (boot.ts) imports this to
 * ask for the chunk of the address being opened at once, in parallel with the session
 * refresh, instead of after the app's bundle has run.
 */
export const loaders = {
  inbox: () => import('../pages/InboxPage').then((m) => ({ default: m.InboxPage })),
  intake: () => import('../pages/IntakePage').then((m) => ({ default: m.IntakePage })),
  mailDrafts: () => import('../pages/MailDraftsPage').then((m) => ({ default: m.MailDraftsPage })),
  mailDraft: () => import('../pages/MailDraftsPage').then((m) => ({ default: m.MailDraftPage })),
  registers: () => import('../pages/RegistersPage').then((m) => ({ default: m.RegistersPage })),
  search: () => import('../pages/SearchPage').then((m) => ({ default: m.SearchPage })),
  letter: () => import('../pages/letter/LetterPage').then((m) => ({ default: m.LetterPage })),
  tracking: () =>
    import('../pages/tracking/TrackingPage').then((m) => ({ default: m.TrackingPage })),
  overdue: () => import('../pages/tracking/OverduePage').then((m) => ({ default: m.OverduePage })),
  letterTracking: () =>
    import('../pages/tracking/LetterTrackingPage').then((m) => ({
      default: m.LetterTrackingPage,
    })),
  // Administration is for few users: its code loads only when opened.
  admin: () => import('../pages/admin/AdminPage'),
};

const BY_PATH: [RegExp, () => Promise<unknown>][] = [
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
  const load = BY_PATH.find(([path]) => path.test(pathname))?.[1];
  load?.().catch(() => undefined);
}
