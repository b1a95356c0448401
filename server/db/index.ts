import 'server-only';
export { createDb, type Db, type DbExecutor, type DbHandle, type Tx } from './client';
export * as schema from './schema';
