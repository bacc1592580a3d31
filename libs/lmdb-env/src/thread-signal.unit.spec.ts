import { openThreadSignal, type ThreadSignal } from './thread-signal';

describe('openThreadSignal', () => {
  const opened: ThreadSignal[] = [];
  const open = (kind: string, path: string, onSignal: () => void): ThreadSignal => {
    const signal = openThreadSignal(kind, path, onSignal);
    opened.push(signal);
    return signal;
  };
  afterEach(() => opened.splice(0).forEach((signal) => signal.close()));

  it('wakes the others that opened the same kind on the same path, not the poster, and nothing else', async () => {
    const woken: string[] = [];
    const poster = open('event-store', '/data/a/../a', () => woken.push('poster'));
    open('event-store', '/data/a', () => woken.push('same path'));
    open('event-store', '/data/b', () => woken.push('other path'));
    open('transport', '/data/a', () => woken.push('other kind'));
    const delivered = new Promise<void>((resolve) => open('event-store', '/data/a', resolve));

    poster.post();
    await delivered;
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect(woken).toEqual(['same path']);
  });
});
