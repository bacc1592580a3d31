import { humanizeCode } from './humanize-code';

describe('codes without a word yet', () => {
  it('reads an enum value as title-cased words', () => {
    expect(humanizeCode('APPLE_PAY')).toBe('Apple Pay');
    expect(humanizeCode('DISCOVER')).toBe('Discover');
  });

  it('reads an event type as a sentence', () => {
    expect(humanizeCode('card.tapped')).toBe('Card tapped');
    expect(humanizeCode('terminal.heartbeat')).toBe('Terminal heartbeat');
  });

  it('leaves a code with nothing to split as it is', () => {
    expect(humanizeCode('')).toBe('');
    expect(humanizeCode('__')).toBe('__');
  });
});
