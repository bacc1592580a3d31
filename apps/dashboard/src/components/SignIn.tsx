import { useState, type FormEvent } from 'react';
import type { Session } from '../app/use-session';
import { useT } from '../i18n/use-t';
import { LanguageSwitch, type LanguageChoice } from './LanguageSwitch';

interface SignInProps {
  readonly session: Exclude<Session, { kind: 'signedIn' | 'picking' }>;
  readonly language: LanguageChoice;
  onSignIn(token: string): void;
  onRetry(): void;
}

/** The first screen without a token: what to paste, where to get it, and why the last one was refused. */
export function SignIn({ session, language, onSignIn, onRetry }: SignInProps) {
  const t = useT();
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim());
  };
  const reason = session.kind === 'signedOut' ? session.reason : undefined;

  return (
    <main className="sign-in">
      <div className="sign-in-card">
        <div className="sign-in-top">
          <h1>{t('app.title')}</h1>
          <LanguageSwitch {...language} />
        </div>
        {session.kind === 'starting' || session.kind === 'checking' ? (
          <p role="status">{t('signIn.checking')}</p>
        ) : (
          <>
            {reason?.kind === 'refused' && (
              <div className="alert alert-error" role="alert" data-testid="refused">
                <p>{t(reason.code === 'REPORTS.NOT_AUTHORIZED' ? 'signIn.refused.notAuthorized' : 'signIn.refused.notAuthenticated')}</p>
                <p className="detail">
                  {t('signIn.refused.detail')} <span lang="en">{reason.message}</span>
                </p>
              </div>
            )}
            {reason?.kind === 'signedOut' && (
              <p className="alert" role="status">
                {t('signIn.signedOut')}
              </p>
            )}
            {session.kind === 'unreachable' && (
              <div className="alert alert-error" role="alert">
                <p>{t('signIn.unreachable')}</p>
                <p className="detail" lang="en">{session.message}</p>
                <button type="button" onClick={onRetry}>
                  {t('signIn.retry')}
                </button>
              </div>
            )}
            <form onSubmit={submit}>
              <label htmlFor="token">{t('signIn.tokenLabel')}</label>
              <input id="token" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(event) => setToken(event.target.value)} required />
              <p className="hint">{t('signIn.tokenHint', { merchantCommand: 'npx posledger token --merchant <ID>', auditorCommand: 'npx posledger token --auditor' })}</p>
              <button type="submit" className="primary">
                {t('signIn.submit')}
              </button>
            </form>
            <p className="hint">{t('signIn.privacy')}</p>
          </>
        )}
      </div>
    </main>
  );
}
