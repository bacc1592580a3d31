export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The first of the browser's languages the dashboard speaks (any Chinese reads zh-CN), else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const lower = language.toLowerCase();
    if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
  }
  return 'en';
}

export function isLocale(value: string | null): value is Locale {
  return LOCALES.some((locale) => locale === value);
}
