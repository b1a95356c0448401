'use client';

import { AttendanceBadge } from '../badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Table } from '@/components/ui/table';

export interface RecordRow {
  userId: number;
  name: string;
  userType: string;
  status: string;
  computedStatus: string;
  overrideReason: string | null;
  overriddenByName: string | null;
  percentage: number;
  totalSeconds: number;
  joinCount: number;
  firstJoinAt: Date | null;
  lastLeaveAt: Date | null;
  inRoom: boolean;
  isFinal: boolean;
  /** in_class / left while the record is live; null when final */
  liveState: string | null;
}

export function RecordsTable({ rows }: { rows: RecordRow[] }) {
  const { t, formatTime, formatPercent, formatDuration } = useText();
  return (
    <Table data-testid="session-attendance">
      <thead>
        <tr>
          <th scope="col">{t('name')}</th>
          <th scope="col">{t('attendanceLabel')}</th>
          <th scope="col">{t('percentage')}</th>
          <th scope="col">{t('timeAttended')}</th>
          <th scope="col">{t('joins')}</th>
          <th scope="col">{t('firstJoin')}</th>
          <th scope="col">{t('lastLeave')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.userId} data-testid={`session-record-${r.userId}`} data-status={r.liveState ?? r.status} data-in-room={r.inRoom}>
            <td>
              {r.name}
              <div className="text-muted">
                {t(`userType.${r.userType}` as TextKey)}
              </div>
            </td>
            <td>
              {/* A live record is provisional: in class / left, with minutes so far; statuses only when final. */}
              <AttendanceBadge status={r.liveState ?? r.status} />
              {r.liveState && (
                <div className="text-muted" data-testid="live-so-far">
                  {t('liveSoFar', { minutes: Math.floor(r.totalSeconds / 60), percent: formatPercent(r.percentage) })}
                </div>
              )}
              {r.isFinal && (r.status !== r.computedStatus || r.overrideReason) ? (
                <div className="text-muted" data-testid="override-note">
                  {t('overridden')} ({t(`attendance.${r.computedStatus}` as TextKey)}){r.overrideReason && <>: {r.overrideReason}</>}
                  {r.overriddenByName && <> — {r.overriddenByName}</>}
                </div>
              ) : null}
            </td>
            <td>{formatPercent(r.percentage)}</td>
            <td>{formatDuration(r.totalSeconds)}</td>
            <td>{r.joinCount}</td>
            <td>{r.firstJoinAt ? formatTime(r.firstJoinAt) : '—'}</td>
            <td>{r.lastLeaveAt ? formatTime(r.lastLeaveAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
