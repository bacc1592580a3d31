const TOKEN_FRAGMENT = /^#token=([^&]+)(?:&(.*))?$/;

/**
 * The token of a printed link's `#token=...` fragment (a fragment never reaches a server), and the fragment to
 * leave in the address bar without it.
 */
export function tokenFromFragment(hash: string): { token?: string; hash: string } {
  const match = TOKEN_FRAGMENT.exec(hash);
  if (!match) return { hash };
  let token: string | undefined;
  try {
    token = decodeURIComponent(match[1]).trim() || undefined;
  } catch {
    token = undefined;
  }
  return { ...(token ? { token } : {}), hash: match[2] ? `#${match[2]}` : '' };
}
