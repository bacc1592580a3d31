import { decideDiscrepancy, uploadBill, type BillUpload, type DecisionInput } from '../api/back-office';
import type { DecisionOutcome, UploadOutcome } from '../api/back-office-answers';
import { TokenRefusedError } from '../api/graphql-client';
import { useReportSession } from './report-session';

export interface BackOffice {
  /** Undefined when the token was refused: the session is over, the sign-in says why. */
  upload(upload: BillUpload): Promise<UploadOutcome | undefined>;
  decide(decision: DecisionInput): Promise<DecisionOutcome | undefined>;
}

/** The merchant's writes with the session's token: a refused token ends the session, any other refusal is answered. */
export function useBackOffice(): BackOffice {
  const session = useReportSession();
  const guarded = async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof TokenRefusedError) return void session.refused(error);
      throw error;
    }
  };
  return {
    upload: (upload) => guarded(() => uploadBill(session.token, upload)),
    decide: (decision) => guarded(() => decideDiscrepancy(session.token, decision)),
  };
}
