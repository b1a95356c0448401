import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listeningSockets } from './listening-sockets';
import { redisCommand, startRedis, type RunningRedis } from './redis';

describe('redis-server launcher (Debian redis-server on loopback)', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-redis-test-'));
  let redis: RunningRedis;

  beforeAll(async () => {
    redis = await startRedis({ dataDir });
  });
  afterAll(async () => {
    await redis?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers on 127.0.0.1 only, with its own data folder', async () => {
    expect(await redis.command('PING')).toBe('PONG');
    expect(redis.address).toBe(`127.0.0.1:${redis.port}`);
    const sockets = listeningSockets(redis.pid);
    expect(sockets.length).toBeGreaterThan(0);
    for (const socket of sockets) expect(socket.address).toBe('127.0.0.1');
    // Redis 7 keeps its append-only files in a folder of their own inside --dir.
    expect(existsSync(path.join(dataDir, 'appendonlydir'))).toBe(true);
  });

  it('keeps its data across a restart on the same port', async () => {
    await redis.command('HSET', 'room_node_map', 'room-a', 'ND_one');
    const before = redis.pid;
    redis = await redis.restart();
    expect(redis.pid).not.toBe(before);
    expect(await redis.command('HGET', 'room_node_map', 'room-a')).toBe('ND_one');
    expect(await redis.command('HGET', 'room_node_map', 'room-b')).toBeNull();
  });

  it('is gone after stop', async () => {
    const port = redis.port;
    await redis.stop();
    await expect(redisCommand(port, ['PING'], 500)).rejects.toThrow();
    redis = await startRedis({ dataDir, port });
    expect(await redis.command('HGET', 'room_node_map', 'room-a')).toBe('ND_one');
  });
});
