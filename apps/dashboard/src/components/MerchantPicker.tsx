import type { Merchant } from '../api/report-types';
import { useT } from '../i18n/use-t';
import { LanguageSwitch, type LanguageChoice } from './LanguageSwitch';

interface MerchantPickerProps {
  readonly merchants: readonly Merchant[];
  readonly language: LanguageChoice;
  onPick(merchant: Merchant): void;
  onSignOut(): void;
}

/** An auditor's token sees every merchant: the auditor names the one to read. */
export function MerchantPicker({ merchants, language, onPick, onSignOut }: MerchantPickerProps) {
  const t = useT();
  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1>{t('picker.title')}</h1>
          <LanguageSwitch {...language} />
        </div>
        <p>{t('picker.explain')}</p>
        {merchants.length === 0 ? (
          <p role="status">{t('picker.none')}</p>
        ) : (
          <ul className="merchant-list">
            {merchants.map((merchant) => (
              <li key={merchant.id}>
                <button type="button" onClick={() => onPick(merchant)}>
                  <span className="merchant-name">{merchant.name}</span>
                  <span className="muted">
                    {merchant.id} · {merchant.timeZone} · {merchant.currency}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={onSignOut}>
          {t('header.signOut')}
        </button>
      </div>
    </main>
  );
}
