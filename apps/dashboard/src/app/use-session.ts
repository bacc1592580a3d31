import { useCallback, useEffect, useRef, useState } from 'react';
import { MERCHANT_QUERY, MERCHANTS_QUERY } from '../api/documents';
import { graphql, ReportError, TokenRefusedError } from '../api/graphql-client';
import type { Merchant } from '../api/report-types';
import { sessionToken } from '../session/session-token';
import { tokenFromFragment } from '../session/token-fragment';
import { TokenHandoff } from '../session/token-handoff';

/** Why the sign-in shows: the token was refused (with the API's code and words), or the person signed out. */
export type SignedOutReason = { readonly kind: 'refused'; readonly code?: string; readonly message: string } | { readonly kind: 'signedOut' };

export type Session =
  | { readonly kind: 'starting' }
  | { readonly kind: 'signedOut'; readonly reason?: SignedOutReason }
  | { readonly kind: 'checking'; readonly token: string }
  | { readonly kind: 'unreachable'; readonly token: string; readonly message: string }
  | { readonly kind: 'picking'; readonly token: string; readonly merchants: readonly Merchant[] }
  /** `merchants`: an auditor's, to switch between; none for a merchant's own token. */
  | { readonly kind: 'signedIn'; readonly token: string; readonly merchant: Merchant; readonly merchants?: readonly Merchant[] };

export interface SessionControl {
  readonly session: Session;
  signIn(token: string): void;
  pick(merchant: Merchant): void;
  signOut(): void;
  refused(error: TokenRefusedError): void;
  retry(): void;
}

/** The `#token=` of a printed link, moved into sessionStorage and out of the address bar (and its history entry). */
function takeTokenFromAddress(): string | undefined {
  const { token, hash } = tokenFromFragment(window.location.hash);
  if (token === undefined && hash === window.location.hash) return undefined;
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
  return token;
}

/**
 * Who is signed in: a token from the printed link, this tab's storage or another open tab, checked against the API
 * (a merchant's token reads its merchant; an auditor's picks one, or the one the address names).
 */
export function useSession(requestedMerchant: () => string | undefined): SessionControl {
  const [session, setSession] = useState<Session>({ kind: 'starting' });
  const checks = useRef(0);
  const handoff = useRef<TokenHandoff>(undefined);

  const end = useCallback((reason: SignedOutReason) => {
    checks.current++;
    sessionToken.clear();
    setSession({ kind: 'signedOut', reason });
  }, []);

  const check = useCallback(
    async (token: string) => {
      const check = ++checks.current;
      const current = () => check === checks.current;
      sessionToken.write(token);
      setSession({ kind: 'checking', token });
      try {
        const { merchant } = await graphql<{ merchant: Merchant | null }>(token, MERCHANT_QUERY, {});
        if (merchant) return current() && setSession({ kind: 'signedIn', token, merchant });
        const { merchants } = await graphql<{ merchants: Merchant[] }>(token, MERCHANTS_QUERY, {});
        const requested = merchants.find((m) => m.id === requestedMerchant());
        if (current()) setSession(requested ? { kind: 'signedIn', token, merchant: requested, merchants } : { kind: 'picking', token, merchants });
      } catch (error) {
        if (!current()) return;
        if (error instanceof TokenRefusedError) return end({ kind: 'refused', code: error.code, message: error.message });
        setSession({ kind: 'unreachable', token, message: error instanceof ReportError || error instanceof Error ? error.message : String(error) });
      }
    },
    [end, requestedMerchant],
  );

  useEffect(() => {
    const signedOutElsewhere = () => end({ kind: 'signedOut' });
    handoff.current = new TokenHandoff(signedOutElsewhere);
    const start = async () => {
      const token = takeTokenFromAddress() ?? sessionToken.read() ?? (await handoff.current?.ask());
      if (token) void check(token);
      else setSession({ kind: 'signedOut' });
    };
    void start();
    // A printed link opened in a tab that shows the dashboard already: its token replaces the one signed in.
    const linkOpened = () => {
      const token = takeTokenFromAddress();
      if (token) void check(token);
    };
    window.addEventListener('hashchange', linkOpened);
    return () => {
      window.removeEventListener('hashchange', linkOpened);
      handoff.current?.close();
    };
  }, [check, end]);

  return {
    session,
    signIn: (token) => void check(token),
    pick: (merchant) => {
      if (session.kind === 'picking' || (session.kind === 'signedIn' && session.merchants)) setSession({ kind: 'signedIn', token: session.token, merchant, merchants: session.merchants });
    },
    signOut: () => {
      handoff.current?.signedOut();
      end({ kind: 'signedOut' });
    },
    refused: (error) => end({ kind: 'refused', code: error.code, message: error.message }),
    retry: () => session.kind === 'unreachable' && void check(session.token),
  };
}
