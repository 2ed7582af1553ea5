import type { TEvent } from '@dircab/contracts';
import { Box, Stack, Text, UnstyledButton } from '@mantine/core';
import { Fragment, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EventChip } from './EventChip';
import { allDayOn, eventsOf, segmentsOfDay } from './event-layout';
import { useDragMove } from './use-drag-move';
import { addDays, clockOf, formatDay, todayIn, wallClock } from './zoned-time';

export interface AgendaColumn {
  officialId: string;
  name: string;
}

interface Props {
  days: string[];
  /** One column per official each day: agendas side by side. */
  officials: AgendaColumn[];
  events: TEvent[];
  timeZone: string;
  onOpen: (event: TEvent) => void;
  /** A drop: the event's new local day and minutes. */
  onMove: (event: TEvent, day: string, minutes: number) => void;
  /** A click on an empty slot. */
  onCreateAt?: (day: string, minutes: number, officialId: string) => void;
  onOpenDay?: (day: string) => void;
}

const HOUR_PX = 48;
const PX_PER_MIN = HOUR_PX / 60;
const GUTTER = 56;
const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** The day and week views: hours down, days (and officials) across, all-day events on top. */
export function TimeGridView({ days, officials, events, timeZone, onOpen, onMove, onCreateAt, onOpenDay }: Props) {
  const { t, i18n } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const columnsRef = useRef<HTMLDivElement>(null);
  const perDay = Math.max(1, officials.length);
  const { drag, start, justDragged } = useDragMove({
    columnsRef,
    dayCount: days.length,
    pxPerMinute: PX_PER_MIN,
    onDrop: (event, dayDelta, minuteDelta) => {
      const from = wallClock(event.start, timeZone);
      onMove(event, addDays(from.day, dayDelta), from.minutes + minuteDelta);
    },
  });
  // The working day is in view first; the night stays a scroll away.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 7 * HOUR_PX;
  }, []);
  const today = todayIn(timeZone);
  const now = wallClock(Date.now(), timeZone);
  const template = `${GUTTER}px repeat(${days.length * perDay}, minmax(${perDay > 1 ? 110 : 90}px, 1fr))`;
  const open = (event: TEvent) => {
    if (!justDragged.current) onOpen(event);
  };
  const dayPx = () => (columnsRef.current?.getBoundingClientRect().width ?? 0) / days.length;
  const dayLabel = (day: string) => formatDay(day, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' });

  return (
    <Box
      ref={scroller}
      role="region"
      aria-label={t('agenda.grid.label')}
      tabIndex={0}
      style={{
        overflow: 'auto',
        maxHeight: '72vh',
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 4,
      }}
    >
      <Box
        style={{
          display: 'grid',
          gridTemplateColumns: template,
          position: 'sticky',
          top: 0,
          zIndex: 3,
          background: 'var(--mantine-color-body)',
          borderBottom: '1px solid var(--mantine-color-gray-3)',
        }}
      >
        <div />
        {days.map((day) => (
          <Box key={day} style={{ gridColumn: `span ${perDay}`, padding: 4, textAlign: 'center' }}>
            {onOpenDay ? (
              <UnstyledButton onClick={() => onOpenDay(day)} title={t('agenda.grid.openDay', { day: dayLabel(day) })}>
                <DayHeading day={day} today={day === today} />
              </UnstyledButton>
            ) : (
              <DayHeading day={day} today={day === today} />
            )}
          </Box>
        ))}
        {perDay > 1 && (
          <>
            <div />
            {days.flatMap((day) =>
              officials.map((o) => (
                <Text key={`${day}-${o.officialId}`} size="xs" ta="center" fw={600} truncate px={2}>
                  {o.name}
                </Text>
              )),
            )}
          </>
        )}
        <Text size="xs" c="dimmed" ta="right" pr={6} py={4}>
          {t('agenda.allDay')}
        </Text>
        {days.flatMap((day) =>
          officials.map((o) => (
            <Stack
              key={`allday-${day}-${o.officialId}`}
              gap={2}
              p={2}
              style={{ borderLeft: '1px solid var(--mantine-color-gray-3)', minHeight: 28 }}
            >
              {allDayOn(eventsOf(events, o.officialId), day).map((event) => (
                <EventChip
                  key={`${event.id}-${event.recurrenceId}`}
                  event={event}
                  timeZone={timeZone}
                  compact
                  onOpen={open}
                />
              ))}
            </Stack>
          )),
        )}
      </Box>
      <Box style={{ display: 'grid', gridTemplateColumns: `${GUTTER}px 1fr`, position: 'relative' }}>
        <Box style={{ position: 'relative', height: 24 * HOUR_PX }} aria-hidden>
          {HOURS.map((h) => (
            <Text
              key={h}
              size="xs"
              c="dimmed"
              ta="right"
              pr={6}
              style={{ position: 'absolute', top: h * HOUR_PX - 8, right: 0, left: 0 }}
            >
              {h === 0 ? '' : clockOf(h * 60)}
            </Text>
          ))}
        </Box>
        <Box
          ref={columnsRef}
          style={{
            display: 'grid',
            gridTemplateColumns: `repeat(${days.length * perDay}, minmax(${perDay > 1 ? 110 : 90}px, 1fr))`,
          }}
        >
          {days.map((day, dayIndex) => (
            <Fragment key={day}>
              {officials.map((o) => (
                <Box
                  key={`${day}-${o.officialId}`}
                  role="group"
                  aria-label={perDay > 1 ? `${dayLabel(day)}, ${o.name}` : dayLabel(day)}
                  onClick={(e) => {
                    if (!onCreateAt || e.target !== e.currentTarget) return;
                    const y = e.clientY - e.currentTarget.getBoundingClientRect().top;
                    onCreateAt(day, Math.floor(y / PX_PER_MIN / 30) * 30, o.officialId);
                  }}
                  style={{
                    position: 'relative',
                    height: 24 * HOUR_PX,
                    borderLeft: '1px solid var(--mantine-color-gray-3)',
                    background:
                      'repeating-linear-gradient(to bottom, var(--mantine-color-gray-2) 0 1px, transparent 1px 48px)',
                  }}
                >
                  {day === today && (
                    <Box
                      aria-hidden
                      style={{
                        position: 'absolute',
                        left: 0,
                        right: 0,
                        top: now.minutes * PX_PER_MIN,
                        borderTop: '2px solid var(--mantine-color-red-7)',
                        zIndex: 2,
                        pointerEvents: 'none',
                      }}
                    />
                  )}
                  {segmentsOfDay(eventsOf(events, o.officialId), day, timeZone).map((seg) => {
                    const dragged = drag && drag.event === seg.event;
                    const width = 100 / seg.lanes;
                    return (
                      <EventChip
                        key={`${seg.event.id}-${seg.event.recurrenceId}-${o.officialId}`}
                        event={seg.event}
                        timeZone={timeZone}
                        tall={seg.bottom - seg.top >= 45}
                        onOpen={open}
                        onPointerDown={seg.event.allDay ? undefined : start(seg.event, dayIndex)}
                        style={{
                          position: 'absolute',
                          top: seg.top * PX_PER_MIN,
                          height: (seg.bottom - seg.top) * PX_PER_MIN - 1,
                          left: `calc(${seg.lane * width}% + 1px)`,
                          width: `calc(${width}% - 3px)`,
                          zIndex: dragged ? 4 : 1,
                          cursor: seg.event.policies.move ? 'grab' : 'pointer',
                          touchAction: seg.event.policies.move ? 'none' : 'auto',
                          ...(dragged
                            ? {
                                transform: `translate(${drag.dayDelta * dayPx()}px, ${drag.minuteDelta * PX_PER_MIN}px)`,
                                opacity: 0.85,
                                boxShadow: 'var(--mantine-shadow-md)',
                              }
                            : {}),
                        }}
                      />
                    );
                  })}
                </Box>
              ))}
            </Fragment>
          ))}
        </Box>
      </Box>
    </Box>
  );
}

function DayHeading({ day, today }: { day: string; today: boolean }) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={0} align="center">
      <Text size="xs" tt="uppercase" c={today ? 'blue.9' : 'dimmed'} fw={600}>
        {formatDay(day, i18n.language, { weekday: 'short' })}
      </Text>
      <Text
        size="lg"
        fw={700}
        c={today ? 'white' : undefined}
        bg={today ? 'blue.9' : undefined}
        px={6}
        style={{ borderRadius: 999 }}
        aria-current={today ? 'date' : undefined}
      >
        {formatDay(day, i18n.language, { day: 'numeric' })}
      </Text>
    </Stack>
  );
}
