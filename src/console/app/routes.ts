import { lazy } from 'react';
import { loaders } from './page-chunks';

/** The console's pages, each loaded from its own chunk (see page-chunks.ts). */
export const Pages = {
  Inbox: lazy(loaders.inbox),
  Intake: lazy(loaders.intake),
  MailDrafts: lazy(loaders.mailDrafts),
  MailDraft: lazy(loaders.mailDraft),
  Registers: lazy(loaders.registers),
  Search: lazy(loaders.search),
  Letter: lazy(loaders.letter),
  Tracking: lazy(loaders.tracking),
  Overdue: lazy(loaders.overdue),
  LetterTracking: lazy(loaders.letterTracking),
  Admin: lazy(loaders.admin),
};
