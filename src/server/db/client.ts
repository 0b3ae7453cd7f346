import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import * as schema from './schema';

export type Schema = typeof schema;
/** One type for both drivers (and for transactions), so services never know which they have. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbHandle {
  db: Database;
  kind: 'pglite' | 'pg';
  /** the server database's connection string (pg only): for work that opens its own connection, e.g. in a worker */
  url?: string;
  /** Raw SQL returning rows; used by migrations, benchmarks and COPY helpers. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY table (cols) FROM STDIN (FORMAT csv)` with the given CSV text; returns rows copied. */
  copyCsv(table: string, columns: string[], csv: string): Promise<number>;
  close(): Promise<void>;
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const copySql = (table: string, columns: string[], source: string) =>
  `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM ${source} WITH (FORMAT csv)`;

/** PGlite in `dataDir` (in memory without one); `loadDataDir` starts from a `dumpDataDir()` tarball. */
export async function openPglite(dataDir?: string, opts: { loadDataDir?: Blob } = {}): Promise<DbHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    async query(text, params) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as never[];
    },
    async copyCsv(table, columns, csv) {
      const r = await client.query(copySql(table, columns, "'/dev/blob'"), [], {
        blob: new Blob([csv]),
      });
      return r.affectedRows ?? 0;
    },
    close: () => client.close(),
  };
}

export async function openPg(url: string, max = 10): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {
    /* idle client errors are reported on next use */
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Database;
  return {
    db,
    kind: 'pg',
    url,
    async query(text, params) {
      const r = await pool.query(text, params as unknown[]);
      return r.rows;
    },
    async copyCsv(table, columns, csv) {
      const conn = await pool.connect();
      try {
        const stream = conn.query(copyFrom(copySql(table, columns, 'STDIN')));
        await pipeline(Readable.from([csv]), stream);
        return Number(stream.rowCount ?? 0);
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

export function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<DbHandle> {
  return opts.databaseUrl ? openPg(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Runs raw SQL through Drizzle (inside a transaction when given one) and returns its rows. */
export async function sqlRows<T>(db: Database, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}
