'use client';

import { useQuery } from '@tanstack/react-query';
import { Download, Video } from 'lucide-react';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import type { UserRole } from '@/server/db/schema/enums';
import { KindLabel, QueryState, SessionStatusBadge } from '../badges';
import { isManager } from '../home-path';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Fact, Facts } from '@/components/ui/figures';
import { Notice } from '@/components/ui/notice';
import { OverrideForm } from './override-form';
import { ReconcileButton } from './reconcile-button';
import { RecordingsPanel } from './recordings-panel';
import { SessionRecitations } from '@/components/recitations/session-recitations';
import { SessionPolls } from '@/components/polls/session-polls';
import { SessionWhiteboard } from '@/components/whiteboard/session-whiteboard';
import { RecordsTable, type RecordRow } from './records-table';
import { SessionFigures } from './session-figures';
import { plannedEndMs } from '@/shared/classroom/class-clock';

/**
 * A session's page: what it is, its attendance (everyone's for staff; a
 * student's own, a parent's children's otherwise), and for managers the
 * override and reconciliation; then its recordings (RecordingsPanel). The
 * server decides who may see what; a refusal shows as "not allowed",
 * another academy's session as "not found".
 */
export function SessionDetail({ sessionId, role }: { sessionId: number; role: UserRole }) {
  const { t, formatDateTime, formatTime, timezone } = useText();
  const trpc = useTRPC();
  const detail = useQuery({
    ...trpc.session.detail.queryOptions({ sessionId }),
    refetchInterval: (query) => (query.state.data?.meeting && !query.state.data.meeting.endedAt ? 5_000 : false),
  });
  const canManage = detail.data?.viewer.canManage === true;
  const live = Boolean(detail.data?.meeting && !detail.data.meeting.endedAt);
  const records = useQuery({ ...trpc.attendance.listRecords.queryOptions({ sessionId }), enabled: canManage, refetchInterval: live ? 5_000 : false });

  const code = detail.error?.data?.code;
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') {
    return (
      <>
        <h1>{t('session')}</h1>
        <Notice role="alert" data-testid={code === 'FORBIDDEN' ? 'session-not-allowed' : 'session-not-found'}>
          {/* Not found and not yours read the same, here and in the room: the answer must not tell them apart. */}
          {t('words.sessionUnavailable')}
        </Notice>
        <Link href="/" className="inline-flex min-h-11 items-center">{t('backHome')}</Link>
      </>
    );
  }
  if (!detail.data) return <QueryState loading={detail.isLoading} error={detail.error} />;

  const { session, meeting } = detail.data;
  const rows: RecordRow[] = canManage
    ? (records.data ?? []).map((r) => ({ ...r, overrideReason: r.override?.reason ?? null, overriddenByName: r.override?.byName ?? null }))
    : detail.data.attendance.map((r) => ({ ...r, overriddenByName: null }));
  const teacherName = rows.find((r) => r.userType === 'teacher')?.name;
  const finished = ['completed', 'absent', 'cancelled'].includes(session.status);
  return (
    <>
      <h1>{session.title}</h1>
      <Card aria-labelledby="session-facts">
        <h2 id="session-facts" className="sr-only">
          {t('details')}
        </h2>
        <Facts>
          <Fact label={t('statusLabel')}><SessionStatusBadge status={session.status} /></Fact>
          <Fact label={t('kindLabel')}><KindLabel kind={session.kind} /></Fact>
          <Fact label={t('when')}>
            <time dateTime={new Date(session.scheduledAt).toISOString()} data-testid="session-when">
              {formatDateTime(session.scheduledAt)}
            </time>
          </Fact>
          <Fact label={t('durationMinutes')}>{session.durationMinutes}</Fact>
          {detail.data.extensions.length > 0 && (
            <Fact label={t('classroom.extensions')}>
              <ul className="m-0 list-none p-0" data-testid="session-extensions">
                {detail.data.extensions.map((x, i) => (
                  <li key={i}>{t('classroom.extensionLine', { minutes: x.minutes, name: x.byName ?? '—', time: formatTime(x.at) })}</li>
                ))}
                <li className="text-muted">
                  {t('classroom.plannedEnd', { time: formatTime(new Date(plannedEndMs({ ...session, scheduledAt: new Date(session.scheduledAt) }))) })}
                </li>
              </ul>
            </Fact>
          )}
          {teacherName && (
            <Fact label={t('teacher')}>{teacherName}</Fact>
          )}
          <Fact label={t('meetingLabel')}>{meeting ? (meeting.endedAt ? `${t('ended')} · ${formatDateTime(meeting.endedAt)}` : t('meeting.open')) : t('meeting.none')}</Fact>
          <Fact label={t('timezone')}>
            <span dir="ltr">{timezone}</span>
          </Fact>
        </Facts>
        <div className="flex flex-wrap items-center gap-2">
          {!finished && (
            <Button asChild>
              <a href={`/room/${session.id}`}>
                <Video aria-hidden />
                {t('openRoom')}
              </a>
            </Button>
          )}
          {canManage && (
            <Button asChild variant="secondary">
              <a href={`/api/attendance/export?sessionId=${session.id}`} download data-testid="session-export">
                <Download aria-hidden />
                {t('exportCsv')}
              </a>
            </Button>
          )}
          {canManage && meeting && <ReconcileButton sessionId={session.id} />}
        </div>
      </Card>
      <RecordingsPanel sessionId={session.id} roomOpen={live} />
      <SessionRecitations sessionId={session.id} hideWhenEmpty={session.kind !== 'quran'} />
      <SessionPolls sessionId={session.id} />
      <SessionWhiteboard sessionId={session.id} />
      {canManage && <SessionFigures sessionId={session.id} live={live} />}
      <Card aria-labelledby="records-heading">
        <h2 id="records-heading">{canManage ? t('attendanceLabel') : role === 'parent' ? t('childrensAttendance') : t('myAttendance')}</h2>
        {canManage && <QueryState loading={records.isLoading} error={records.error} />}
        {canManage && !records.data ? null : rows.length === 0 ? <p className="text-muted">{t('noRecord')}</p> : <RecordsTable rows={rows} />}
      </Card>
      {canManage && isManager(role) && rows.length > 0 && <OverrideForm sessionId={session.id} rows={rows} />}
    </>
  );
}
