/**
 * "Nothing was written": a count and checksum of every table in the public
 * schema, read from the catalog so tables added later are covered too.
 * Rows of other academies are left out (other test files share the database,
 * and LiveKit's webhooks for their rooms may still arrive); tables without an
 * academy column (rate limits, acks…) are taken whole.
 */
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';

export type DbFingerprint = Record<string, string>;

interface TableInfo {
  table: string;
  scope: 'academy_id' | 'id' | null;
}

async function publicTables(db: DbExecutor): Promise<TableInfo[]> {
  const rows = await db.execute<{ table_name: string; has_academy: boolean }>(sql`
    SELECT t.table_name,
           EXISTS (SELECT 1 FROM information_schema.columns c
                   WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'academy_id') AS has_academy
    FROM information_schema.tables t
    WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY t.table_name`);
  return rows.map((r) => ({ table: r.table_name, scope: r.table_name === 'academies' ? 'id' : r.has_academy ? 'academy_id' : null }));
}

/** One round trip: `table → "rows:md5"`, for the academy's rows and every row of unscoped tables. */
export async function dbFingerprint(db: DbExecutor, academyId: number): Promise<DbFingerprint> {
  const tables = await publicTables(db);
  if (tables.length === 0) throw new Error('no tables in the public schema: wrong database?');
  const parts = tables.map(({ table, scope }) => {
    const where = scope ? sql` WHERE t.${sql.identifier(scope)} = ${academyId}` : sql``;
    return sql`SELECT ${table}::text AS name, count(*)::int AS n, coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') AS sum
      FROM ${sql.identifier(table)} t${where}`;
  });
  const rows = await db.execute<{ name: string; n: number; sum: string }>(sql.join(parts, sql` UNION ALL `));
  return Object.fromEntries(rows.map((r) => [r.name, `${r.n}:${r.sum}`]));
}

/**
 * Waits until two readings a moment apart agree, so writes still in flight
 * from the setup (LiveKit's room_started webhook) cannot land between a
 * test's before and after.
 */
export async function settledFingerprint(db: DbExecutor, academyId: number, timeoutMs = 10_000): Promise<DbFingerprint> {
  const deadline = Date.now() + timeoutMs;
  let last = await dbFingerprint(db, academyId);
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const next = await dbFingerprint(db, academyId);
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    if (Date.now() > deadline) throw new Error('the database kept changing; cannot take a stable fingerprint');
    last = next;
  }
}
