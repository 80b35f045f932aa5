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
 * letter's tracking page its progress; one request for them all goes out now, while the
 * browser is still fetching and compiling the console, instead of after. It has no imports:
 * it runs before any module. If it does not run, the app asks for the same things itself.
 */
(() => {
  // The same address and unit rules as pages/tracking/early.ts and app/chosen-unit.ts; if
  // they ever differ, the page reads its progress again rather than show another unit's.
  const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
  let letter = new RegExp(`^/tracking/letters/(${uuid})$`, 'i').exec(location.pathname);
  let unitId: string | null = null;
  if (letter) {
    unitId = new URLSearchParams(location.search).get('unit');
    try {
      unitId ??= sessionStorage.getItem('saraban.unit');
    } catch {
      // Storage refused: the API's default unit.
    }
    // An address the API would refuse as malformed is left to the page, which says so.
    if (unitId !== null && !new RegExp(`^${uuid}$`, 'i').test(unitId)) letter = null;
  }
  // One request: the session refreshed from its cookie, who is signed in and the tracking
  // page's progress, all answered by the server in one round trip (POST /auth/start). Each
  // answer is then handed to the app as if asked alone.
  const progressRead = letter
    ? { letterId: letter[1], limit: 50, ...(unitId ? { unitId } : {}) }
    : undefined;
  // The answer's lines as they come (newline-delimited JSON): first the session and who is
  // signed in, written as soon as the session is rotated; then, when asked for, the progress.
  let answerHead: (answer: EarlyAnswer | null) => void = () => undefined;
  let answerProgress: (answer: EarlyAnswer | null) => void = () => undefined;
  const head = new Promise<EarlyAnswer | null>((resolve) => (answerHead = resolve));
  const progress = new Promise<EarlyAnswer | null>((resolve) => (answerProgress = resolve));
  fetch('/api/v1/auth/start', {
    method: 'POST',
    headers: { 'X-Saraban-Session': 'cookie', 'Content-Type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(progressRead ? { progress: progressRead } : {}),
  })
    .then(async (response) => {
      if (response.status !== 200 || !response.body) {
        const body: unknown = await response.json().catch(() => null);
        answerHead({ status: response.status, body });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        text += value ?? '';
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n')) {
          const line = JSON.parse(text.slice(0, end)) as { progress?: EarlyAnswer };
          text = text.slice(end + 1);
          if (lines++ === 0) answerHead({ status: 200, body: line });
          else answerProgress(line.progress ?? null);
        }
        if (done) return;
      }
    })
    .catch(() => null)
    // Whatever did not come (a broken answer, no progress asked for) is left to the app.
    .finally(() => {
      answerHead(null);
      answerProgress(null);
    });
  type Head = { session: unknown; me: unknown };
  const ok = (answer: EarlyAnswer | null): Head | null =>
    answer?.status === 200 ? (answer.body as Head) : null;
  // A start refused as a refresh is (401, 403) is the refresh's refusal: the app signs in
  // afresh. Any other failure leaves the refresh to the app, which then asks for it itself.
  const refresh = head.then((answer) => {
    const body = ok(answer);
    if (body) return { status: 200, body: body.session };
    return answer?.status === 401 || answer?.status === 403 ? answer : null;
  });
  const token = refresh.then((tokens) =>
    tokens?.status === 200 ? (tokens.body as { accessToken: string }).accessToken : null,
  );
  const early: EarlyStart = {
    refresh,
    me: head.then((answer) => {
      const body = ok(answer);
      return body ? { status: 200, body: body.me } : null;
    }),
  };
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
  if (letter) {
    // The page's code, fetched and compiled while the reads are in flight rather than once the
    // entry has run; the app's loader finds it there. (Its styles are in the console's one
    // style sheet, linked by the page.)
    for (const href of __SARABAN_LETTER_TRACKING__) fetchEarly('modulepreload', '', href);
    early.progress = {
      letterId: letter[1],
      unitId,
      startedAt: Date.now(),
      answer: progress,
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
