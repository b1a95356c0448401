/** Postgres-backed rate limits (SPEC 11: no limiter state in process memory). */
export { consumeRateLimit, pruneRateLimits, type RateLimit } from './consume-rate-limit';
