import type { TEvent } from '@dircab/contracts';
import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconRepeat } from '@tabler/icons-react';
import type { CSSProperties, PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { eventStyle, hasConflict } from './event-style';
import { formatTime } from './zoned-time';

interface Props {
  event: TEvent;
  timeZone: string;
  /** One line (month cells, all-day row); the time grid shows more. */
  compact?: boolean;
  onOpen: (event: TEvent) => void;
  onPointerDown?: (e: ReactPointerEvent<HTMLButtonElement>) => void;
  style?: CSSProperties;
}

/** What the calendar says of an event when read aloud: time, kind, title, warnings. */
export function useEventSummary(timeZone: string) {
  const { t, i18n } = useTranslation();
  return (event: TEvent) => {
    const when = event.allDay
      ? t('agenda.allDay')
      : `${formatTime(event.start, timeZone, i18n.language)}–${formatTime(event.end, timeZone, i18n.language)}`;
    const parts = [when, event.kind ? t(`agenda.kinds.${event.kind}`) : null, event.title];
    if (event.recurrence || event.seriesId) parts.push(t('agenda.recurring'));
    if (hasConflict(event)) parts.push(t('agenda.conflict'));
    return parts.filter(Boolean).join(', ');
  };
}

/** An event on the calendar: a button that opens it, coloured by kind, with its kind in words. */
export function EventChip({ event, timeZone, compact, onOpen, onPointerDown, style }: Props) {
  const { t, i18n } = useTranslation();
  const summary = useEventSummary(timeZone);
  const conflict = hasConflict(event);
  const time = event.allDay ? null : formatTime(event.start, timeZone, i18n.language);
  return (
    <UnstyledButton
      className="agenda-event"
      data-event-id={event.id}
      aria-label={summary(event)}
      onClick={() => onOpen(event)}
      onPointerDown={onPointerDown}
      style={{
        ...eventStyle(event),
        display: 'block',
        borderRadius: 4,
        padding: compact ? '1px 4px' : '2px 6px',
        fontSize: 'var(--mantine-font-size-xs)',
        overflow: 'hidden',
        textAlign: 'left',
        width: '100%',
        outlineOffset: 1,
        ...(conflict ? { boxShadow: 'inset 0 0 0 2px var(--mantine-color-red-7)' } : {}),
        ...style,
      }}
    >
      <Group gap={4} wrap="nowrap" aria-hidden>
        {time && (
          <Text span size="xs" fw={700}>
            {time}
          </Text>
        )}
        <Text span size="xs" fw={600} truncate>
          {event.title}
        </Text>
        {(event.recurrence || event.seriesId) && <IconRepeat size={12} style={{ flexShrink: 0 }} />}
      </Group>
      {!compact && (
        <Group gap={4} wrap="wrap" aria-hidden>
          {event.kind && (
            <Text span size="xs">
              {t(`agenda.kinds.${event.kind}`)}
            </Text>
          )}
          {event.place && (
            <Text span size="xs" truncate>
              · {event.place.label}
            </Text>
          )}
          {event.representing && (
            <Text span size="xs" fs="italic">
              · {event.representing.label}
            </Text>
          )}
        </Group>
      )}
      {conflict && (
        <Badge
          aria-hidden
          size="xs"
          color="red.9"
          variant="filled"
          leftSection={<IconAlertTriangle size={10} />}
          style={{ marginTop: 2 }}
        >
          {t('agenda.conflict')}
        </Badge>
      )}
    </UnstyledButton>
  );
}
