import { useEffect, useState } from 'react';

/** What the official has typed and picked for one letter, kept until it is sent. */
export interface Draft {
  text: string;
  decision: string;
  /** Picked units by id, with their names for the list of recipients. */
  units: Record<string, string>;
  /** Quick picks by kind (keys of the picker's quickPicks). */
  picks: string[];
  /** Response due date, ISO (Gregorian), or '' for none. */
  due: string;
}

export const EMPTY_DRAFT: Draft = { text: '', decision: '', units: {}, picks: [], due: '' };

const key = (letterId: string) => `saraban.draft.${letterId}`;

function read(letterId: string): Draft {
  try {
    const stored = sessionStorage.getItem(key(letterId));
    return stored ? { ...EMPTY_DRAFT, ...(JSON.parse(stored) as Partial<Draft>) } : EMPTY_DRAFT;
  } catch {
    return EMPTY_DRAFT;
  }
}

/**
 * The draft of a letter's minute and forward, in the tab's session storage: leaving the
 * page, a reload or a failed request never loses what was typed; only a sent forward (or
 * a saved minute) clears it.
 */
export function useDraft(letterId: string): [Draft, (change: Partial<Draft>) => void, () => void] {
  const [draft, setDraft] = useState<Draft>(() => read(letterId));
  useEffect(() => setDraft(read(letterId)), [letterId]);
  const update = (change: Partial<Draft>) =>
    setDraft((previous) => {
      const next = { ...previous, ...change };
      sessionStorage.setItem(key(letterId), JSON.stringify(next));
      return next;
    });
  const clear = () => {
    sessionStorage.removeItem(key(letterId));
    setDraft(EMPTY_DRAFT);
  };
  return [draft, update, clear];
}
