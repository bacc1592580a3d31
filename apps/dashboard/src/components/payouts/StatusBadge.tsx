import type { Tone } from './status-tone';

/** A status in words, coloured by how it reads for the merchant (the word says it; the colour only repeats it). */
export function StatusBadge({ tone, label, testId }: { readonly tone: Tone; readonly label: string; readonly testId?: string }) {
  return (
    <span className={`badge tone-${tone}`} data-testid={testId}>
      {label}
    </span>
  );
}
