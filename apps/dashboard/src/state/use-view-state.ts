import { useCallback, useEffect, useState } from 'react';
import { readViewState, writeViewState, type ViewState } from './view-state';

/**
 * The view, kept in the address bar (so that a link shows the same view, and Back goes to the previous one); a
 * change the person would not step back through (typing in a filter) replaces the entry instead.
 */
export function useViewState(): [ViewState, (next: ViewState, history?: 'push' | 'replace') => void] {
  const [view, setView] = useState(() => readViewState(window.location.search));

  useEffect(() => {
    const back = () => setView(readViewState(window.location.search));
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  const change = useCallback((next: ViewState, history: 'push' | 'replace' = 'push') => {
    const url = `${window.location.pathname}${writeViewState(next)}${window.location.hash}`;
    if (history === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
    setView(next);
  }, []);

  return [view, change];
}
