'use client';

import { useState } from 'react';
import { rangeAround } from '../dates';
import { useText } from '@/components/i18n/use-text';
import { AcademyAttendanceTable } from './academy-attendance-table';
import { AttendanceCharts } from './attendance-charts';
import { LiveMeetings } from './live-meetings';
import { RecentRecordings } from './recent-recordings';
import { ReportFilters, type ReportFilterValues } from './report-filters';
import { SweepStats } from './sweep-stats';
import { ATTENDANCE_STATUSES } from './types';
import { Card } from '@/components/ui/card';

/** docs/rules.md, Dashboards, admin and supervisor: live meetings, attendance charts and table with filters, CSV export, sweep figures, latest recordings. */
export function AdminOverview() {
  const { t, timezone } = useText();
  const [filters, setFilters] = useState<ReportFilterValues>(() => rangeAround(new Date(), timezone, 29));
  return (
    <>
      <h1>{t('adminDashboard')}</h1>
      <LiveMeetings />
      <Card aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('attendanceFilters')}</h2>
        <ReportFilters value={filters} onApply={setFilters} statuses={ATTENDANCE_STATUSES} statusPrefix="attendance." statusLabel="attendanceLabel" />
      </Card>
      <AttendanceCharts filters={filters} />
      <AcademyAttendanceTable filters={filters} />
      <SweepStats />
      <RecentRecordings />
    </>
  );
}
