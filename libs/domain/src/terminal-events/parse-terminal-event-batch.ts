import { ZodIssue } from 'zod';
import { isCardDataFieldName } from './card-data-field-names';
import { EventError, eventError } from './event-error';
import { fieldPath } from './field-path';
import { TerminalEvent, TerminalEventType, TERMINAL_EVENT_TYPES } from './terminal-event';
import { TERMINAL_EVENT_SCHEMAS } from './terminal-event.schema';

export const MAX_EVENTS_PER_BATCH = 500;

export type ParsedBatch = { ok: true; events: TerminalEvent[] } | { ok: false; errors: EventError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEventType(value: unknown): value is TerminalEventType {
  return typeof value === 'string' && (TERMINAL_EVENT_TYPES as readonly string[]).includes(value);
}

function errorsOfIssue(index: number, issue: ZodIssue): EventError[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const field = fieldPath([...issue.path, key]);
      return isCardDataFieldName(key)
        ? eventError(index, field, `CARD_DATA: card data is not accepted in ${field}`)
        : eventError(index, field, 'is not an accepted field');
    });
  }
  const missing = issue.code === 'invalid_type' && issue.received === 'undefined';
  return [eventError(index, fieldPath(issue.path), missing ? 'is required' : issue.message)];
}

function parseEvent(index: number, raw: unknown): { event: TerminalEvent } | { errors: EventError[] } {
  if (!isRecord(raw)) return { errors: [eventError(index, '', 'must be an object')] };
  if (raw.type === undefined) return { errors: [eventError(index, 'type', 'is required')] };
  if (!isEventType(raw.type)) {
    return { errors: [eventError(index, 'type', `must be one of ${TERMINAL_EVENT_TYPES.join(', ')}`)] };
  }
  const result = TERMINAL_EVENT_SCHEMAS[raw.type].safeParse(raw);
  if (result.success) return { event: result.data };
  // One message per field: a value failing several checks of the same rule is reported once.
  const errors = result.error.issues.flatMap((issue) => errorsOfIssue(index, issue));
  return { errors: errors.filter((error, i) => errors.findIndex((other) => other.message === error.message) === i) };
}

/**
 * Validates a request body `{ events: [...] }` (1 to 500 events) against the strict contract. All or nothing:
 * either every event is valid, or every problem found is listed.
 */
export function parseTerminalEventBatch(body: unknown): ParsedBatch {
  if (!isRecord(body)) return { ok: false, errors: [eventError(null, 'body', 'must be a JSON object { events: [...] }')] };
  const unknownKeys = Object.keys(body).filter((key) => key !== 'events');
  if (unknownKeys.length > 0) {
    return { ok: false, errors: unknownKeys.map((key) => eventError(null, key, 'is not an accepted field')) };
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
  return errors.length === 0 ? { ok: true, events } : { ok: false, errors };
}
