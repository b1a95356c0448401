import { academiesRouter } from '@/server/modules/academies/router';
import { attendanceRouter } from '@/server/modules/attendance/router';
import { meetingsRouter } from '@/server/modules/meetings/router';
import { profileRouter } from '@/server/modules/profile/router';
import { recordingsRouter } from '@/server/modules/recordings/router';
import { schedulingRouter } from '@/server/modules/scheduling/router';
import { sessionsRouter } from '@/server/modules/sessions/router';
import { sweepsRouter } from '@/server/modules/sweeps/router';
import { roomRouter } from '@/server/modules/controls/router';
import { createCallerFactory, router } from './init';

export const appRouter = router({
  academies: academiesRouter,
  attendance: attendanceRouter,
  meeting: meetingsRouter,
  profile: profileRouter,
  recording: recordingsRouter,
  room: roomRouter,
  scheduling: schedulingRouter,
  session: sessionsRouter,
  sweeps: sweepsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
