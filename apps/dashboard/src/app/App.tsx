import { useCallback } from 'react';
import { IntlProvider } from 'react-intl';
import { Dashboard } from '../components/Dashboard';
import { MerchantPicker } from '../components/MerchantPicker';
import { SignIn } from '../components/SignIn';
import { CATALOGS } from '../i18n/catalogs';
import { useLocale } from '../i18n/use-locale';
import { useViewState } from '../state/use-view-state';
import { useSession } from './use-session';

/** A message missing from a catalog, or one that does not parse, is a fault of the dashboard: say so loudly. */
const reportIntlError = (error: Error) => console.error(`i18n: ${error.message}`);

export function App() {
  const [locale, setLocale] = useLocale();
  const [view, setView] = useViewState();
  const requestedMerchant = useCallback(() => new URLSearchParams(window.location.search).get('merchant') ?? undefined, []);
  const control = useSession(requestedMerchant);
  const { session } = control;
  const language = { locale, onLocale: setLocale };

  return (
    <IntlProvider locale={locale} messages={CATALOGS[locale]} defaultLocale="en" onError={reportIntlError}>
      {session.kind === 'signedIn' ? (
        <Dashboard
          // A new token or merchant starts from nothing: no figure of the one before stays on screen.
          key={`${session.token} ${session.merchant.id}`}
          session={session}
          control={control}
          view={view}
          onView={setView}
          language={language}
        />
      ) : session.kind === 'picking' ? (
        <MerchantPicker
          merchants={session.merchants}
          language={language}
          onPick={(merchant) => {
            setView({ ...view, merchant: merchant.id }, 'replace');
            control.pick(merchant);
          }}
          onSignOut={control.signOut}
        />
      ) : (
        <SignIn session={session} language={language} onSignIn={control.signIn} onRetry={control.retry} />
      )}
    </IntlProvider>
  );
}
