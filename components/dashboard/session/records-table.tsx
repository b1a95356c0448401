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
          <tr key={r.userId} data-testid={`session-record-${r.userId}`} data-status={r.status} data-in-room={r.inRoom}>
            <td>
              {r.name}
              <div className="text-muted">
                {t(`userType.${r.userType}` as TextKey)}
                {r.inRoom && <> · {t('inRoom')}</>}
                {!r.isFinal && !r.inRoom && <> · {t('provisional')}</>}
              </div>
            </td>
            <td>
              <AttendanceBadge status={r.status} />
              {r.status !== r.computedStatus || r.overrideReason ? (
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
