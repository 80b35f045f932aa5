import type { EarlyAnswer, EarlyStart } from './types';

/** The console's font files, written in by the build (vite.config.ts); none in development. */
declare const __SARABAN_FONTS__: string[];
/**
 * The letter tracking page's own script files beyond the entry's, written in by the build
 * (vite.config.ts); none in development.
 */
declare const __SARABAN_LETTER_TRACKING__: string[];

/**
 * The page's first script, inlined into index.html ahead of the style sheet and the
 * console's files (the build compiles it; the server allows exactly it by its hash in the
 * Content-Security-Policy). Every page first needs the session, then who is signed in, and a
 * letter's tracking page its progress; these requests go out now, while the browser is still
 * fetching and compiling the console, instead of after. It has no imports: it runs before
 * any module. If it does not run, the app asks for the same things itself.
 */
(() => {
  const answer = (response: Response): Promise<EarlyAnswer> =>
    response.json().then(
      (body: unknown) => ({ status: response.status, body }),
      () => ({ status: response.status, body: null }),
    );
  const refresh = fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'X-Saraban-Session': 'cookie', 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: '{}',
  }).then(answer, () => null);
  const token = refresh.then((tokens) =>
    tokens?.status === 200 ? (tokens.body as { accessToken: string }).accessToken : null,
  );
  const read = (path: string): Promise<EarlyAnswer | null> =>
    token
      .then((bearer) =>
        bearer
          ? fetch(path, { headers: { Authorization: `Bearer ${bearer}` } }).then(answer)
          : null,
      )
      .catch(() => null);
  const early: EarlyStart = { refresh, me: read('/api/v1/me') };
  const fetchEarly = (rel: string, as: string, href: string, type = '') => {
    const link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    if (type) link.type = type;
    // As the app's own loader and the style sheet ask for them: the same cache entry.
    link.crossOrigin = '';
    link.href = href;
    document.head.append(link);
  };
  // The same address and unit rules as pages/tracking/early.ts and app/chosen-unit.ts; if
  // they ever differ, the page reads its progress again rather than show another unit's.
  const letter = /^\/tracking\/letters\/([0-9a-f-]{36})$/i.exec(location.pathname);
  if (letter) {
    // The page's code, fetched and compiled while the reads are in flight rather than once the
    // entry has run; the app's loader finds it there. (Its styles are in the console's one
    // style sheet, linked by the page.)
    for (const href of __SARABAN_LETTER_TRACKING__) fetchEarly('modulepreload', '', href);
    let unitId = new URLSearchParams(location.search).get('unit');
    try {
      unitId ??= sessionStorage.getItem('saraban.unit');
    } catch {
      // Storage refused: the API's default unit.
    }
    const query = new URLSearchParams(unitId ? { unitId, limit: '50' } : { limit: '50' });
    early.progress = {
      letterId: letter[1],
      unitId,
      startedAt: Date.now(),
      answer: read(`/api/v1/letters/${letter[1]}/progress?${query.toString()}`),
    };
  }
  window.__sarabanEarly = early;
  // The fonts, once the reads above are on their way: otherwise the browser finds them only
  // when the page's first text is laid out, fetches them while the page's data is being
  // drawn, and lays the text out again. Asked for after the reads, they take none of the
  // few connections the reads need. Once the style sheet is in, its own faces are loaded:
  // a face the first layout has asked for already is not fetched again (a preload beside
  // it would be). Before the style sheet, no text can have asked for them: preloaded.
  void token.then(() => {
    const faces: FontFace[] = [];
    document.fonts.forEach((face) => faces.push(face));
    if (faces.length > 0) {
      for (const face of faces) if (face.status === 'unloaded') face.load().catch(() => null);
      return;
    }
    for (const href of __SARABAN_FONTS__) fetchEarly('preload', 'font', href, 'font/woff2');
  });
})();
