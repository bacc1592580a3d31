import { sessionToken } from './session-token';

type Message = { readonly kind: 'ask' } | { readonly kind: 'token'; readonly token: string } | { readonly kind: 'signed-out' };

const CHANNEL = 'posledger.session';
const WAIT_MS = 300;

/**
 * Tabs of the dashboard hand the token to a new tab of the same origin (BroadcastChannel never leaves the browser),
 * so that a dashboard opened in a new tab is signed in as the one it came from; signing out signs out every tab.
 */
export class TokenHandoff {
  private readonly channel = new BroadcastChannel(CHANNEL);

  constructor(onSignedOutElsewhere: () => void) {
    this.channel.onmessage = (event: MessageEvent<Message>) => {
      const token = sessionToken.read();
      if (event.data.kind === 'ask' && token) this.channel.postMessage({ kind: 'token', token } satisfies Message);
      if (event.data.kind === 'signed-out') onSignedOutElsewhere();
    };
  }

  /** The token of another open tab, or undefined when none answers in a moment. */
  ask(): Promise<string | undefined> {
    return new Promise((resolve) => {
      const listener = (event: MessageEvent<Message>) => {
        if (event.data.kind !== 'token') return;
        this.channel.removeEventListener('message', listener);
        clearTimeout(timer);
        resolve(event.data.token);
      };
      const timer = setTimeout(() => {
        this.channel.removeEventListener('message', listener);
        resolve(undefined);
      }, WAIT_MS);
      this.channel.addEventListener('message', listener);
      this.channel.postMessage({ kind: 'ask' } satisfies Message);
    });
  }

  signedOut(): void {
    this.channel.postMessage({ kind: 'signed-out' } satisfies Message);
  }

  close(): void {
    this.channel.close();
  }
}
