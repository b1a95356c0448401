import { describe, expect, it } from 'vitest';
import { configurationProblems, refusalMessage } from './production-checks';

const good = {
  AUTH_SECRET: 'a'.repeat(40),
  CRON_SECRET: 'c'.repeat(40),
  LIVEKIT_API_KEY: 'APIkey123',
  LIVEKIT_API_SECRET: 's'.repeat(40),
  APP_URL: 'https://halaqa.example',
};

describe('configurationProblems', () => {
  it('accepts a complete https configuration', () => {
    expect(configurationProblems(good)).toEqual([]);
  });

  it.each([
    ['AUTH_SECRET', { AUTH_SECRET: undefined }, /AUTH_SECRET is not set/],
    ['CRON_SECRET', { CRON_SECRET: undefined }, /CRON_SECRET is not set/],
    ['short AUTH_SECRET', { AUTH_SECRET: 'short' }, /AUTH_SECRET is shorter than 32/],
    ['LIVEKIT_API_KEY', { LIVEKIT_API_KEY: undefined }, /LIVEKIT_API_KEY is not set/],
    ['local LIVEKIT_API_KEY', { LIVEKIT_API_KEY: 'halaqa-local' }, /LIVEKIT_API_KEY is the local default/],
    ['LIVEKIT_API_SECRET', { LIVEKIT_API_SECRET: undefined }, /LIVEKIT_API_SECRET is not set/],
    ['APP_URL', { APP_URL: undefined }, /APP_URL is not set/],
    ['http APP_URL', { APP_URL: 'http://halaqa.example' }, /APP_URL is http:\/\/halaqa.example, not https/],
  ])('names a missing or unsafe %s', (_name, change, message) => {
    const problems = configurationProblems({ ...good, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it('refuses secrets the dev script generated into the data folder', () => {
    const problems = configurationProblems(good, [good.AUTH_SECRET, good.LIVEKIT_API_SECRET]);
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_SECRET is the generated local default/),
      expect.stringMatching(/^LIVEKIT_API_SECRET is the generated local default/),
    ]);
  });

  it('allows http only with the explicit local-trial opt-out', () => {
    expect(configurationProblems({ ...good, APP_URL: 'http://127.0.0.1:3000', HALAQA_ALLOW_HTTP: '1' })).toEqual([]);
    expect(configurationProblems({ ...good, APP_URL: 'http://127.0.0.1:3000', HALAQA_ALLOW_HTTP: 'yes' })).toHaveLength(1);
  });

  it('names every problem in one message', () => {
    const problems = configurationProblems({});
    expect(problems).toHaveLength(5);
    const message = refusalMessage(problems);
    for (const name of ['AUTH_SECRET', 'CRON_SECRET', 'LIVEKIT_API_KEY', 'LIVEKIT_API_SECRET', 'APP_URL']) expect(message).toContain(name);
  });
});
