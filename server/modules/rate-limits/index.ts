/** Postgres-backed rate limits and concurrency caps (SPEC 11: no limiter state in process memory). */
export { consumeRateLimit, pruneRateLimits, type RateLimit } from './consume-rate-limit';
export { acquireLease, type Lease, type LeaseRule } from './user-leases';
