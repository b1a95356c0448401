import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { egressConfigYaml } from './egress';

describe('egressConfigYaml', () => {
  const config = parse(egressConfigYaml({ redisAddress: '127.0.0.1:6390', livekit: { wsUrl: 'ws://127.0.0.1:7990', apiKey: 'k', apiSecret: 's' } }));

  it('meets LiveKit in the given Redis, with its keys and URL', () => {
    expect(config).toMatchObject({ api_key: 'k', api_secret: 's', ws_url: 'ws://127.0.0.1:7990', redis: { address: '127.0.0.1:6390' } });
  });

  it('opens no port of its own: the health port binds every interface, the template port a fixed one', () => {
    expect(config.health_port).toBe(0);
    expect(config.template_port).toBe(0);
    expect(config.prometheus_port ?? 0).toBe(0);
    expect(config.debug_handler_port ?? 0).toBe(0);
  });

  it('asks at most one core of any recording, so two cores take one (egress refuses all with its defaults)', () => {
    const costs = Object.entries(config.cpu_cost as Record<string, number>).filter(([key]) => key.endsWith('_cpu_cost'));
    expect(costs.length).toBe(7);
    for (const [, cost] of costs) {
      expect(cost).toBeGreaterThan(0);
      expect(cost).toBeLessThanOrEqual(1);
    }
  });
});
