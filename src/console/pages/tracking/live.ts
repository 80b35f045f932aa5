import { useEffect, useRef, useState } from 'react';
import { accessToken, refresh } from '../../api/session';

/** A progress event as the API streams it (no subject, ever). */
export interface ProgressEvent {
  id: number;
  kind: string;
  rootLetterId: string;
  letterId: string;
  recipientUnitId: string | null;
  recipientName: string | null;
  level: number | null;
  occurredAt: string;
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 30_000;

/**
 * The Server-Sent Events of /progress/events, read with fetch: the browser's EventSource
 * cannot send the bearer token (the session keeps it in memory only). It speaks the same
 * protocol: `id:` lines are remembered and sent back as Last-Event-ID when the connection
 * drops, so no acknowledgment is missed; `retry:` sets the wait; an expired token is
 * refreshed once before reconnecting. `reset` means too much happened: reload the figures.
 */
export function useProgressEvents(
  query: string,
  onEvent: (event: ProgressEvent | 'reset') => void,
): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    const abort = new AbortController();
    let lastEventId: string | null = null;
    let retryMs = FIRST_RETRY_MS;
    let failures = 0;

    async function connect(): Promise<void> {
      while (!abort.signal.aborted) {
        try {
          const headers: Record<string, string> = { Accept: 'text/event-stream' };
          const token = accessToken();
          if (token) headers.Authorization = `Bearer ${token}`;
          if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
          const response = await fetch(`/api/v1/progress/events${query}`, {
            headers,
            signal: abort.signal,
            cache: 'no-store',
          });
          if (response.status === 401 && (await refresh())) continue;
          if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
          failures = 0;
          setState('live');
          await read(response.body);
        } catch {
          if (abort.signal.aborted) return;
        }
        if (abort.signal.aborted) return;
        setState('reconnecting');
        failures += 1;
        const wait = Math.min(MAX_RETRY_MS, retryMs * Math.min(failures, 8));
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }

    async function read(body: ReadableStream<Uint8Array>): Promise<void> {
      const reader = body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    }

    function dispatch(block: string): void {
      let event = 'message';
      let data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') lastEventId = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data += data ? `\n${value}` : value;
        else if (field === 'retry' && /^\d+$/.test(value)) retryMs = Number(value);
      }
      if (event === 'reset') handler.current('reset');
      else if (event === 'progress' && data) handler.current(JSON.parse(data) as ProgressEvent);
    }

    setState('connecting');
    void connect();
    return () => abort.abort();
  }, [query]);

  return state;
}

/** What a screen reader hears about the connection. */
export const LIVE_LABEL: Record<LiveState, string> = {
  connecting: 'กำลังเชื่อมต่อ…',
  live: 'อัปเดตทันที',
  reconnecting: 'ขาดการเชื่อมต่อ กำลังเชื่อมต่อใหม่…',
};
