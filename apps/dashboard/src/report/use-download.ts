import { useState } from 'react';
import { downloadExport, type ExportName } from '../api/export-download';
import { ReportError, TokenRefusedError } from '../api/graphql-client';
import { useReportSession } from './report-session';

export interface Download {
  readonly busy: boolean;
  /** Why the last download failed (the API's message). */
  readonly error?: string;
  /** Saves the server's file; the merchant an auditor picked is added to the parameters. */
  download(name: ExportName, parameters: Record<string, string>): Promise<void>;
}

/** An authenticated download of the session's merchant: a refused token ends the session, other failures are kept to show. */
export function useDownload(): Download {
  const session = useReportSession();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });
  const download = async (name: ExportName, parameters: Record<string, string>) => {
    setState({ busy: true });
    try {
      await downloadExport(session.token, name, { ...(session.merchantId ? { merchantId: session.merchantId } : {}), ...parameters });
      setState({ busy: false });
    } catch (error) {
      if (error instanceof TokenRefusedError) return session.refused(error);
      setState({ busy: false, error: error instanceof ReportError ? error.message : String(error) });
    }
  };
  return { ...state, download };
}
