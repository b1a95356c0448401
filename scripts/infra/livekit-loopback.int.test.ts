/**
 * The local livekit-server, as `npm run dev` and the browser tests run it,
 * keeps every packet on 127.0.0.1: its sockets (read from /proc) are all on
 * loopback, and the join response it sends a client names no STUN or TURN
 * server off this machine. (The integration suite's own server also carries
 * ICE on this host's interface address for @livekit/rtc-node; see
 * `iceAddresses`.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignalResponse } from '@livekit/protocol';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { findOrBuildLivekitServer, startLivekitServer, type RunningLivekit } from './livekit';
import { listeningSockets } from './listening-sockets';

const apiKey = 'loopback-test';
const apiSecret = 'loopback-test-secret-0123456789abcdef';
let server: RunningLivekit;
let workDir: string;

beforeAll(async () => {
  const binary = await findOrBuildLivekitServer();
  if ('error' in binary) throw new Error(binary.error);
  workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-lk-loopback-'));
  server = await startLivekitServer({ binary: binary.path, apiKey, apiSecret, webhookUrls: [], workDir, logFile: path.join(workDir, 'server.log') });
});

afterAll(async () => {
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** Opens the signalling WebSocket as a client would and returns the first (join) response. */
async function joinResponse(room: string): Promise<SignalResponse> {
  const token = new AccessToken(apiKey, apiSecret, { identity: 'probe', ttl: 60 });
  token.addGrant({ roomJoin: true, room });
  const url = `${server.url}/rtc?access_token=${await token.toJwt()}&protocol=16&sdk=js&auto_subscribe=1`;
  const socket = new WebSocket(url);
  try {
    return await new Promise<SignalResponse>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      socket.on('message', (data: Buffer) => resolve(SignalResponse.fromBinary(new Uint8Array(data))));
    });
  } finally {
    socket.close();
  }
}

describe('local livekit-server on loopback', () => {
  it('binds every TCP listener and UDP socket to 127.0.0.1, with no ICE/TCP listener', () => {
    const sockets = listeningSockets(server.pid);
    expect(sockets.length).toBeGreaterThan(0);
    expect(sockets.filter((s) => s.address !== '127.0.0.1')).toEqual([]);
    expect(sockets).toContainEqual({ protocol: 'tcp', address: '127.0.0.1', port: server.port });
    expect(sockets).toContainEqual({ protocol: 'udp', address: '127.0.0.1', port: server.rtcUdpPort });
    const tcpPorts = sockets.filter((s) => s.protocol === 'tcp').map((s) => s.port);
    expect(new Set(tcpPorts)).toEqual(new Set([server.port]));
  });

  it('offers joining clients only loopback ICE servers', async () => {
    await new RoomServiceClient(server.apiUrl, apiKey, apiSecret).createRoom({ name: 'loopback-check' });
    const response = await joinResponse('loopback-check');
    expect(response.message.case).toBe('join');
    const join = response.message.value as { iceServers: { urls: string[] }[] };
    const urls = join.iceServers.flatMap((s) => s.urls);
    expect(urls.length).toBeGreaterThan(0);
    // The only one is a loopback address with no UDP listener (see livekitConfigYaml).
    expect(urls).toEqual([`stun:127.0.0.1:${server.port}`]);
  });
});
