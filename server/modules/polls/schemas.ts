import 'server-only';
import { z } from 'zod';
import { idInput, sessionIdInput } from '@/server/lib/schemas';
import { MAX_OPTIONS, MIN_OPTIONS } from '@/shared/polls/tally';

const option = z.string().trim().min(1).max(120);

export const askPollInput = sessionIdInput
  .extend({ question: z.string().trim().min(1).max(300), options: z.array(option).min(MIN_OPTIONS).max(MAX_OPTIONS) })
  .strict()
  .refine((v) => new Set(v.options).size === v.options.length, { message: 'answers must differ', path: ['options'] });
export type AskPollInput = z.infer<typeof askPollInput>;

export const pollIdInput = sessionIdInput.extend({ pollId: idInput }).strict();
export type PollIdInput = z.infer<typeof pollIdInput>;

export const answerPollInput = pollIdInput.extend({ choice: z.number().int().min(0).max(MAX_OPTIONS - 1) }).strict();
export type AnswerPollInput = z.infer<typeof answerPollInput>;
