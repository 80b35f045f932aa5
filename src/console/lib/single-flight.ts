import { useRef } from 'react';

/**
 * Wraps an async action so that calls made while one is running share it. Two clicks
 * arrive before React re-renders the disabled button, so a disabled button alone does not
 * stop a double submission; this does.
 */
export function useSingleFlight<A extends unknown[], T>(
  action: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  const running = useRef<Promise<T> | null>(null);
  return (...args: A) => {
    running.current ??= action(...args).finally(() => {
      running.current = null;
    });
    return running.current;
  };
}
