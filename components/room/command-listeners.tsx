'use client';

import { useDataChannel } from '@livekit/components-react';
import { decodeEnvelope, topicOf, TOPICS, type CommandEnvelope, type Topic } from '@/shared/classroom/envelope';

function TopicListener({ topic, onCommand }: { topic: Topic; onCommand: (c: CommandEnvelope) => void }) {
  useDataChannel(topic, (msg) => {
    // Only the server speaks for the teacher: a participant's packet on a control topic is ignored.
    if (msg.from) return;
    const command = decodeEnvelope(msg.payload);
    if (command && topicOf(command.type) === topic) onCommand(command);
  });
  return null;
}

/** Receives commands on LiveKit's reliable data channel, one listener per spec topic. */
export function CommandListeners({ onCommand }: { onCommand: (c: CommandEnvelope) => void }) {
  return (
    <>
      {TOPICS.map((topic) => (
        <TopicListener key={topic} topic={topic} onCommand={onCommand} />
      ))}
    </>
  );
}
