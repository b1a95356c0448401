'use client';

import { useText } from '@/components/i18n/use-text';
import type { TextKey } from '@/components/i18n/use-text';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';

export interface AttendanceRow {
  userId: number;
  name: string;
  userType: string;
  status: string;
  percentage: number;
  totalSeconds: number;
  joinCount: number;
  leaveCount: number;
  inRoom: boolean;
  /** in_class / left while the record is live; null when final */
  liveState: string | null;
}

function minutesAndSeconds(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function AttendancePanel({ rows, final }: { rows: AttendanceRow[]; final: boolean }) {
  const { t } = useText();
  return (
    <Card aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('attendanceLabel')}</h2>
      <Table data-testid="attendance-table">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('statusLabel')}</th>
            <th scope="col">{t('joins')}</th>
            <th scope="col">{t('timeAttended')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} data-testid={`attendance-row-${r.userId}`} data-in-room={r.inRoom} data-leaves={r.leaveCount} data-status={r.liveState ?? r.status}>
              <td>
                {r.name} <span className="text-muted">({t(`role.${r.userType === 'supervisor' ? 'supervisor' : r.userType}` as TextKey)})</span>
              </td>
              {/* Live rows are provisional (docs/rules.md#attendance); the server projects their minutes to now. */}
              <td>{t(`attendance.${final ? r.status : (r.liveState ?? (r.inRoom ? 'in_class' : 'left'))}` as TextKey)}</td>
              <td>
                {r.joinCount}/{r.leaveCount}
              </td>
              <td>
                {minutesAndSeconds(r.totalSeconds)} ({r.percentage}%)
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
