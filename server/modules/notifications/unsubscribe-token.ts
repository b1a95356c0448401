/**
 * The unsubscribe-from-this-kind link's token: the user and the topic, signed
 * (HMAC-SHA256 with AUTH_SECRET) for this one purpose, so it works without
 * signing in and can do nothing else. Pure.
 */
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { TOPICS, type Topic } from './kinds';

const signature = (secret: string, userId: number, topic: Topic) =>
  createHmac('sha256', secret).update(`halaqa-unsubscribe:${userId}:${topic}`).digest('base64url').slice(0, 32);

export function unsubscribeToken(secret: string, userId: number, topic: Topic): string {
  return `${userId}.${topic}.${signature(secret, userId, topic)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { userId: number; topic: Topic } | null {
  const match = /^(\d{1,10})\.([a-z-]{1,20})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const userId = Number(match[1]);
  const topic = TOPICS.find((t) => t === match[2]);
  if (!topic || !Number.isSafeInteger(userId) || userId < 1) return null;
  const expected = Buffer.from(signature(secret, userId, topic));
  const given = Buffer.from(match[3]!);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, topic } : null;
}
