const KEY = 'posledger.token';

/** The signed-in token, kept for this tab only (sessionStorage): never in a URL, gone when the tab closes. */
export const sessionToken = {
  read: (): string | undefined => sessionStorage.getItem(KEY) ?? undefined,
  write: (token: string): void => sessionStorage.setItem(KEY, token),
  clear: (): void => sessionStorage.removeItem(KEY),
};
