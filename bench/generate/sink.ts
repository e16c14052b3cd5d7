import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export type Cell = string | number | null;
export type Row = Cell[];

/** Where generated rows go: batched prepared inserts on SQLite, COPY on PostgreSQL. */
export interface BulkSink {
  insert(table: string, columns: readonly string[], rows: readonly Row[]): Promise<void>;
  /** After loading: sequences past the explicit ids, planner statistics. */
  finish(tables: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export function sqliteSink(path: string): BulkSink {
  const db = new Sqlite(path);
  // Loading only: the file is fsynced once at the end instead of per transaction.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const statements = new Map<string, Sqlite.Statement>();
  return {
    async insert(table, columns, rows) {
      const key = `${table}(${columns.join(',')})`;
      let statement = statements.get(key);
      if (!statement) {
        statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        statements.set(key, statement);
      }
      const s = statement;
      db.transaction(() => {
        for (const row of rows) s.run(row);
      })();
    },
    async finish() {
      db.pragma('synchronous = FULL');
      db.exec('ANALYZE');
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

/** COPY's text format: backslash, tab and line breaks escaped; \N is NULL. */
function copyCell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export async function postgresSink(url: string, schema: string): Promise<BulkSink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  return {
    async insert(table, columns, rows) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      const lines = function* () {
        for (const row of rows) yield `${row.map(copyCell).join('\t')}\n`;
      };
      await pipeline(Readable.from(lines()), stream);
    },
    async finish(tables) {
      for (const table of tables) {
        await client.query(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT max(id) FROM ${table}), 0) + 1, false)`);
      }
      await client.query('ANALYZE');
    },
    async close() {
      await client.end();
    },
  };
}
