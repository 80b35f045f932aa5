import { createElement, useEffect, useState } from 'react';
import { loaders, type PageChunk, type PageModule } from './page-chunks';

/**
 * A page from its own chunk (see page-chunks.ts): the page itself once its chunk has
 * arrived (at once when the entry's request for the opened page's has), a placeholder until
 * then. Not React.lazy: a page that suspends shows its Suspense fallback, and React holds
 * back the content that replaces a fallback until 300 ms after it was shown, however soon
 * the chunk and the page's data are there. Which page is shown changes once, from the
 * placeholder to the page, so the page is mounted once. A chunk that cannot be loaded
 * fails the render, as a lazy page's would.
 */
function page(chunk: PageChunk) {
  return function Page() {
    const [loaded, setLoaded] = useState<PageModule | undefined>(chunk.loaded);
    const [failed, setFailed] = useState<{ error: unknown } | null>(null);
    useEffect(() => {
      if (loaded) return;
      let mounted = true;
      chunk.load().then(
        (module) => mounted && setLoaded(module),
        (error: unknown) => mounted && setFailed({ error }),
      );
      return () => {
        mounted = false;
      };
    }, [loaded]);
    if (failed) throw failed.error;
    if (!loaded) return createElement('p', { className: 'muted' }, 'กำลังโหลด…');
    return createElement(loaded.default);
  };
}

/** The console's pages, each loaded from its own chunk. */
export const Pages = {
  Inbox: page(loaders.inbox),
  Intake: page(loaders.intake),
  MailDrafts: page(loaders.mailDrafts),
  MailDraft: page(loaders.mailDraft),
  Registers: page(loaders.registers),
  Search: page(loaders.search),
  Letter: page(loaders.letter),
  Tracking: page(loaders.tracking),
  Overdue: page(loaders.overdue),
  LetterTracking: page(loaders.letterTracking),
  Admin: page(loaders.admin),
};
