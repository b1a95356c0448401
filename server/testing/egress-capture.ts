/**
 * The local livekit-server has no egress service (that needs Redis and an
 * egress worker, docs/operations.md#deployment-shape), so tests
 * that follow a recording past its start stand at the SDK's RPC boundary:
 * this HTTP server receives the Twirp calls the real EgressClient makes,
 * keeps each request (path, bearer token, JSON body) for assertions, and
 * answers as LiveKit with an egress worker would (EgressInfo JSON), or with
 * a Twirp error a test asks for.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { EgressInfo, EgressStatus } from 'livekit-server-sdk';
import { createEgressGateway, type EgressGateway } from '@/server/livekit/egress';

export interface CapturedCall {
  method: string;
  authorization: string | null;
  body: Record<string, unknown>;
}

type Answer = { status: number; json: unknown };

export interface EgressCapture {
  calls: CapturedCall[];
  callsTo(method: string): CapturedCall[];
  gateway(apiKey: string, apiSecret: string): EgressGateway;
  /** The next answer to `method` (then back to the default). */
  answerNext(method: string, answer: Answer): void;
  /** What the stand-in "worker" reports for an egress id (ListEgress and StopEgress answer from here). */
  egresses: Map<string, EgressInfo>;
  close(): Promise<void>;
}

const nowNs = () => BigInt(Date.now()) * 1_000_000n;

export async function startEgressCapture(): Promise<EgressCapture> {
  const calls: CapturedCall[] = [];
  const scripted = new Map<string, Answer[]>();
  const egresses = new Map<string, EgressInfo>();
  // Egress ids are unique in the database: unique across captures too, as LiveKit's are.
  const instance = randomUUID().slice(0, 8);
  let next = 0;

  const defaults: Record<string, (body: Record<string, unknown>) => Answer> = {
    ListEgress: (body) => {
      const items = [...egresses.values()].filter(
        (e) =>
          (!body.roomName || e.roomName === body.roomName) &&
          (!body.egressId || e.egressId === body.egressId) &&
          (!body.active || e.status <= EgressStatus.EGRESS_ENDING),
      );
      return { status: 200, json: { items: items.map((e) => e.toJson()) } };
    },
    StartRoomCompositeEgress: (body) => {
      const info = new EgressInfo({
        egressId: `EG_capture${instance}_${++next}`,
        roomName: String(body.roomName),
        status: EgressStatus.EGRESS_STARTING,
        startedAt: nowNs(),
        updatedAt: nowNs(),
      });
      egresses.set(info.egressId, info);
      return { status: 200, json: info.toJson() };
    },
    StopEgress: (body) => {
      const info = egresses.get(String(body.egressId));
      if (!info) return { status: 404, json: { code: 'not_found', msg: 'egress not found' } };
      if (info.status > EgressStatus.EGRESS_ENDING) return { status: 412, json: { code: 'failed_precondition', msg: 'egress already ended' } };
      info.status = EgressStatus.EGRESS_ENDING;
      info.updatedAt = nowNs();
      return { status: 200, json: info.toJson() };
    },
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? '').replace(/^\/twirp\/livekit\.Egress\//, '');
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    calls.push({ method, authorization: req.headers.authorization ?? null, body });
    const answer = scripted.get(method)?.shift() ?? defaults[method]?.(body) ?? { status: 404, json: { code: 'bad_route', msg: `no ${method}` } };
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    gateway: (apiKey, apiSecret) => createEgressGateway({ wsUrl: `ws://127.0.0.1:${port}`, apiUrl: `http://127.0.0.1:${port}`, apiKey, apiSecret }, { requestTimeoutSeconds: 5 }),
    answerNext: (method, answer) => scripted.set(method, [...(scripted.get(method) ?? []), answer]),
    egresses,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
