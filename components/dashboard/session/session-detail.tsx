'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import type { UserRole } from '@/server/db/schema/enums';
import { KindLabel, QueryState, SessionStatusBadge } from '../badges';
import { isManager } from '../home-path';
import { useText } from '../use-text';
import { OverrideForm } from './override-form';
import { ReconcileButton } from './reconcile-button';
import { RecordingsPanel } from './recordings-panel';
import { RecordsTable, type RecordRow } from './records-table';
import { SessionFigures } from './session-figures';

/**
 * A session's page: what it is, its attendance (everyone's for staff; a
 * student's own, a parent's children's otherwise), and for managers the
 * override and reconciliation; then its recordings (RecordingsPanel). The
 * server decides who may see what; a refusal shows as "not allowed",
 * another academy's session as "not found".
 */
export function SessionDetail({ sessionId, role }: { sessionId: number; role: UserRole }) {
  const { t, formatDateTime } = useText();
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
        <p role="alert" className="notice" data-testid={code === 'FORBIDDEN' ? 'session-not-allowed' : 'session-not-found'}>
          {code === 'FORBIDDEN' ? t('sessionNotAllowed') : t('sessionNotFound')}
        </p>
        <Link href="/">{t('backHome')}</Link>
      </>
    );
  }
  if (!detail.data) return <QueryState loading={detail.isLoading} error={detail.error} />;

  const { session, meeting, academy } = detail.data;
  const rows: RecordRow[] = canManage
    ? (records.data ?? []).map((r) => ({ ...r, overrideReason: r.override?.reason ?? null, overriddenByName: r.override?.byName ?? null }))
    : detail.data.attendance.map((r) => ({ ...r, overriddenByName: null }));
  const teacherName = rows.find((r) => r.userType === 'teacher')?.name;
  const finished = ['completed', 'absent', 'cancelled'].includes(session.status);
  return (
    <>
      <h1>{session.title}</h1>
      <section className="card" aria-labelledby="session-facts">
        <h2 id="session-facts" className="sr-only">
          {t('details')}
        </h2>
        <dl className="facts">
          <div>
            <dt>{t('status')}</dt>
            <dd>
              <SessionStatusBadge status={session.status} />
            </dd>
          </div>
          <div>
            <dt>{t('kind')}</dt>
            <dd>
              <KindLabel kind={session.kind} />
            </dd>
          </div>
          <div>
            <dt>{t('when')}</dt>
            <dd>{formatDateTime(session.scheduledAt)}</dd>
          </div>
          <div>
            <dt>{t('durationMinutes')}</dt>
            <dd>{session.durationMinutes}</dd>
          </div>
          {teacherName && (
            <div>
              <dt>{t('teacher')}</dt>
              <dd>{teacherName}</dd>
            </div>
          )}
          <div>
            <dt>{t('meetingLabel')}</dt>
            <dd>{meeting ? (meeting.endedAt ? `${t('ended')} · ${formatDateTime(meeting.endedAt)}` : t('meeting.open')) : t('meeting.none')}</dd>
          </div>
          <div>
            <dt>{t('timezone')}</dt>
            <dd dir="ltr">{academy.timezone}</dd>
          </div>
        </dl>
        <div className="actions">
          {!finished && (
            <a className="btn" href={`/room/${session.id}`}>
              {t('openRoom')}
            </a>
          )}
          {canManage && (
            <a className="btn secondary" href={`/api/attendance/export?sessionId=${session.id}`} download data-testid="session-export">
              {t('exportCsv')}
            </a>
          )}
          {canManage && meeting && <ReconcileButton sessionId={session.id} />}
        </div>
      </section>
      <RecordingsPanel sessionId={session.id} roomOpen={live} />
      {canManage && <SessionFigures sessionId={session.id} live={live} />}
      <section className="card" aria-labelledby="records-heading">
        <h2 id="records-heading">{canManage ? t('attendance') : role === 'parent' ? t('childrensAttendance') : t('myAttendance')}</h2>
        {canManage && <QueryState loading={records.isLoading} error={records.error} />}
        {canManage && !records.data ? null : rows.length === 0 ? <p className="muted">{t('noRecord')}</p> : <RecordsTable rows={rows} />}
      </section>
      {canManage && isManager(role) && rows.length > 0 && <OverrideForm sessionId={session.id} rows={rows} />}
    </>
  );
}
