import { meetingsRouter } from '@/server/modules/meetings/router';
import { sessionsRouter } from '@/server/modules/sessions/router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  meeting: meetingsRouter,
  session: sessionsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
