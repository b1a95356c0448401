/** Builds (once, into the per-user cache) or finds the recording stack's Go programs, so the test run does not pay for them. */
import { findOrBuildEgress } from './infra/egress';
import { findOrBuildVersitygw } from './infra/versitygw';

for (const [name, find] of [
  ['versitygw', findOrBuildVersitygw],
  ['egress', findOrBuildEgress],
] as const) {
  const result = await find((line) => console.log(line));
  if ('error' in result) {
    console.error(`${name} unavailable: ${result.error}`);
    process.exit(1);
  }
  console.log(`${name}: ${result.path}`);
}
