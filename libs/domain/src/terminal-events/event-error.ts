/**
 * One problem with a submitted batch. `index` is the event's position in `events` (null for the envelope),
 * `field` a dotted path inside the event (`payload.amountMinor`), `message` names both
 * (`events[3].payload.amountMinor: must be a decimal string of minor units`).
 */
export interface EventError {
  index: number | null;
  field: string;
  message: string;
}

export function eventError(index: number | null, field: string, problem: string): EventError {
  const where = index === null ? field : field === '' ? `events[${index}]` : `events[${index}].${field}`;
  return { index, field, message: `${where}: ${problem}` };
}
