/**
 * A LiveKit cluster on one machine: two livekit-server nodes sharing one
 * Redis (scripts/infra/redis.ts), two app "instances" (each its own database
 * pool, LiveKit gateway and webhook handler, on the one PostgreSQL) behind a
 * round-robin load balancer that both nodes post their webhooks to.
 * The teacher comes through instance A and the room's node, two students
 * through instance B and the other node; they see and hear each other;
 * commands issued on A reach a room-event stream held on B; attendance is
 * right; the create and cleanup sweeps run on both instances at once without
 * a duplicate room or a double end; Redis restarted mid-class does not stop it.
 * (docs/operations.md#production-topology)
 */
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Room } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import { attendanceRecords, meetingCommands, meetings, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { cleanupExpiredMeetings, createScheduledMeetings } from '@/server/modules/sweeps';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, eventually, integrationConfig, testDeps, unreachableLivekit } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';
import { startWebhookSink } from '@/server/testing/webhook-sink';
import { findOrBuildLivekitServer, startLivekitServer, type RunningLivekit } from './livekit';
import { freePort } from './ports';
import { startRedis, type RunningRedis } from './redis';

const MIN = 60_000;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-cluster-'));
const apiKey = 'halaqa-cluster';
const apiSecret = 'halaqa-cluster-secret-0123456789abcdef';
const stops: (() => Promise<unknown>)[] = [];
const joined: TestParticipant[] = [];

let redis: RunningRedis;
let livekitBinary: string;
let webhookUrl: string;
const nodes: { server: RunningLivekit; id: string }[] = [];
interface Instance {
  name: 'A' | 'B';
  deps: Deps;
  handle: DbHandle;
  /** Kills it: its webhook route stops answering, its database connections go. */
  kill(): Promise<void>;
}
const instances: Instance[] = [];
let sinkPorts: number[] = [];
/** Every webhook the load balancer passed on: to which instance, with what answer. */
const deliveries: { instance: 'A' | 'B'; status: number }[] = [];

/** The node id a livekit-server logs as it starts ("nodeID": "ND_…"). */
async function nodeIdOf(logFile: string): Promise<string> {
  return eventually(async () => /"nodeID": "(ND_\w+)"/.exec(readFileSync(logFile, 'utf8'))?.[1], `the node id in ${logFile}`);
}

/** A load balancer in front of the instances' webhook routes: each request goes to the next one. */
async function startLoadBalancer(targets: { name: 'A' | 'B'; url: string }[]): Promise<string> {
  let next = 0;
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = targets[next++ % targets.length]!;
    try {
      const answer = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? 'application/webhook+json', authorization: req.headers.authorization ?? '' },
        body: Buffer.concat(chunks),
      });
      deliveries.push({ instance: target.name, status: answer.status });
      res.writeHead(answer.status).end(await answer.text());
    } catch {
      // The instance is down: LiveKit retries a 5xx, and the retry goes to the next instance.
      deliveries.push({ instance: target.name, status: 502 });
      res.writeHead(502).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  stops.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${port}/api/livekit/webhook`;
}

beforeAll(async () => {
  const binary = await findOrBuildLivekitServer(() => {});
  if ('error' in binary) throw new Error(binary.error);
  redis = await startRedis({ dataDir: path.join(workDir, 'redis') });
  stops.push(() => redis.stop());

  sinkPorts = [await freePort(), await freePort()];
  livekitBinary = binary.path;
  const lbUrl = await startLoadBalancer([
    { name: 'A', url: `http://127.0.0.1:${sinkPorts[0]}/api/livekit/webhook` },
    { name: 'B', url: `http://127.0.0.1:${sinkPorts[1]}/api/livekit/webhook` },
  ]);
  webhookUrl = lbUrl;
  for (const n of [1, 2]) nodes.push(await startNode(`node${n}`));
  // Instance A talks to node 1's API, B to node 2's: either reaches every room of the cluster.
  for (const i of [0, 1]) instances[i] = await startInstance(i, nodes[i]!.server);
}, 180_000);

/** A livekit-server of the cluster (ports given: a node restarted in the place of a dead one). */
async function startNode(name: string, ports: { port?: number; rtcUdpPort?: number } = {}) {
  const logFile = path.join(workDir, name, 'server.log');
  const server = await startLivekitServer({
    binary: livekitBinary,
    apiKey,
    apiSecret,
    webhookUrls: [webhookUrl],
    iceAddresses: 'this-host', // @livekit/rtc-node participants (scripts/infra/livekit.ts)
    redisAddress: redis.address,
    workDir: path.join(workDir, name),
    logFile,
    ...ports,
  });
  stops.push(() => server.stop());
  return { server, id: await nodeIdOf(logFile) };
}

/** App instance A (0) or B (1): its own pool, its webhook route on its port, its LiveKit API node. */
async function startInstance(i: number, node: RunningLivekit): Promise<Instance> {
  const handle = createDb(integrationConfig().databaseUrl, { max: 6 });
  const livekit = createLivekitGateway({ wsUrl: node.url, apiUrl: node.apiUrl, apiKey, apiSecret });
  const deps = testDeps({ db: handle.db, livekit, livekitWebhook: { apiKey, apiSecret } });
  const sink = await startWebhookSink(sinkPorts[i]!, deps);
  let killed = false;
  const kill = async () => {
    if (killed) return;
    killed = true;
    await sink.close();
    await handle.close();
  };
  stops.push(kill);
  return { name: i === 0 ? 'A' : 'B', deps, handle, kill };
}

afterAll(async () => {
  for (const p of joined) await p.disconnect().catch(() => {});
  for (const stop of stops.reverse()) await stop().catch(() => {});
  rmSync(workDir, { recursive: true, force: true });
}, 60_000);

const A = () => instances[0]!;
const B = () => instances[1]!;
const as = (instance: { deps: Deps }, actor: Actor) => callerFor(instance.deps, actor);

async function join(instance: { deps: Deps }, actor: Actor, sessionId: number, wsUrl: string) {
  const token = await as(instance, actor).meeting.token({ sessionId });
  const participant = await joinAsParticipant(wsUrl, token.token);
  joined.push(participant);
  return { ...participant, identity: token.identity };
}

/** Resolves once `room` subscribed to an audio track of `identity` (media flows between them). */
async function hears(room: Room, identity: string): Promise<void> {
  await eventually(async () => {
    const remote = [...room.remoteParticipants.values()].find((p) => p.identity === identity);
    const publication = remote && [...remote.trackPublications.values()][0];
    if (!publication) return false;
    if (!publication.subscribed) publication.setSubscribed(true);
    return publication.track !== undefined;
  }, `an audio track of ${identity}`, 20_000);
}

const sees = (room: Room, identities: string[]) =>
  eventually(async () => identities.every((id) => [...room.remoteParticipants.values()].some((p) => p.identity === id)), `participants ${identities.join(', ')}`, 20_000);

describe('a class on a two-node LiveKit cluster behind two app instances', () => {
  let academyId: number;
  let teacher: Actor;
  let students: Actor[];
  let sessionId: number;
  let roomName: string;
  let hostNode: RunningLivekit;
  let otherNode: RunningLivekit;
  const people: Record<string, TestParticipant & { identity: string }> = {};

  beforeAll(async () => {
    const db = A().handle.db;
    const academy = await createAcademy(db);
    academyId = academy.id;
    teacher = actorOf(await createUser(db, { academyId, role: 'teacher', name: 'المعلم' }));
    students = [actorOf(await createUser(db, { academyId, role: 'student', name: 'Yusuf' })), actorOf(await createUser(db, { academyId, role: 'student', name: 'مريم' }))];
    const circle = await createCircle(db, { academyId, teacherId: teacher.id, studentIds: students.map((s) => s.id) });
    sessionId = (await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(), durationMinutes: 60 })).id;
  });

  it('places the room on one node (read from Redis) and both nodes know it', async () => {
    roomName = (await as(A(), teacher).meeting.create({ sessionId })).roomName;
    const nodeId = await eventually(() => redis.command('HGET', 'room_node_map', roomName).then((v) => v ?? undefined), 'the room in room_node_map');
    const host = nodes.find((n) => n.id === nodeId);
    expect(host, `room on ${nodeId}, nodes ${nodes.map((n) => n.id).join(', ')}`).toBeDefined();
    hostNode = host!.server;
    otherNode = nodes.find((n) => n !== host)!.server;
    for (const instance of instances) expect((await instance.deps.livekit!.getRoom(roomName))?.name).toBe(roomName);
  });

  it('the teacher through A and the room’s node, two students through B and the other node, see and hear each other', async () => {
    people.teacher = await join(A(), teacher, sessionId, hostNode.url);
    people.s1 = await join(B(), students[0]!, sessionId, otherNode.url);
    people.s2 = await join(B(), students[1]!, sessionId, otherNode.url);
    await people.teacher.publishMicrophone();
    await people.s1.publishMicrophone();
    await sees(people.teacher.room, [people.s1.identity, people.s2.identity]);
    await sees(people.s1.room, [people.teacher.identity, people.s2.identity]);
    await hears(people.s1.room, people.teacher.identity);
    await hears(people.s2.room, people.teacher.identity);
    await hears(people.teacher.room, people.s1.identity);
  });

  it('webhooks from the cluster reach both instances, and attendance shows all three in the room', async () => {
    const inRoom = await eventually(async () => {
      const rows = await A().handle.db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, sessionId), eq(attendanceRecords.inRoom, true)));
      return rows.length === 3 ? rows : undefined;
    }, 'three attendance records in the room');
    expect(inRoom.map((r) => r.userId).sort()).toEqual([teacher.id, ...students.map((s) => s.id)].sort());
    expect(new Set(deliveries.map((d) => d.instance))).toEqual(new Set(['A', 'B']));
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
  });

  it('a command issued on A reaches a student’s room-event stream held on B, and the LiveKit data channel', async () => {
    const events = (await as(B(), students[0]!).room.events({ sessionId })) as AsyncIterable<unknown>;
    const iterator = events[Symbol.asyncIterator]();
    // The first event is the state snapshot: the stream is listening from then on.
    await iterator.next();
    await as(A(), teacher).room.setAnnouncement({ sessionId, text: 'اقرؤوا سورة الملك' });
    const next = (await Promise.race([iterator.next(), new Promise((_, reject) => setTimeout(() => reject(new Error('no event within 10 s')), 10_000))])) as IteratorResult<unknown>;
    expect(JSON.stringify(next.value)).toContain('announcement_set');
    await iterator.return?.();
    await eventually(async () => people.s2!.data.some((d) => d.text.includes('announcement_set')), 'the announcement on the data channel of a student on the other node');
  });

  it('Redis restarted mid-class: the class goes on, and a student can join again afterwards', async () => {
    redis = await redis.restart();
    // The room is still placed (the map survived: append-only file) and media still flows.
    expect(await redis.command('HGET', 'room_node_map', roomName)).toBe(nodes.find((n) => n.server === hostNode)!.id);
    await hears(people.s1!.room, people.teacher!.identity);
    // The nodes report to Redis again within seconds; a new connection through the other node then works.
    await people.s2!.disconnect();
    people.s2 = await eventually(
      () => join(B(), students[1]!, sessionId, otherNode.url).catch(() => undefined),
      'a join through the other node after the restart',
      30_000,
    );
    await sees(people.s2.room, [people.teacher!.identity]);
  });

  it('app instance A killed mid-class: its stream resumes on B, commands keep flowing, webhooks reach B, nothing is lost', async () => {
    // Student 1's room page holds its event stream on A.
    const onA = (await as(A(), students[0]!).room.events({ sessionId }))[Symbol.asyncIterator]();
    await onA.next(); // the state snapshot
    await as(A(), teacher).room.setAnnouncement({ sessionId, text: 'before the crash' });
    // tRPC's tracked events are [id, data]: the id is what EventSource sends back as the last event id.
    let lastEventId = '';
    for (let i = 0; i < 5; i++) {
      const seen = (await onA.next()).value as unknown as unknown[];
      lastEventId = String(seen[0]);
      if (JSON.stringify(seen).includes('before the crash')) break;
    }
    expect(lastEventId).toMatch(/^[0-9a-f-]{36}$/);
    const commandsBefore = await B().handle.db.$count(meetingCommands, eq(meetingCommands.sessionId, sessionId));

    await A().kill();
    void onA.return?.(undefined).catch(() => {});
    try {
      await afterTheCrash(lastEventId, commandsBefore);
    } finally {
      instances[0] = await startInstance(0, nodes[0]!.server);
    }
  });

  /** With A dead: B carries the class. */
  async function afterTheCrash(lastEventId: string, commandsBefore: number) {
    // The teacher's next request lands on B; the student's page reconnects its stream to B from its last event id.
    await as(B(), teacher).room.setAnnouncement({ sessionId, text: 'after the crash' });
    const onB = (await as(B(), students[0]!).room.events({ sessionId, lastEventId }))[Symbol.asyncIterator]();
    const replayed: string[] = [];
    for (let i = 0; i < 3 && !replayed.join().includes('after the crash'); i++) replayed.push(JSON.stringify((await onB.next()).value));
    expect(replayed.join()).toContain('after the crash');
    expect(replayed.join()).not.toContain('before the crash');
    await onB.return?.(undefined);
    expect(await B().handle.db.$count(meetingCommands, eq(meetingCommands.sessionId, sessionId))).toBe(commandsBefore + 1);

    // A webhook the balancer sends to the dead instance fails; LiveKit's retry reaches B.
    const failedBefore = deliveries.filter((d) => d.status >= 500).length;
    await people.s1!.disconnect();
    people.s1 = await join(B(), students[0]!, sessionId, otherNode.url);
    await eventually(async () => {
      const [r] = await B().handle.db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, sessionId), eq(attendanceRecords.userId, students[0]!.id)));
      return r && r.inRoom && r.joinCount === 2;
    }, 'student 1 back in the room, stored through B', 30_000);
    expect(deliveries.filter((d) => d.status >= 500).length).toBeGreaterThan(failedBefore);
  }

  it('a LiveKit node killed: the students connected through it rejoin through the other node, attendance keeps them', async () => {
    const dead = nodes.find((n) => n.server === otherNode)!;
    const apiOnHost = instances.find((i) => i.deps.livekit!.wsUrl === hostNode.url)!;
    process.kill(dead.server.pid, 'SIGKILL');
    try {
      await rejoinAfterNodeDied(apiOnHost);
    } finally {
      // A replacement node in its place, and the instance that used the dead node's API pointed at it.
      const index = nodes.indexOf(dead);
      nodes[index] = await startNode(`node${index + 1}-replacement`, { port: dead.server.port, rtcUdpPort: dead.server.rtcUdpPort });
      otherNode = nodes[index]!.server;
      for (const i of [0, 1]) {
        if (instances[i]!.deps.livekit!.wsUrl !== dead.server.url) continue;
        await instances[i]!.kill();
        instances[i] = await startInstance(i, nodes[index]!.server);
      }
    }
  }, 120_000);

  async function rejoinAfterNodeDied(apiOnHost: Instance) {
    // The room page gives up on the dead node and rejoins with a fresh token through the live one.
    for (const key of ['s1', 's2'] as const) {
      void people[key]!.disconnect().catch(() => {});
      const student = key === 's1' ? students[0]! : students[1]!;
      people[key] = await eventually(() => join(apiOnHost, student, sessionId, hostNode.url).catch(() => undefined), `${key} rejoining through the room's node`, 30_000);
    }
    await sees(people.teacher!.room, [people.s1!.identity, people.s2!.identity]);
    await hears(people.s1!.room, people.teacher!.identity);
    const rows = await eventually(async () => {
      const r = await apiOnHost.handle.db.select().from(attendanceRecords).where(eq(attendanceRecords.sessionId, sessionId));
      return r.length === 3 && r.every((x) => x.inRoom) ? r : undefined;
    }, 'all three in the room after the node died', 60_000);
    const joins = Object.fromEntries(rows.map((r) => [r.userId, r.joinCount]));
    expect(joins[students[0]!.id]).toBe(3);
    expect(joins[students[1]!.id]).toBe(3);
  }

  it('everyone leaves: attendance counts every connection of each, nobody is lost', async () => {
    for (const p of [people.s1!, people.s2!, people.teacher!]) await p.disconnect();
    const rows = await eventually(async () => {
      const r = await A().handle.db.select().from(attendanceRecords).where(eq(attendanceRecords.sessionId, sessionId));
      return r.length === 3 && r.every((x) => !x.inRoom) ? r : undefined;
    }, 'every attendance record out of the room', 60_000);
    const byUser = Object.fromEntries(rows.map((r) => [r.userId, r]));
    expect(byUser[teacher.id]!.joinCount).toBe(1);
    expect(byUser[students[0]!.id]!.joinCount).toBe(3);
    expect(byUser[students[1]!.id]!.joinCount).toBe(3);
    for (const r of rows) expect(r.leaveCount).toBe(r.joinCount);
  });
});

describe('sweeps on both instances at once', () => {
  let academyId: number;
  let sessionIds: number[];

  beforeAll(async () => {
    const db = A().handle.db;
    const academy = await createAcademy(db);
    academyId = academy.id;
    const teacher = await createUser(db, { academyId, role: 'teacher' });
    const student = await createUser(db, { academyId, role: 'student' });
    const circle = await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] });
    sessionIds = [];
    // After the node killed above, rooms can be placed on it until its stats in Redis go stale
    // (a few seconds: "no response from servers"); these tests are about two sweeps at once, so wait.
    for (const [n, instance] of instances.entries()) {
      await eventually(async () => {
        const probe = `cluster-probe-${n}-${Date.now()}`;
        const ok = await instance.deps.livekit!.createRoom({ name: probe, emptyTimeoutSeconds: 10, maxParticipants: 1, metadata: '' }).then(() => true, () => false);
        if (ok) await instance.deps.livekit!.deleteRoom(probe);
        return ok;
      }, 'rooms created through every instance', 60_000);
    }
    for (let i = 0; i < 6; i++) sessionIds.push((await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(Date.now() + 10 * MIN) })).id);
  }, 90_000);

  it('LiveKit unreachable: each session is reported failed; the next sweep creates them', async () => {
    const down = { ...A().deps, livekit: unreachableLivekit() };
    const report = await createScheduledMeetings(down, { academy: academyId });
    const items = report.academies.flatMap((a) => a.sessions);
    expect(items.map((s) => s.sessionId).sort()).toEqual([...sessionIds].sort());
    expect(items.every((s) => s.outcome === 'failed' && s.error)).toBe(true);
    expect(report.ok).toBe(false);
    expect(await A().handle.db.$count(meetings, inArray(meetings.sessionId, sessionIds))).toBe(0);
  });

  it('create-scheduled on A and B together: one room per session, never created twice', async () => {
    const reports = await Promise.all([createScheduledMeetings(A().deps, { academy: academyId }), createScheduledMeetings(B().deps, { academy: academyId })]);
    const created = reports.flatMap((r) => r.academies.flatMap((a) => a.sessions)).filter((s) => s.outcome === 'created');
    // Never twice; a row one run held while the other passed it by (or a creation the recovering cluster
    // refused, reported failed) is the next sweep's, as in production where the sweep runs every minute.
    const ids = created.map((s) => s.sessionId);
    expect(new Set(ids).size).toBe(ids.length);
    if (ids.length < sessionIds.length) {
      const again = await createScheduledMeetings(A().deps, { academy: academyId });
      ids.push(...again.academies.flatMap((a) => a.sessions).filter((s) => s.outcome === 'created').map((s) => s.sessionId));
    }
    expect(ids.sort()).toEqual([...sessionIds].sort());
    const rows = await A().handle.db.select({ roomName: meetings.roomName }).from(meetings).where(inArray(meetings.sessionId, sessionIds));
    expect(rows).toHaveLength(sessionIds.length);
    for (const { roomName } of rows) expect((await A().deps.livekit!.getRoom(roomName))?.name).toBe(roomName);
  });

  it('cleanup-expired on A and B together: every meeting ended, never twice, every room gone', async () => {
    // The sessions are over: they were scheduled two hours ago.
    await A().handle.db.update(sessions).set({ scheduledAt: new Date(Date.now() - 120 * MIN) }).where(inArray(sessions.id, sessionIds));
    const reports = await Promise.all([cleanupExpiredMeetings(A().deps, { academy: academyId }), cleanupExpiredMeetings(B().deps, { academy: academyId })]);
    const ended = reports.flatMap((r) => r.academies.flatMap((a) => a.sessions)).filter((s) => s.outcome === 'ended').map((s) => s.sessionId);
    expect(new Set(ended).size).toBe(ended.length);
    if (ended.length < sessionIds.length) {
      const again = await cleanupExpiredMeetings(A().deps, { academy: academyId });
      ended.push(...again.academies.flatMap((a) => a.sessions).filter((s) => s.outcome === 'ended').map((s) => s.sessionId));
    }
    expect(ended.sort()).toEqual([...sessionIds].sort());
    expect(await A().handle.db.$count(meetings, and(inArray(meetings.sessionId, sessionIds), isNull(meetings.endedAt)))).toBe(0);
    const rows = await A().handle.db.select({ roomName: meetings.roomName }).from(meetings).where(inArray(meetings.sessionId, sessionIds));
    for (const { roomName } of rows) await eventually(async () => (await B().deps.livekit!.getRoom(roomName)) === null, `room ${roomName} deleted`);
  });
});
