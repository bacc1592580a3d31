// Database and table names cannot be bound as values, so only plain names are allowed into SQL text.
const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const DATABASE = new RegExp(`^${NAME}$`);
const TABLE = new RegExp(`^(${NAME}\\.)?${NAME}$`);

export function assertDatabaseName(name: string): void {
  if (!DATABASE.test(name)) throw new Error(`invalid database name ${JSON.stringify(name)}: letters, digits and '_' only`);
}

/** A table name, optionally qualified by its database. */
export function assertTableName(name: string): void {
  if (!TABLE.test(name)) throw new Error(`invalid table name ${JSON.stringify(name)}: letters, digits and '_', optionally 'database.'`);
}
