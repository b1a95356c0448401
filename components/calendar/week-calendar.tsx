'use client';

import arLocale from '@fullcalendar/core/locales/ar';
import type { DatesSetArg, EventClickArg, EventContentArg, EventMountArg } from '@fullcalendar/core';
import luxonPlugin from '@fullcalendar/luxon3';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '@/components/dashboard/badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Card } from '@/components/ui/card';
import { eventColours, LEGEND_KINDS, LEGEND_STATUSES } from './event-colours';
import { SessionDialog } from './session-dialog';

const TOOLBAR = { start: 'prev,next today', center: 'title', end: '' };
const PLUGINS = [timeGridPlugin, luxonPlugin];
const LOCALES = [arLocale];
/** Below Tailwind's `sm` (640 px) one day, else the week. */
const viewFor = (width: number) => (width < 640 ? 'timeGridDay' : 'timeGridWeek');

/**
 * The week calendar (FullCalendar's time grid): sessions by day and hour in
 * the viewer's timezone (luxon plugin: named zones), in the viewer's
 * language and direction. A click (or Enter) on a session opens its dialog.
 */
export function WeekCalendar({ academyId, initialDate }: { academyId?: number; initialDate?: string }) {
  const { t, locale, dir, timezone, formatTime } = useText();
  const trpc = useTRPC();
  const [range, setRange] = useState<{ from: Date; to: Date } | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const calendar = useQuery({
    ...trpc.session.calendar.queryOptions({ ...(academyId ? { academyId } : {}), from: range?.from ?? new Date(0), to: range?.to ?? new Date(1) }),
    enabled: range !== null,
  });
  const sessions = useMemo(() => calendar.data ?? [], [calendar.data]);
  const events = useMemo(
    () =>
      sessions.map((s) => {
        const colours = eventColours(s.kind, s.status);
        return {
          id: String(s.id),
          title: s.title,
          start: s.scheduledAt,
          end: new Date(s.scheduledAt.getTime() + s.durationMinutes * 60_000),
          backgroundColor: colours.background,
          borderColor: colours.background,
          textColor: colours.text,
          classNames: colours.struck ? ['line-through'] : [],
          extendedProps: { status: s.status, audience: s.audience },
        };
      }),
    [sessions],
  );
  const hints = useMemo(() => ({ prev: t('calendar.previous'), next: t('calendar.next'), today: t('calendar.today') }), [t]);
  const selected = sessions.find((s) => s.id === selectedId) ?? null;

  return (
    <>
      <p className="text-muted">{t('calendar.hint', { timezone })}</p>
      <QueryState loading={calendar.isLoading} error={calendar.error} />
      <Card aria-label={t('calendar.title')} className="halaqa-calendar" data-testid="week-calendar">
        <FullCalendar
          plugins={PLUGINS}
          initialView="timeGridWeek"
          initialDate={initialDate}
          timeZone={timezone}
          locales={LOCALES}
          locale={locale}
          direction={dir}
          headerToolbar={TOOLBAR}
          buttonHints={hints}
          // Text arrows instead of FullCalendar's icon font: its icons are role="img" with no name
          // (axe: role-img-alt); the buttons are named by buttonHints. In Arabic "previous" points right.
          buttonIcons={false}
          buttonText={dir === 'rtl' ? { prev: '›', next: '‹' } : { prev: '‹', next: '›' }}
          // A phone shows one day at a time (seven columns of 40 px would hold no words); it follows rotation.
          windowResize={(arg) => {
            const wanted = viewFor(window.innerWidth);
            if (arg.view.type !== wanted) arg.view.calendar.changeView(wanted);
          }}
          viewDidMount={(arg) => {
            const wanted = viewFor(window.innerWidth);
            if (arg.view.type !== wanted) queueMicrotask(() => arg.view.calendar.changeView(wanted));
          }}
          allDaySlot={false}
          nowIndicator
          eventInteractive
          height={720}
          scrollTime="07:00:00"
          events={events}
          datesSet={(arg: DatesSetArg) => {
            // FullCalendar reports its dates again on every render: keep the same range object so nothing loops.
            setRange((r) => (r && r.from.getTime() === arg.start.getTime() && r.to.getTime() === arg.end.getTime() ? r : { from: arg.start, to: arg.end }));
          }}
          eventClick={(arg: EventClickArg) => {
            arg.jsEvent.preventDefault();
            setSelectedId(Number(arg.event.id));
          }}
          eventContent={(arg: EventContentArg) => (
            // Two single lines, clipped at the event's edge: text never spills onto the grid behind it.
            <div className="overflow-hidden px-0.5 text-sm leading-tight">
              <div className="truncate font-semibold">{arg.event.title}</div>
              <div className="truncate">
                <span dir="ltr">{arg.event.start ? formatTime(arg.event.start) : ''}</span> · {t(`status.${String(arg.event.extendedProps.status)}` as TextKey)}
                {arg.event.extendedProps.audience ? ` · ${String(arg.event.extendedProps.audience)}` : ''}
              </div>
            </div>
          )}
          eventDidMount={(arg: EventMountArg) => {
            // Its text (title, time, status, audience) names it; a fixed label would go stale when the event moves.
            arg.el.dataset.testid = `calendar-event-${arg.event.id}`;
          }}
        />
      </Card>
      <Legend />
      {selected && <SessionDialog session={selected} onClose={() => setSelectedId(null)} />}
    </>
  );
}

function Legend() {
  const { t } = useText();
  return (
    <Card aria-label={t('calendar.legend')}>
      <h2 className="text-base">{t('calendar.legend')}</h2>
      <ul className="m-0 flex list-none flex-wrap gap-2 p-0">
        {LEGEND_KINDS.map((kind) => {
          const c = eventColours(kind, 'scheduled');
          return (
            <li key={kind} className="rounded px-2 py-0.5 text-sm" style={{ background: c.background, color: c.text }}>
              {t(`kind.${kind}` as TextKey)}
            </li>
          );
        })}
        {LEGEND_STATUSES.filter((s) => s !== 'scheduled').map((status) => {
          const c = eventColours('quran', status);
          return (
            <li key={status} className={`rounded px-2 py-0.5 text-sm ${c.struck ? 'line-through' : ''}`} style={{ background: c.background, color: c.text }}>
              {t(`status.${status}` as TextKey)}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
