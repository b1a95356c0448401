/** Builds (once, into the per-user cache) or finds Mailpit, so the test run does not pay for it. */
import { findOrBuildMailpit } from './infra/mailpit';

const result = await findOrBuildMailpit((line) => console.log(`[mailpit] ${line}`));
if ('error' in result) {
  console.error(`Mailpit unavailable: ${result.error}`);
  process.exit(1);
}
console.log(`mailpit: ${result.path}`);
