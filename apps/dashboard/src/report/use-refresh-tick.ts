import { useEffect, useState } from 'react';

/** Live figures are asked again this often while terminals stream. */
export const REFRESH_MS = 5_000;

/** A number that moves on every REFRESH_MS while live and the page is visible (and at once when it shows again). */
export function useRefreshTick(live: boolean): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!live) return;
    const next = () => document.visibilityState === 'visible' && setTick((t) => t + 1);
    const timer = setInterval(next, REFRESH_MS);
    document.addEventListener('visibilitychange', next);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', next);
    };
  }, [live]);
  return tick;
}
