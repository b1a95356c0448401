/** Postgres-backed rate limits (docs/architecture.md#state-and-scale-out: no limiter state in process memory). */
import 'server-only';
export { consumeRateLimit, pruneRateLimits, type RateLimit } from './consume-rate-limit';
