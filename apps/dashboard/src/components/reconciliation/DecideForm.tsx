import { useId, useState, type FormEvent } from 'react';
import { DECISIONS, type Decision, type DecisionAnswer, type Refusal } from '../../api/back-office-answers';
import { decisionLabel } from '../../i18n/enum-labels';
import { useT } from '../../i18n/use-t';
import { useBackOffice } from '../../report/use-back-office';

/** What the API says once a discrepancy was decided finally (ACCEPT_BILL or WRITE_OFF): it takes no other decision. */
const DECIDED_BEFORE = 'BILL.DISCREPANCY_RESOLVED';

interface DecideFormProps {
  readonly discrepancyId: string;
  onDecided(answer: DecisionAnswer): void;
  onDecidedBefore(id: string): void;
}

/** A decision on an open or investigated discrepancy: what, why, and who takes it; recorded with the time by the API. */
export function DecideForm({ discrepancyId, onDecided, onDecidedBefore }: DecideFormProps) {
  const t = useT();
  const backOffice = useBackOffice();
  const id = useId();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [note, setNote] = useState('');
  const [who, setWho] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();

  const decide = async (event: FormEvent) => {
    event.preventDefault();
    if (decision === '' || who.trim() === '' || busy) return;
    setBusy(true);
    setRefusal(undefined);
    const outcome = await backOffice.decide({ discrepancyId, decision, note: note.trim(), decidedBy: who.trim() });
    setBusy(false);
    if (!outcome) return;
    if (outcome.kind === 'decided') return onDecided(outcome.answer);
    if (outcome.code === DECIDED_BEFORE) return onDecidedBefore(discrepancyId);
    setRefusal(outcome);
  };

  return (
    <form className="decide" aria-label={t('decide.label', { id: discrepancyId })} onSubmit={(event) => void decide(event)} data-testid="decide">
      <label htmlFor={`${id}-decision`}>{t('decide.decision')}</label>
      <select id={`${id}-decision`} value={decision} required onChange={(event) => setDecision(event.target.value as Decision | '')} data-testid="decide-decision">
        <option value="">{t('decide.choose')}</option>
        {DECISIONS.map((option) => (
          <option key={option} value={option}>
            {decisionLabel(t, option)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>{t('decide.note')}</label>
      <input id={`${id}-note`} type="text" value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} data-testid="decide-note" />
      <label htmlFor={`${id}-who`}>{t('decide.who')}</label>
      <input id={`${id}-who`} type="text" value={who} required maxLength={100} autoComplete="name" onChange={(event) => setWho(event.target.value)} data-testid="decide-who" />
      <button type="submit" disabled={busy} data-testid="decide-submit">
        {t('decide.submit')}
      </button>
      {refusal && (
        <p className="alert alert-error" role="alert" data-testid="decide-refused">
          {t('decide.refused')} <span lang="en">{refusal.message}</span>
        </p>
      )}
    </form>
  );
}
