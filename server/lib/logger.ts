/** Structured one-line logs (JSON, pino) so sweeps and webhooks can be grepped in production. */
import 'server-only';
import pino from 'pino';

const base = pino(
  {
    level: 'info',
    base: undefined,
    // `level` as its name, the time as `at` (ISO), as the lines have always been written.
    formatters: { level: (label) => ({ level: label }) },
    timestamp: () => `,"at":"${new Date().toISOString()}"`,
  },
  // Warnings and errors on stderr, the rest on stdout; each line on one stream only.
  pino.multistream(
    [
      { level: 'debug', stream: process.stdout },
      { level: 'warn', stream: process.stderr },
    ],
    { dedupe: true },
  ),
);

type Fields = Record<string, unknown>;

/** The message first and its fields after, as every caller writes it. */
export const logger = {
  debug: (msg: string, fields?: Fields) => base.debug(fields ?? {}, msg),
  info: (msg: string, fields?: Fields) => base.info(fields ?? {}, msg),
  warn: (msg: string, fields?: Fields) => base.warn(fields ?? {}, msg),
  error: (msg: string, fields?: Fields) => base.error(fields ?? {}, msg),
};
