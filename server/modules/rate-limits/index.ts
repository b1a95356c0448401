/** Postgres-backed rate limits and concurrency caps (docs/architecture.md#state-and-scale-out: no limiter state in process memory). */
import 'server-only';
export { consumeRateLimit, type RateLimit } from './consume-rate-limit';
export { acquireLease, type Lease, type LeaseRule } from './user-leases';
