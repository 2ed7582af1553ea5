import type { TEvent } from '@dircab/contracts';
import { Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EventChip } from './EventChip';
import { eventsOn } from './event-layout';
import { daysOf, formatDay, todayIn } from './zoned-time';

interface Props {
  /** The grid's first (a Monday) and last day. */
  from: string;
  to: string;
  /** The month shown: days outside it are greyed. */
  month: string;
  events: TEvent[];
  timeZone: string;
  onOpen: (event: TEvent) => void;
  onOpenDay: (day: string) => void;
}

// Past this, a cell shows « + n autres » leading to the day.
const PER_CELL = 3;

/** The month as weeks of seven days, each day listing its first events. */
export function MonthView({ from, to, month, events, timeZone, onOpen, onOpenDay }: Props) {
  const { t, i18n } = useTranslation();
  const days = daysOf(from, to);
  const weeks = Array.from({ length: Math.ceil(days.length / 7) }, (_, w) => days.slice(w * 7, w * 7 + 7));
  const today = todayIn(timeZone);
  const unique = dedupe(events);
  return (
    <table style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}>
      <caption>
        <VisuallyHidden>{t('agenda.month.caption')}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          {days.slice(0, 7).map((d) => (
            <th
              key={d}
              scope="col"
              style={{ padding: 4, fontSize: 'var(--mantine-font-size-xs)', textTransform: 'uppercase' }}
            >
              <span aria-hidden>{formatDay(d, i18n.language, { weekday: 'short' })}</span>
              <VisuallyHidden>{formatDay(d, i18n.language, { weekday: 'long' })}</VisuallyHidden>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((day) => {
              const list = eventsOn(unique, day, timeZone);
              const outside = day.slice(0, 7) !== month.slice(0, 7);
              return (
                <td
                  key={day}
                  style={{
                    verticalAlign: 'top',
                    height: 112,
                    border: '1px solid var(--mantine-color-gray-3)',
                    padding: 2,
                    background: outside ? 'var(--mantine-color-gray-0)' : undefined,
                  }}
                >
                  <Stack gap={2}>
                    <UnstyledButton
                      onClick={() => onOpenDay(day)}
                      title={t('agenda.grid.openDay', {
                        day: formatDay(day, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' }),
                      })}
                      aria-current={day === today ? 'date' : undefined}
                      style={{ alignSelf: 'flex-start', borderRadius: 999, padding: '0 6px' }}
                      bg={day === today ? 'blue.9' : undefined}
                    >
                      <Text
                        size="sm"
                        fw={day === today ? 700 : 500}
                        c={day === today ? 'white' : outside ? 'gray.7' : undefined}
                      >
                        {formatDay(day, i18n.language, { day: 'numeric' })}
                      </Text>
                    </UnstyledButton>
                    {list.slice(0, PER_CELL).map((event) => (
                      <EventChip
                        key={`${event.id}-${event.recurrenceId}`}
                        event={event}
                        timeZone={timeZone}
                        compact
                        onOpen={onOpen}
                      />
                    ))}
                    {list.length > PER_CELL && (
                      <UnstyledButton
                        onClick={() => onOpenDay(day)}
                        style={{ fontSize: 'var(--mantine-font-size-xs)' }}
                      >
                        {t('agenda.month.more', { count: list.length - PER_CELL })}
                      </UnstyledButton>
                    )}
                  </Stack>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** An event on two selected agendas is listed once. */
export function dedupe(events: readonly TEvent[]): TEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.id}|${e.recurrenceId ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
