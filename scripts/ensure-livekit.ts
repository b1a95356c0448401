/** Builds (once, into the per-user cache) or finds livekit-server, so the test run does not pay for it. */
import { findOrBuildLivekitServer } from './infra/livekit';

const result = await findOrBuildLivekitServer((line) => console.log(`[livekit] ${line}`));
if ('error' in result) {
  console.error(`livekit-server unavailable: ${result.error}`);
  process.exit(1);
}
console.log(`livekit-server: ${result.path}`);
