import { LOCALES, type Locale } from '../i18n/locale';
import { useT } from '../i18n/use-t';

export interface LanguageChoice {
  readonly locale: Locale;
  onLocale(locale: Locale): void;
}

/** Each language named in itself, so that anyone finds theirs. */
const NATIVE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitch({ locale, onLocale }: LanguageChoice) {
  const t = useT();
  return (
    <label className="language">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={locale} onChange={(event) => onLocale(event.target.value as Locale)} data-testid="language">
        {LOCALES.map((option) => (
          <option key={option} value={option} lang={option}>
            {NATIVE_NAMES[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
