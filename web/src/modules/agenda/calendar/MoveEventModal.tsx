import type { TEvent } from '@dircab/contracts';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MoveRequest } from './use-move-event';
import { clockOf, instantOf, minutesOf, wallClock } from './zoned-time';

interface Props {
  event: TEvent | null;
  onClose: () => void;
  onMove: (request: MoveRequest) => void;
}

/** The keyboard's way to move an event: a new day (and time), the duration kept. */
export function MoveEventModal({ event, onClose, onMove }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={event !== null}
      onClose={onClose}
      title={t('agenda.move.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {event && <MoveForm event={event} onClose={onClose} onMove={onMove} />}
    </Modal>
  );
}

function MoveForm({ event, onClose, onMove }: { event: TEvent; onClose: () => void; onMove: Props['onMove'] }) {
  const { t } = useTranslation();
  const from = wallClock(event.start, event.timeZone);
  const [day, setDay] = useState(event.allDay ? (event.startDate ?? from.day) : from.day);
  const [time, setTime] = useState(clockOf(from.minutes));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minutes = minutesOf(time);
    if (!day) return setError(t('agenda.form.errors.startDay'));
    if (!event.allDay && minutes === null) return setError(t('agenda.form.errors.time'));
    onMove(event.allDay ? { event, startDate: day } : { event, start: instantOf(day, minutes ?? 0, event.timeZone) });
    onClose();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('agenda.move.help', { title: event.title })}</Text>
        <SimpleGrid cols={event.allDay ? 1 : 2}>
          <TextInput
            type="date"
            label={t('agenda.move.day')}
            value={day}
            onChange={(e) => setDay(e.currentTarget.value)}
            error={!event.allDay ? undefined : error}
            data-autofocus
          />
          {!event.allDay && (
            <TextInput
              type="time"
              label={t('agenda.move.time')}
              value={time}
              onChange={(e) => setTime(e.currentTarget.value)}
              error={error}
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('agenda.move.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
