import { createElement, lazy, useState } from 'react';
import { loaders, type PageChunk } from './page-chunks';

/**
 * A page from its own chunk (see page-chunks.ts). When the chunk has arrived already (the
 * entry asked for the opened page's at once), the page renders at once: suspending even
 * for a moment would show the fallback, and React holds back the content that replaces a
 * fallback until 300 ms after it was shown. Which of the two a mounted page is never
 * changes, so that it is not mounted again when its chunk arrives.
 */
function page(chunk: PageChunk) {
  const Lazy = lazy(chunk.load);
  return function Page() {
    const [Loaded] = useState(() => chunk.loaded()?.default);
    return createElement(Loaded ?? Lazy);
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
