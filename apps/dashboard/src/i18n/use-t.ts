import { useIntl } from 'react-intl';
import type { MessageId } from './messages.en';

export type MessageValues = Record<string, string | number>;
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** The current language's message for an id (ICU MessageFormat), typed to the ids of the catalogs. */
export function useT(): Translate {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}
