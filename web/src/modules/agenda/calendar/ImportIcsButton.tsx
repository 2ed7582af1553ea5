import type { TEvent } from '@dircab/contracts';
import { Alert, Button, FileInput, Group, List, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconFileImport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { http, queryString } from '../../../app/api/http';
import { useMe } from '../../../ui/me-context';
import { problemMessage } from '../../../ui/problem-message';
import { EVENTS_KEY } from '../agenda-api';
import { capitalise, formatDay, formatTime, wallClock } from './zoned-time';

interface Props {
  officialOptions: { value: string; label: string }[];
  /** The agendas shown: the import lands on them unless the secretary picks others. */
  officialIds: string[];
}

/** `POST /api/v1/events/import`: one `.ics` invitation onto the chosen officials' agendas. */
export function importIcs(file: File, officialIds: string[]) {
  const form = new FormData();
  form.append('file', file);
  return http.postForm<{ data: TEvent[] }>(
    `/api/v1/events/import${queryString({ officialIds: officialIds.join(',') })}`,
    form,
  );
}

/**
 * The calendar's « Importer une invitation (.ics) »: an invitation received by e-mail from
 * Outlook, Google or a prefecture's calendar goes onto the officials' agendas as it is, and
 * the dialog lists what was imported so the secretary checks the day and the hours.
 */
export function ImportIcsButton({ officialOptions, officialIds }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpened(true)}>
        {t('agendaImport.open')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('agendaImport.title')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened && (
          <ImportForm officialOptions={officialOptions} officialIds={officialIds} onClose={() => setOpened(false)} />
        )}
      </Modal>
    </>
  );
}

function ImportForm({ officialOptions, officialIds, onClose }: Props & { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const timeZone = useMe().organisation.timeZone;
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<string[]>(officialIds);
  const upload = useMutation({
    mutationFn: () => importIcs(file as File, chosen),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EVENTS_KEY }),
  });
  const nameOf = (id: string) => officialOptions.find((o) => o.value === id)?.label ?? id;
  const whenOf = (e: TEvent) => {
    const day = (d: string) =>
      capitalise(formatDay(d, i18n.language, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }));
    if (e.allDay) {
      return e.startDate && e.endDate && e.endDate !== e.startDate
        ? t('agendaImport.days', { from: day(e.startDate), to: day(e.endDate) })
        : day(e.startDate ?? wallClock(e.start, timeZone).day);
    }
    return t('agendaImport.hours', {
      day: day(wallClock(e.start, timeZone).day),
      from: formatTime(e.start, timeZone, i18n.language),
      to: formatTime(e.end, timeZone, i18n.language),
    });
  };

  if (upload.data) {
    const events = upload.data.data;
    return (
      <Stack>
        <Alert
          color="green"
          icon={<IconCalendarPlus size={18} />}
          title={t('agendaImport.done', { count: events.length })}
        >
          {t('agendaImport.onAgendas', { names: chosen.map(nameOf).join(', ') })}
        </Alert>
        <List spacing="xs" aria-label={t('agendaImport.importedList')}>
          {events.map((e) => (
            <List.Item key={`${e.id}-${e.start}`}>
              <Text fw={600} span>
                {e.title}
              </Text>
              <Text size="sm" c="dimmed">
                {whenOf(e)}
                {e.place ? ` — ${e.place.label}` : ''}
                {e.recurrence ? ` — ${t('agendaImport.recurring')}` : ''}
              </Text>
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => upload.reset()}>
            {t('agendaImport.another')}
          </Button>
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (file && chosen.length > 0) upload.mutate();
      }}
    >
      <Stack>
        <Text size="sm">{t('agendaImport.help')}</Text>
        <FileInput
          label={t('agendaImport.file')}
          placeholder={t('agendaImport.filePlaceholder')}
          accept=".ics,text/calendar"
          value={file}
          onChange={setFile}
          required
          clearable
          clearButtonProps={{ 'aria-label': t('agendaImport.clearFile') }}
        />
        <MultiSelect
          label={t('agendaImport.officials')}
          data={officialOptions}
          value={chosen}
          onChange={setChosen}
          required
          searchable
          comboboxProps={{ withinPortal: true }}
          error={chosen.length === 0 ? t('agendaImport.noOfficial') : undefined}
        />
        {upload.isError && (
          <Alert color="red" role="alert">
            {problemMessage(upload.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={upload.isPending} disabled={!file || chosen.length === 0}>
            {t('agendaImport.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
