import { EventError, eventError } from './event-error';
import { fieldPath } from './field-path';
import { findCardData } from './scrub-card-data';
import { TerminalEvent, TERMINAL_EVENT_TYPES } from './terminal-event';
import { MAX_EVENTS_PER_BATCH } from './terminal-event.schema';
import { isEventType, validateTerminalEvent } from './terminal-event-validator';
/** A refused batch lists at most this many problems (and says how many more): a hostile body cannot make a huge answer. */
export const MAX_LISTED_ERRORS = 500;

export type ParsedBatch = { ok: true; events: TerminalEvent[] } | { ok: false; errors: EventError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseEvent(index: number, raw: unknown): { event: TerminalEvent } | { errors: EventError[] } {
  if (!isRecord(raw)) return { errors: [eventError(index, '', 'must be an object')] };
  const cardData = findCardData(raw).map(({ field, what }) => eventError(index, field, `CARD_DATA: ${what} is not accepted in ${field}`));
  const bySchema = parseBySchema(index, raw);
  if (cardData.length === 0 && 'event' in bySchema) return bySchema;
  // One error per field: card data is named as such (CARD_DATA) ahead of what the schema says of the same field,
  // and a value failing several checks of one rule is reported once.
  const errors: EventError[] = [];
  const reported = new Set<string>();
  for (const error of [...cardData, ...('errors' in bySchema ? bySchema.errors : [])]) {
    if (reported.has(error.field)) continue;
    reported.add(error.field);
    errors.push(error);
  }
  return { errors };
}

function parseBySchema(index: number, raw: Record<string, unknown>): { event: TerminalEvent } | { errors: EventError[] } {
  if (raw.type === undefined) return { errors: [eventError(index, 'type', 'is required')] };
  if (!isEventType(raw.type)) return { errors: [eventError(index, 'type', `must be one of ${TERMINAL_EVENT_TYPES.join(', ')}`)] };
  const result = validateTerminalEvent(raw.type, raw);
  return 'event' in result ? result : { errors: result.problems.map(({ path, problem }) => eventError(index, fieldPath(path), problem)) };
}

function listed(errors: EventError[]): EventError[] {
  if (errors.length <= MAX_LISTED_ERRORS) return errors;
  const more = errors.length - MAX_LISTED_ERRORS;
  return [...errors.slice(0, MAX_LISTED_ERRORS), eventError(null, 'events', `${more} more problem(s) not listed`)];
}

/**
 * Validates a request body `{ events: [...] }` (1 to 500 events) against the strict contract. All or nothing:
 * either every event is valid, or the problems found are listed (at most MAX_LISTED_ERRORS of them).
 */
export function parseTerminalEventBatch(body: unknown): ParsedBatch {
  if (!isRecord(body)) return { ok: false, errors: [eventError(null, 'body', 'must be a JSON object { events: [...] }')] };
  const unknownKeys = Object.keys(body).filter((key) => key !== 'events');
  if (unknownKeys.length > 0) {
    return { ok: false, errors: listed(unknownKeys.map((key) => eventError(null, fieldPath([key]), 'is not an accepted field'))) };
  }
  const raw = body.events;
  if (!Array.isArray(raw)) return { ok: false, errors: [eventError(null, 'events', 'must be an array of 1 to 500 events')] };
  if (raw.length < 1 || raw.length > MAX_EVENTS_PER_BATCH) {
    return { ok: false, errors: [eventError(null, 'events', `must hold 1 to ${MAX_EVENTS_PER_BATCH} events, got ${raw.length}`)] };
  }
  const events: TerminalEvent[] = [];
  const errors: EventError[] = [];
  raw.forEach((item, index) => {
    const parsed = parseEvent(index, item);
    if ('event' in parsed) events.push(parsed.event);
    else errors.push(...parsed.errors);
  });
  return errors.length === 0 ? { ok: true, events } : { ok: false, errors: listed(errors) };
}
