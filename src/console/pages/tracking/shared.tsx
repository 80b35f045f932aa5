import { useCallback, useRef } from 'react';
import { NavLink } from 'react-router';
import { SECRECY_LABEL } from '../../lib/thai';
import { LIVE_LABEL, type LiveState } from './live';

/**
 * Runs `refetch` now, or once more right after the one in flight: a burst of live events
 * costs at most two reads, and the last one always includes the latest event.
 */
export function useCoalescedRefetch(refetch: () => Promise<unknown>): () => void {
  const state = useRef({ running: false, again: false });
  const latest = useRef(refetch);
  latest.current = refetch;
  return useCallback(() => {
    const s = state.current;
    if (s.running) {
      s.again = true;
      return;
    }
    s.running = true;
    void (async () => {
      do {
        s.again = false;
        await latest.current().catch(() => undefined);
      } while (s.again);
      s.running = false;
    })();
  }, []);
}

export function subjectOf(letter: { subject?: string; secrecy: string }): string {
  return letter.subject ?? `หนังสือ${SECRECY_LABEL[letter.secrecy] ?? ''}`;
}

export function LiveStatus({ state }: { state: LiveState }) {
  return (
    <p className={`live-status ${state}`} role="status">
      <span className="live-dot" aria-hidden="true" />
      {LIVE_LABEL[state]}
    </p>
  );
}

/** The tracking section's own tabs. */
export function TrackingTabs() {
  return (
    <nav className="tracking-tabs" aria-label="มุมมองการติดตาม">
      <NavLink to="/tracking" end>
        หนังสือที่ส่ง
      </NavLink>
      <NavLink to="/tracking/overdue">หนังสือเลยกำหนด</NavLink>
    </nav>
  );
}
