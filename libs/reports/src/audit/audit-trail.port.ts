/** One access of an auditor: who, when, what. */
export interface AuditEntry {
  readonly subject: string;
  readonly at: string;
  readonly action: 'QUERY' | 'MUTATION' | 'EXPORT';
  /** The GraphQL operation (its name, or its top-level fields) or the export path. */
  readonly operation: string;
  /** The query text and variables, or the export's parameters, as JSON. */
  readonly detail: string;
}

/** The auditors' own trail. Recording must succeed before the access is served: an unrecorded access never runs. */
export interface AuditTrail {
  record(entry: AuditEntry): Promise<void>;
  /** Entries recorded at or after from and before to, oldest first. */
  entries(from: string, to: string): Promise<AuditEntry[]>;
}

export const AUDIT_TRAIL = Symbol('AuditTrail');
