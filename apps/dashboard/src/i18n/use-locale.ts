import { useEffect, useState } from 'react';
import { isLocale, preferredLocale, type Locale } from './locale';

const KEY = 'posledger.locale';

/** The language: the one picked before on this browser, else the browser's own; the page's lang follows it. */
export function useLocale(): [Locale, (locale: Locale) => void] {
  const [locale, setLocale] = useState<Locale>(() => {
    const picked = localStorage.getItem(KEY);
    return isLocale(picked) ? picked : preferredLocale(navigator.languages);
  });
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const pick = (next: Locale) => {
    localStorage.setItem(KEY, next);
    setLocale(next);
  };
  return [locale, pick];
}
