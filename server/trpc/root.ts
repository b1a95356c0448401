/** The app router: one router per key, each in server/trpc/routers/<key>.ts. */
import 'server-only';
import { academiesRouter } from './routers/academies';
import { accountRouter } from './routers/account';
import { attendanceRouter } from './routers/attendance';
import { groupsRouter } from './routers/groups';
import { meetingRouter } from './routers/meeting';
import { mushafRouter } from './routers/mushaf';
import { pollRouter } from './routers/poll';
import { notificationsRouter } from './routers/notifications';
import { peopleRouter } from './routers/people';
import { profileRouter } from './routers/profile';
import { recitationRouter } from './routers/recitation';
import { recordingRouter } from './routers/recording';
import { roomRouter } from './routers/room';
import { schedulingRouter } from './routers/scheduling';
import { sessionRouter } from './routers/session';
import { sweepsRouter } from './routers/sweeps';
import { whiteboardRouter } from './routers/whiteboard';
import { createCallerFactory, router } from './procedures';

export const appRouter = router({
  academies: academiesRouter,
  account: accountRouter,
  attendance: attendanceRouter,
  groups: groupsRouter,
  meeting: meetingRouter,
  mushaf: mushafRouter,
  poll: pollRouter,
  notifications: notificationsRouter,
  people: peopleRouter,
  profile: profileRouter,
  recitation: recitationRouter,
  recording: recordingRouter,
  room: roomRouter,
  scheduling: schedulingRouter,
  session: sessionRouter,
  sweeps: sweepsRouter,
  whiteboard: whiteboardRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
