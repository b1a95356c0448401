'use client';

import { useI18n } from '@/components/i18n/i18n-provider';
import type { MessageKey } from '@/components/i18n/messages';

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
}

function minutesAndSeconds(total: number): string {
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

export function AttendancePanel({ rows, final }: { rows: AttendanceRow[]; final: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('attendance')}</h2>
      <table data-testid="attendance-table">
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{final ? t('status') : t('inRoom')}</th>
            <th scope="col">{t('joins')}</th>
            <th scope="col">{t('timeAttended')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.userId} data-testid={`attendance-row-${r.userId}`} data-in-room={r.inRoom} data-leaves={r.leaveCount} data-status={r.status}>
              <td>
                {r.name} <span className="muted">({t(`role.${r.userType === 'supervisor' ? 'supervisor' : r.userType}` as MessageKey)})</span>
              </td>
              <td>{final ? t(`attendance.${r.status}` as MessageKey) : r.inRoom ? '●' : '○'}</td>
              <td>
                {r.joinCount}/{r.leaveCount}
              </td>
              <td>
                {minutesAndSeconds(r.totalSeconds)} ({r.percentage}%)
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
