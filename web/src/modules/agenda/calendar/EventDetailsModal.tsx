import type { TEvent } from '@dircab/contracts';
import { Alert, Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { agendaApi, EVENTS_KEY, occurrenceOf } from '../agenda-api';
import { eventColour } from './event-style';
import { useReminderLabel } from './use-reminder-label';
import { capitalise, formatDay, formatTime, wallClock } from './zoned-time';

interface Props {
  event: TEvent | null;
  timeZone: string;
  officialName: (id: string) => string | undefined;
  /** The events of the period, to name what this one collides with. */
  events: readonly TEvent[];
  onClose: () => void;
  /** `series`: the whole series of a recurring event; otherwise this event or occurrence. */
  onEdit: (event: TEvent, scope: 'this' | 'series') => void;
  onMove: (event: TEvent) => void;
}

/** One event read in full (or as a busy slot), with what the actor may do to it. */
export function EventDetailsModal({ event, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={event !== null}
      onClose={rest.onClose}
      title={event?.title ?? ''}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {event && <Details event={event} {...rest} />}
    </Modal>
  );
}

function Details({ event, timeZone, officialName, events, onClose, onEdit, onMove }: Props & { event: TEvent }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reminderLabel = useReminderLabel();
  const recurring = !!event.seriesId;
  const remove = useMutation({
    mutationFn: (scope: 'this' | 'series') =>
      scope === 'series'
        ? agendaApi.remove(event.seriesId ?? event.id)
        : agendaApi.remove(event.id, occurrenceOf(event)),
    onSuccess: async () => {
      notify('green', t('agenda.details.deleted'));
      await queryClient.invalidateQueries({ queryKey: EVENTS_KEY });
      onClose();
    },
  });
  const start = wallClock(event.start, timeZone);
  const day = (d: string) =>
    formatDay(d, i18n.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  const when = event.allDay
    ? event.startDate && event.endDate && event.endDate !== event.startDate
      ? t('agenda.details.days', { from: day(event.startDate), to: day(event.endDate) })
      : day(event.startDate ?? start.day)
    : `${day(start.day)}, ${formatTime(event.start, timeZone, i18n.language)} – ${formatTime(event.end, timeZone, i18n.language)}`;
  const titleOf = (id: string) => events.find((e) => e.id === id)?.title ?? t('agenda.details.otherEvent');
  const overlaps = event.conflicts?.overlaps ?? [];
  const travel = event.conflicts?.travel ?? [];

  return (
    <Stack>
      <Group gap="xs">
        {event.kind ? (
          <Badge variant="outline" color={`${eventColour(event)}.9`}>
            {t(`agenda.kinds.${event.kind}`)}
          </Badge>
        ) : (
          <Badge variant="outline" color="gray.8">
            {t('agenda.busy')}
          </Badge>
        )}
        <Badge variant="outline" color="gray.8">
          {t(`agenda.visibilities.${event.visibility}`)}
        </Badge>
        {recurring && (
          <Badge variant="outline" color="gray.8">
            {t('agenda.recurring')}
          </Badge>
        )}
      </Group>
      <Text fw={600}>{capitalise(when)}</Text>
      {event.busy && <Text size="sm">{t('agenda.details.busyHelp')}</Text>}
      {event.place && (
        <Text size="sm">
          {t('agenda.details.place')} : {event.place.label}
          {event.place.address ? `, ${event.place.address}` : ''}
        </Text>
      )}
      <Text size="sm">
        {t('agenda.details.officials')} : {event.officialIds.map((id) => officialName(id) ?? '…').join(', ')}
      </Text>
      {event.representing && (
        <Text size="sm" fs="italic">
          {event.representing.label}
        </Text>
      )}
      {event.attendees && (event.attendees.officialIds.length > 0 || event.attendees.contactIds.length > 0) && (
        <Text size="sm">
          {t('agenda.details.attendees', {
            count:
              event.attendees.officialIds.length + event.attendees.contactIds.length + event.attendees.userIds.length,
          })}
          {event.attendees.officialIds.length > 0 &&
            ` : ${event.attendees.officialIds.map((id) => officialName(id) ?? '…').join(', ')}`}
        </Text>
      )}
      {event.reminders.length > 0 && (
        <Text size="sm">
          {t('agenda.details.remindersLabel')} : {event.reminders.map(reminderLabel).join(', ')}
        </Text>
      )}
      {event.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {event.description}
        </Text>
      )}
      {(overlaps.length > 0 || travel.length > 0) && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('agenda.details.conflicts')}>
          <List size="sm">
            {overlaps.map((id) => (
              <List.Item key={`o-${id}`}>{t('agenda.details.overlap', { title: titleOf(id) })}</List.Item>
            ))}
            {travel.map((x) => (
              <List.Item key={`t-${x.eventId}`}>
                {t('agenda.details.travel', { title: titleOf(x.eventId), minutes: x.minutes })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {remove.isError && (
        <Alert color="red" role="alert">
          {problemMessage(remove.error, t)}
        </Alert>
      )}
      {confirming ? (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {recurring ? t('agenda.details.deleteWhich') : t('agenda.details.deleteConfirm')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.8" loading={remove.isPending} onClick={() => remove.mutate('this')}>
              {recurring ? t('agenda.details.deleteOccurrence') : t('agenda.details.delete')}
            </Button>
            {recurring && (
              <Button color="red.8" loading={remove.isPending} onClick={() => remove.mutate('series')}>
                {t('agenda.details.deleteSeries')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : (
        <Group justify="flex-end">
          {event.policies.delete && (
            <Button variant="outline" color="red.8" onClick={() => setConfirming(true)}>
              {t('agenda.details.delete')}
            </Button>
          )}
          {event.policies.move && (
            <Button variant="default" onClick={() => onMove(event)}>
              {t('agenda.details.move')}
            </Button>
          )}
          {event.policies.update && recurring && (
            <Button variant="default" onClick={() => onEdit(event, 'series')}>
              {t('agenda.details.editSeries')}
            </Button>
          )}
          {event.policies.update && (
            <Button onClick={() => onEdit(event, 'this')}>
              {recurring ? t('agenda.details.editOccurrence') : t('agenda.details.edit')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
