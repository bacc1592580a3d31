export class ChdbPathConflictError extends Error {
  readonly code = 'READ_STORE.CHDB_PATH_CONFLICT';

  constructor(openPath: string, requestedPath: string) {
    super(
      `chDB embeds one ClickHouse engine per process and it is open at '${openPath}'; ` +
        `cannot open '${requestedPath}' until every read store on it is closed (or set CLICKHOUSE_URL to use a server)`,
    );
    this.name = 'ChdbPathConflictError';
  }
}
