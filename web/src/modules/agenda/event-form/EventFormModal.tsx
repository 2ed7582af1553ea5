import { EVENT_KINDS, EVENT_VISIBILITIES, type TEvent, type TEventKind } from '@dircab/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { agendaApi, EVENTS_KEY } from '../agenda-api';
import { useAgendaOfficials } from '../calendar/use-agenda-officials';
import { useReminderLabel } from '../calendar/use-reminder-label';
import { AttendeeContactsInput } from './AttendeeContactsInput';
import {
  type EventFormValues,
  endKeepingDuration,
  eventFieldErrors,
  initialValues,
  keepEndAfterStart,
  type NewEventDefaults,
  toPayload,
  validateTiming,
} from './event-form-values';
import { RecurrencePicker } from './RecurrencePicker';

export interface EventFormTarget {
  /** The event to change; a new one without it. */
  event?: TEvent;
  /** One occurrence of a series (its original start), or the whole series / a single event. */
  occurrence?: string | null;
  defaults: NewEventDefaults;
}

interface Props {
  target: EventFormTarget | null;
  /** The organisation's zone: a new event is planned in it. */
  timeZone: string;
  onClose: () => void;
}

const REMINDERS = [0, 10, 15, 30, 60, 120, 1440, 2880, 10080];

/** Create or change an event, or one occurrence of a series. */
export function EventFormModal({ target, timeZone, onClose }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const title = !target?.event
    ? t('agenda.form.newTitle')
    : target.occurrence
      ? t('agenda.form.editOccurrenceTitle')
      : t('agenda.form.editTitle');
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target && <EventForm target={target} timeZone={target.event?.timeZone ?? timeZone} onClose={onClose} />}
    </Modal>
  );
}

function EventForm({ target, timeZone, onClose }: { target: EventFormTarget; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const officials = useAgendaOfficials();
  const reminderLabel = useReminderLabel();
  const { event, occurrence } = target;
  const form = useForm<EventFormValues>({
    initialValues: initialValues(event, target.defaults, timeZone),
    validate: (v) => {
      const errors: Record<string, string> = {};
      if (!v.title.trim()) errors.title = t('agenda.form.errors.title');
      if (v.officialIds.length === 0) errors.officialIds = t('agenda.form.errors.officials');
      for (const [field, key] of Object.entries(validateTiming(v))) errors[field] = t(key);
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (v: EventFormValues) => {
      if (!event) return agendaApi.create(toPayload(v, timeZone));
      // An occurrence, or an occurrence changed before (its own record), keeps the series' rule.
      const single = !!occurrence || (event.seriesId !== null && event.seriesId !== event.id);
      const body = toPayload(v, timeZone, {
        scope: single ? 'occurrence' : 'series',
        exdates: event.recurrence?.exdates ?? [],
      });
      return agendaApi.update(event.id, body, occurrence);
    },
    onSuccess: async () => {
      notify('green', event ? t('agenda.form.updated') : t('agenda.form.created'));
      await queryClient.invalidateQueries({ queryKey: EVENTS_KEY });
      onClose();
    },
    onError: (error) => form.setErrors(eventFieldErrors(error)),
  });
  const v = form.getValues();
  const officialOptions = (officials.data ?? []).map((o) => ({ value: o.id, label: o.displayName }));
  const seriesOccurrence = !!occurrence || (event?.seriesId && event.seriesId !== event.id);

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert" title={t('agenda.form.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        {seriesOccurrence && (
          <Text size="sm" c="dimmed">
            {t('agenda.form.occurrenceOnly')}
          </Text>
        )}
        <TextInput label={t('agenda.form.title')} required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('agenda.form.kind')}
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(`agenda.kinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
            onChange={(k) => {
              if (!k) return;
              form.setFieldValue('kind', k as TEventKind);
              // A private block is private: others see only that the official is busy.
              if (k === 'private_block') form.setFieldValue('visibility', 'private');
            }}
          />
          <Select
            label={t('agenda.form.visibility')}
            description={t(`agenda.visibilityHelp.${v.visibility}`)}
            data={EVENT_VISIBILITIES.map((x) => ({ value: x, label: t(`agenda.visibilities.${x}`) }))}
            allowDeselect={false}
            {...form.getInputProps('visibility')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('agenda.form.officials')}
          description={t('agenda.form.officialsHelp')}
          data={officialOptions}
          searchable
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('officialIds')}
        />
        <Divider label={t('agenda.form.when')} labelPosition="left" />
        <Checkbox label={t('agenda.form.allDay')} {...form.getInputProps('allDay', { type: 'checkbox' })} />
        <SimpleGrid cols={{ base: 2, sm: v.allDay ? 2 : 4 }}>
          <TextInput
            type="date"
            label={v.allDay ? t('agenda.form.firstDay') : t('agenda.form.startDay')}
            required
            {...form.getInputProps('startDay')}
            onChange={(e) => {
              const day = e.currentTarget.value;
              form.setFieldValue('startDay', day);
              if (day) form.setFieldValue('endDay', keepEndAfterStart(form.getValues(), day));
            }}
          />
          {!v.allDay && (
            <TextInput
              type="time"
              label={t('agenda.form.startTime')}
              required
              {...form.getInputProps('startTime')}
              onChange={(e) => {
                const time = e.currentTarget.value;
                // The end follows the start, the duration kept, as in every calendar.
                form.setFieldValue('endTime', endKeepingDuration(form.getValues(), time));
                form.setFieldValue('startTime', time);
              }}
            />
          )}
          <TextInput
            type="date"
            label={v.allDay ? t('agenda.form.lastDay') : t('agenda.form.endDay')}
            {...form.getInputProps('endDay')}
          />
          {!v.allDay && (
            <TextInput type="time" label={t('agenda.form.endTime')} required {...form.getInputProps('endTime')} />
          )}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('agenda.form.zone', { zone: timeZone })}
        </Text>
        {!seriesOccurrence && (
          <RecurrencePicker
            value={v.recurrence}
            onChange={(r) => form.setFieldValue('recurrence', r)}
            error={form.errors['recurrence.frequency'] as string | undefined}
          />
        )}
        <Divider label={t('agenda.form.where')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('agenda.form.place')} {...form.getInputProps('placeLabel')} />
          <TextInput label={t('agenda.form.address')} {...form.getInputProps('placeAddress')} />
        </SimpleGrid>
        <Divider label={t('agenda.form.who')} labelPosition="left" />
        <MultiSelect
          label={t('agenda.form.attendeeOfficials')}
          data={officialOptions}
          searchable
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('attendeeOfficialIds')}
        />
        <AttendeeContactsInput
          value={v.attendeeContactIds}
          onChange={(ids) => form.setFieldValue('attendeeContactIds', ids)}
          error={form.errors.attendeeContactIds as string | undefined}
        />
        <MultiSelect
          label={t('agenda.form.reminders')}
          data={REMINDERS.map((m) => ({ value: String(m), label: reminderLabel(m) }))}
          maxValues={5}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('reminders')}
        />
        <Textarea label={t('agenda.form.description')} rows={3} {...form.getInputProps('description')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {event ? t('agenda.form.save') : t('agenda.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
