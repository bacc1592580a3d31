import type { Merchant } from '../api/report-types';
import { useFormat } from '../format/use-format';
import { useT } from '../i18n/use-t';
import { LanguageSwitch, type LanguageChoice } from './LanguageSwitch';

interface HeaderProps {
  readonly merchant: Merchant;
  /** An auditor's merchants, to switch between. */
  readonly merchants?: readonly Merchant[];
  onPick(merchant: Merchant): void;
  readonly refreshedAt?: Date;
  readonly live: boolean;
  onLive(live: boolean): void;
  readonly language: LanguageChoice;
  onSignOut(): void;
}

/** Whose figures these are (name, zone, currency), how fresh (on the merchant's clock), and the controls. */
export function Header({ merchant, merchants, onPick, refreshedAt, live, onLive, language, onSignOut }: HeaderProps) {
  const t = useT();
  const format = useFormat(merchant.timeZone);
  return (
    <header className="header">
      <div className="header-merchant">
        <h1 data-testid="merchant-name">{merchant.name}</h1>
        <p className="muted">
          <span data-testid="merchant-zone">{merchant.timeZone}</span> · <span data-testid="merchant-currency">{merchant.currency}</span>
          {merchants && (
            <label className="merchant-switch">
              <span className="visually-hidden">{t('header.merchant')}</span>
              <select value={merchant.id} onChange={(event) => onPick(merchants.find((m) => m.id === event.target.value) ?? merchant)}>
                {merchants.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </p>
      </div>
      <div className="header-controls">
        <p className="refreshed" data-testid="refreshed">
          {refreshedAt ? t('header.updated', { time: format.clock(refreshedAt), zone: format.zoneOffset(refreshedAt) }) : t('header.loading')}
        </p>
        <button type="button" onClick={() => onLive(!live)} data-testid="live">
          {live ? t('header.pause') : t('header.resume')}
        </button>
        <LanguageSwitch {...language} />
        <button type="button" onClick={onSignOut}>
          {t('header.signOut')}
        </button>
      </div>
    </header>
  );
}
