import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '@/server/db';
import { integrationConfig } from '@/server/testing/integration';
import { listenRoomSignals, notify, notifyCommitted, type RoomSignal } from './notify';

// One connection for the sender, so "does the setting leak into the next statement" is asked of the same session.
const sender = createDb(integrationConfig().databaseUrl, { max: 1 });
const receiver = createDb(integrationConfig().databaseUrl, { max: 2 });

afterAll(async () => {
  await sender.close();
  await receiver.close();
});

async function collect(run: () => Promise<void>, count: number): Promise<RoomSignal[]> {
  const seen: RoomSignal[] = [];
  let done!: () => void;
  const all = new Promise<void>((resolve) => (done = resolve));
  const listener = await listenRoomSignals(receiver.db, (s) => {
    seen.push(s);
    if (seen.length === count) done();
  });
  try {
    await run();
    await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`only ${seen.length} of ${count} signals`)), 5_000))]);
  } finally {
    await listener.stop();
  }
  return seen;
}

describe('room signals', () => {
  it('notifyCommitted delivers every signal, in order, and leaves the connection’s durability setting alone', async () => {
    const signals: RoomSignal[] = [
      { sessionId: 9_000_001, kind: 'attendance', id: 'EV_a' },
      { sessionId: 9_000_001, kind: 'recording', id: 'EG_b:complete' },
    ];
    // The test server runs with synchronous_commit off; make this session durable as production is.
    await sender.db.execute(sql`SET synchronous_commit = on`);
    expect(await collect(() => notifyCommitted(sender.db, signals), 2)).toEqual(signals);
    const [row] = await sender.db.execute<{ synchronous_commit: string }>(sql`SHOW synchronous_commit`);
    expect(row!.synchronous_commit).toBe('on');
  });

  it('a signal sent inside a transaction that rolls back never arrives', async () => {
    const sent: RoomSignal = { sessionId: 9_000_002, kind: 'state', id: 'kept' };
    const seen = await collect(async () => {
      await sender.db
        .transaction(async (tx) => {
          await notify(tx, { sessionId: 9_000_002, kind: 'state', id: 'rolled-back' });
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await notify(sender.db, sent);
    }, 1);
    expect(seen).toEqual([sent]);
  });
});
