import type { TEvent } from '@dircab/contracts';
import { Badge, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { eventsOn } from './event-layout';
import { eventStyle, hasConflict } from './event-style';
import { dedupe } from './MonthView';
import { capitalise, daysOf, formatDay, formatTime } from './zoned-time';

interface Props {
  from: string;
  to: string;
  events: TEvent[];
  timeZone: string;
  /** Names of the officials, to say whose agenda an event is on. */
  officialName: (id: string) => string | undefined;
  onOpen: (event: TEvent) => void;
}

/** The period as a list of days that have events: what a busy secretary reads on the phone. */
export function ListView({ from, to, events, timeZone, officialName, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const unique = dedupe(events);
  const days = daysOf(from, to)
    .map((day) => ({ day, list: eventsOn(unique, day, timeZone) }))
    .filter((d) => d.list.length > 0);
  if (days.length === 0) return <Text c="dimmed">{t('agenda.list.empty')}</Text>;
  return (
    <Stack gap="md">
      {days.map(({ day, list }) => (
        <section key={day} aria-labelledby={`agenda-list-${day}`}>
          <Title order={2} size="h4" id={`agenda-list-${day}`} mb={4}>
            {capitalise(formatDay(day, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' }))}
          </Title>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {list.map((event) => (
              <li key={`${event.id}-${event.recurrenceId}`}>
                <UnstyledButton
                  onClick={() => onOpen(event)}
                  p="xs"
                  w="100%"
                  style={{ ...eventStyle(event), display: 'block', borderRadius: 4 }}
                >
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <Text size="sm" fw={700} w={110} style={{ flexShrink: 0 }}>
                      {event.allDay
                        ? t('agenda.allDay')
                        : `${formatTime(event.start, timeZone, i18n.language)} – ${formatTime(event.end, timeZone, i18n.language)}`}
                    </Text>
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={600}>
                        {event.title}
                      </Text>
                      <Group gap={6}>
                        {event.kind && <Text size="xs">{t(`agenda.kinds.${event.kind}`)}</Text>}
                        {event.place && (
                          <Group gap={2}>
                            <IconMapPin size={12} aria-hidden />
                            <Text size="xs">{event.place.label}</Text>
                          </Group>
                        )}
                        <Text size="xs">{event.officialIds.map(officialName).filter(Boolean).join(', ')}</Text>
                        {event.representing && (
                          <Text size="xs" fs="italic">
                            {event.representing.label}
                          </Text>
                        )}
                        {hasConflict(event) && (
                          <Badge size="xs" color="red.9" variant="filled" leftSection={<IconAlertTriangle size={10} />}>
                            {t('agenda.conflict')}
                          </Badge>
                        )}
                      </Group>
                    </Stack>
                  </Group>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}
