export class MigrationNameMismatchError extends Error {
  readonly code = 'READ_STORE.MIGRATION_NAME_MISMATCH';

  constructor(
    readonly version: number,
    readonly recordedName: string,
    readonly codeName: string,
  ) {
    super(
      `read store migration ${version} was applied as '${recordedName}' but the code now calls it '${codeName}'; ` +
        'an applied migration must never change: add a new version instead',
    );
    this.name = 'MigrationNameMismatchError';
  }
}
