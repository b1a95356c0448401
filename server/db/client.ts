import 'server-only';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres, { type Sql } from 'postgres';
import * as schema from './schema';

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take this so the same function runs inside a transaction or not. */
export type DbExecutor = Db | Tx;

export interface DbHandle {
  db: Db;
  close(): Promise<void>;
}

export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Fail fast when the server is down: the webhook must answer 503 quickly.
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
  });
  const db = drizzle(client, { schema });
  return { db, close: () => client.end({ timeout: 5 }) };
}

/**
 * The postgres.js client under a Db, for what Drizzle cannot do: server-side
 * cursors, so a large export streams instead of loading every row.
 */
export function rawSqlOf(db: Db): Sql {
  const client = (db as Db & { $client?: Sql }).$client;
  if (typeof client !== 'function') throw new Error('this Db was not created by createDb (no postgres.js client)');
  return client;
}
