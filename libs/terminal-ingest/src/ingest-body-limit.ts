/** 500 events of the largest contract type fit well under this; a larger body is answered 413. */
export const INGEST_BODY_LIMIT_BYTES = 1024 * 1024;
