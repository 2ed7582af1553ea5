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
  /** Room for the time and the title on lines of their own (events of 45 minutes or more). */
  tall?: boolean;
  onOpen: (event: TEvent) => void;
  onPointerDown?: (e: ReactPointerEvent<HTMLButtonElement>) => void;
  style?: CSSProperties;
}

/**
 * An event on the calendar: a button that opens it, coloured by kind with the kind in words.
 * Its name is the text it shows (time, title, kind, place, « Conflit »), so what is read aloud
 * is what is seen; the spaces between the parts keep the words apart when read.
 */
export function EventChip({ event, timeZone, compact, tall, onOpen, onPointerDown, style }: Props) {
  const { t, i18n } = useTranslation();
  const conflict = hasConflict(event);
  const start = formatTime(event.start, timeZone, i18n.language);
  const time = event.allDay ? null : compact ? start : `${start}–${formatTime(event.end, timeZone, i18n.language)}`;
  const kind = event.kind ? t(`agenda.kinds.${event.kind}`) : null;
  const recurring = !!(event.recurrence || event.seriesId);
  return (
    <UnstyledButton
      className="agenda-event"
      data-event-id={event.id}
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
      {tall ? (
        <>
          <Text span size="xs" fw={700} display="block">
            {time}
          </Text>{' '}
          <Text span size="xs" fw={600} display="block" lineClamp={2}>
            {event.title}
            {recurring && (
              <>
                {' '}
                <IconRepeat
                  size={12}
                  role="img"
                  aria-label={t('agenda.recurring')}
                  style={{ verticalAlign: 'middle' }}
                />
              </>
            )}
          </Text>
        </>
      ) : (
        <Group gap={4} wrap="nowrap">
          {time && (
            <Text span size="xs" fw={700} style={{ flexShrink: 0 }}>
              {time}
            </Text>
          )}{' '}
          <Text span size="xs" fw={600} truncate>
            {event.title}
          </Text>
          {compact && kind && (
            <>
              {' '}
              <Text span size="xs" truncate style={{ flexShrink: 2 }}>
                · {kind}
              </Text>
            </>
          )}
          {recurring && (
            <>
              {' '}
              <IconRepeat size={12} role="img" aria-label={t('agenda.recurring')} style={{ flexShrink: 0 }} />
            </>
          )}
        </Group>
      )}
      {!compact && (
        <>
          {' '}
          <Group gap={4} wrap="wrap">
            {kind && (
              <Text span size="xs">
                {kind}
              </Text>
            )}
            {event.place && (
              <>
                {' '}
                <Text span size="xs" truncate>
                  · {event.place.label}
                </Text>
              </>
            )}
            {event.representing && (
              <>
                {' '}
                <Text span size="xs" fs="italic">
                  · {event.representing.label}
                </Text>
              </>
            )}
          </Group>
        </>
      )}
      {conflict && (
        <>
          {' '}
          <Badge
            size="xs"
            color="red.9"
            variant="filled"
            leftSection={<IconAlertTriangle size={10} aria-hidden />}
            style={{ marginTop: 2 }}
          >
            {t('agenda.conflict')}
          </Badge>
        </>
      )}
    </UnstyledButton>
  );
}
