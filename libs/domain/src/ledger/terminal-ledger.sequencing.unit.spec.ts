import { causeOf, DeciderSpecification, historyOf, record, recorded, replay, TerminalScript, tx } from '../testing';
import { terminalLedgerDecider } from './terminal-ledger.decider';
import { WrongTerminalError } from './wrong-terminal.error';

const spec = () => DeciderSpecification.for(terminalLedgerDecider('t-1'));

describe('terminal ledger sequencing', () => {
  it('invariant 3: a redelivered eventId decides nothing', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn();
    spec().given(historyOf(signIn)).when(record(signIn)).thenNothingHappened();
  });

  it('an event ahead of a gap is parked, not lost', () => {
    const t = new TerminalScript();
    const first = t.signedIn();
    t.cardInserted(tx(1));
    const third = t.pinEntered(tx(1));

    spec()
      .given(historyOf(first))
      .when(record(third))
      .then([
        {
          type: 'TerminalEventParked',
          data: {
            ...causeOf(third),
            eventId: third.eventId,
            sequence: 3,
            expectedSequence: 2,
            event: third,
            panMasked: false,
            receivedAt: third.occurredAt,
            waitingSince: third.occurredAt,
          },
        },
      ]);
  });

  it('filling the gap processes the missing event, then every parked event that became next, in order', () => {
    const t = new TerminalScript();
    const [signIn, card, pin] = [t.signedIn(), t.cardInserted(tx(1)), t.pinEntered(tx(1))];
    const parkedBoth = replay([pin, card]);
    expect(parkedBoth.events.map((e) => e.type)).toEqual(['TerminalEventParked', 'TerminalEventParked']);

    const { events, state } = spec().given(parkedBoth.events).when(record(signIn)).thenResult();
    expect(events.map((e) => [e.type, e.data.terminalEventId])).toEqual([
      ['TerminalEventRecorded', signIn.eventId],
      ['OperatorSignedIn', signIn.eventId],
      ['TerminalEventRecorded', card.eventId],
      ['SaleDetailsCaptured', card.eventId],
      ['TerminalEventRecorded', pin.eventId],
      ['SaleDetailsCaptured', pin.eventId],
      ['ParkedEventsReleased', signIn.eventId],
    ]);
    expect(events[2]).toEqual(recorded(card));
    expect(events[6].data).toMatchObject({ released: 2, parkedCount: 0, nextSequence: 4 });
    expect(state.nextSequence).toBe(4);
    expect(state.parkedCount).toBe(0);
  });

  it('a parked event redelivered decides nothing', () => {
    const t = new TerminalScript();
    t.signedIn();
    const ahead = t.cardInserted(tx(1));
    spec().given(historyOf(ahead)).when(record(ahead)).thenNothingHappened();
  });

  it('a full PAN masked at ingest is recorded as masked', () => {
    const t = new TerminalScript();
    const signIn = t.signedIn();
    spec().given([]).when(record(signIn, { panMasked: true })).then([recorded(signIn, true), {
      type: 'OperatorSignedIn',
      data: { ...causeOf(signIn), operatorId: 'op-1' },
    }]);
  });

  it("an event of another terminal is a routing bug: it throws, it is not data", () => {
    const other = new TerminalScript('t-2');
    spec().given([]).when(record(other.signedIn())).thenThrows(WrongTerminalError, (e) => e.message.includes('t-2'));
  });
});
