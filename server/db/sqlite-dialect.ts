import type SQLite from 'better-sqlite3';
import { type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

/**
 * Kysely's SQLite driver answers any failed transaction with ROLLBACK. After SQLITE_FULL or SQLITE_IOERR
 * (a full or failing disk, often on COMMIT) SQLite has already rolled back by itself, so that ROLLBACK fails
 * with "no transaction is active" and the real cause is lost (a 500 instead of storage_full).
 */
class TolerantSqliteDriver extends SqliteDriver {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

export class TolerantSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new TolerantSqliteDriver(this.sqlite);
  }
}
