/** How a status badge reads at a glance: done and in the merchant's favour, against it, still under way, or unknown. */
export type Tone = 'good' | 'bad' | 'pending' | 'neutral';

const PAYOUT_TONES: Readonly<Record<string, Tone>> = { PAID: 'good', FAILED: 'bad', IN_TRANSIT: 'pending' };
const DISPUTE_TONES: Readonly<Record<string, Tone>> = { WON: 'good', LOST: 'bad', OPEN: 'pending' };

const toneOf = (tones: Readonly<Record<string, Tone>>) => (status: string): Tone => (Object.hasOwn(tones, status) ? tones[status] : 'neutral');

/** PAID is good, FAILED (returned by the bank) bad, IN_TRANSIT pending; a status added later than the dashboard neutral. */
export const payoutTone = toneOf(PAYOUT_TONES);

/** WON is good, LOST bad, OPEN (amount held) pending. */
export const disputeTone = toneOf(DISPUTE_TONES);

const DAY_TONES: Readonly<Record<string, Tone>> = { MATCHED: 'good', RESOLVED: 'good', OPEN: 'bad' };
const DISCREPANCY_TONES: Readonly<Record<string, Tone>> = { ACCEPT_BILL: 'good', WRITE_OFF: 'good', INVESTIGATE: 'pending', OPEN: 'bad' };
const MATCH_TONES: Readonly<Record<string, Tone>> = { MATCHED: 'good', MISMATCH: 'bad' };

/** A day's reconciliation: every bill matched or every discrepancy decided is good, one awaiting a decision bad, no bills neutral. */
export const reconciliationTone = toneOf(DAY_TONES);

/** A discrepancy: decided (the bill accepted or written off) is good, under investigation pending, open bad. */
export const discrepancyTone = toneOf(DISCREPANCY_TONES);

/** A three-way match: terminal, ledger and bill agreeing is good, not agreeing bad. */
export const matchTone = toneOf(MATCH_TONES);
