/**
 * CHECKs that list a column's values (drizzle/0002) spell out lists the code
 * keeps elsewhere; a value added in code alone would be refused by the
 * database, so each list must equal its source.
 */
import { getTableConfig, PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { mailMessages, meetingCommands, recordings, schedules, sweepRuns, teacherSettings, webhookEvents, WEBHOOK_FLAGS } from '@/server/db/schema';
import { SCHEDULE_STATES } from '@/shared/groups';
import { COMMAND_SPECS, TOPICS } from '@/shared/classroom/envelope';
import { RECORDING_STATUSES } from '@/server/modules/recordings/egress-state';
import { RECORDING_LAYOUTS } from '@/server/modules/recordings/schemas';
import { updateTeacherSettingsInput } from '@/server/modules/scheduling/schemas';
import { SWEEP_JOBS } from '@/server/modules/sweeps/jobs';
import { MAIL_STATUSES } from '@/server/modules/mail/schemas';

const dialect = new PgDialect();

/** The quoted values of a named CHECK's `IN (...)` list. */
function listedValues(table: PgTable, name: string): string[] {
  const check = getTableConfig(table).checks.find((c) => c.name === name);
  if (!check) throw new Error(`no check ${name}`);
  const text = dialect.sqlToQuery(check.value).sql;
  const list = /IN \(([^)]*)\)/.exec(text)?.[1] ?? '';
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

describe('CHECK lists equal the code’s lists', () => {
  it.each([
    ['meeting_commands_topic', meetingCommands, [...TOPICS]],
    ['meeting_commands_type', meetingCommands, Object.keys(COMMAND_SPECS)],
    ['recordings_status', recordings, [...RECORDING_STATUSES]],
    ['recordings_layout', recordings, [...RECORDING_LAYOUTS]],
    ['sweep_runs_job', sweepRuns, Object.keys(SWEEP_JOBS)],
    ['mail_messages_status', mailMessages, [...MAIL_STATUSES]],
    ['webhook_events_flag', webhookEvents, [...WEBHOOK_FLAGS]],
    ['schedules_state', schedules, [...SCHEDULE_STATES]],
    ['teacher_settings_video_quality', teacherSettings, updateTeacherSettingsInput.shape.videoQuality.unwrap().unwrap().options],
    ['teacher_settings_audio_quality', teacherSettings, updateTeacherSettingsInput.shape.audioQuality.unwrap().unwrap().options],
  ] as [string, PgTable, string[]][])('%s', (name, table, values) => {
    expect(listedValues(table, name).sort()).toEqual([...values].sort());
  });
});
