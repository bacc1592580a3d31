import { useT } from '../i18n/use-t';

interface TerminalSelectProps {
  /** The terminal chosen; any when undefined. */
  readonly terminal?: string;
  /** The terminals to offer; the one chosen stays offered when it is not among them. */
  readonly terminals: readonly string[];
  onTerminal(terminal: string | undefined): void;
  readonly testId: string;
}

/** The terminal filter of a tab (the address bar's `terminal`): any terminal, or one of the merchant's. */
export function TerminalSelect({ terminal, terminals, onTerminal, testId }: TerminalSelectProps) {
  const t = useT();
  const options = [...new Set([...terminals, ...(terminal ? [terminal] : [])])].sort();
  return (
    <label>
      <span>{t('filter.terminal')}</span>
      <select value={terminal ?? ''} onChange={(event) => onTerminal(event.target.value || undefined)} data-testid={testId}>
        <option value="">{t('filter.any')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
