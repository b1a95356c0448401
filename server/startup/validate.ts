/**
 * Runs once when the Next server starts (instrumentation.ts): the
 * environment is parsed now, not on the first request that needs it, and a
 * production server refuses to serve at all when production-checks.ts finds
 * a problem. Exiting is the point: a half-configured server must not answer.
 */
import path from 'node:path';
import { createDb } from '@/server/db';
import { outdatedSchemaMessage, schemaStatus } from '@/server/db/migrate';
import { getEnv } from '@/server/env';
import { logger } from '@/server/lib/logger';
import { configurationProblems, demoPasswordProblems, localSecretsIn, refusalMessage } from './production-checks';

export async function validateAtStartup(source: Record<string, string | undefined>): Promise<void> {
  let problems: string[] = [];
  try {
    const env = getEnv();
    // Every start, every environment: code newer than its schema fails in odd places later.
    const outdated = outdatedSchemaMessage(await schemaStatus(env.databaseUrl));
    if (outdated) problems.push(outdated);
    if (problems.length === 0 && env.nodeEnv === 'production') {
      problems = configurationProblems(source, localSecretsIn(path.resolve(/*turbopackIgnore: true*/ source.HALAQA_DATA_DIR ?? '.data')));
      if (problems.length === 0) {
        const handle = createDb(env.databaseUrl, { max: 1 });
        try {
          problems = await demoPasswordProblems(handle.db);
        } finally {
          await handle.close();
        }
      }
    }
  } catch (error) {
    problems = [error instanceof Error ? error.message : String(error)];
  }
  if (problems.length) {
    logger.error(refusalMessage(problems));
    process.exit(1);
  }
}
