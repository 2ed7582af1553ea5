import { ActionIcon, Button, Group, Menu, MultiSelect, SegmentedControl, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDownload, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { weeklyAgendaUrl } from '../agenda-api';
import { CALENDAR_VIEWS, type CalendarView } from './calendar-period';
import { ImportIcsButton } from './ImportIcsButton';

interface Props {
  view: CalendarView;
  periodLabel: string;
  officialOptions: { value: string; label: string }[];
  officialIds: string[];
  /** The Monday of the week shown, for the print view and the weekly agenda. */
  week: string;
  canCreate: boolean;
  onView: (view: CalendarView) => void;
  onShift: (step: -1 | 1) => void;
  onToday: () => void;
  onOfficials: (ids: string[]) => void;
  onCreate: () => void;
}

/** Period navigation, the view switch, whose agendas, and the calendar's actions. */
export function CalendarToolbar(p: Props) {
  const { t } = useTranslation();
  const printUrl = `/agenda/print?week=${p.week}${p.officialIds.length ? `&officials=${p.officialIds.join(',')}` : ''}`;
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <Group gap="xs" align="center">
        <Button variant="default" onClick={p.onToday} aria-keyshortcuts="t">
          {t('agenda.today')}
        </Button>
        <Tooltip label={t(`agenda.previous.${p.view}`)}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => p.onShift(-1)}
            aria-label={t(`agenda.previous.${p.view}`)}
            aria-keyshortcuts="k"
          >
            <IconChevronLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t(`agenda.next.${p.view}`)}>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => p.onShift(1)}
            aria-label={t(`agenda.next.${p.view}`)}
            aria-keyshortcuts="j"
          >
            <IconChevronRight size={18} />
          </ActionIcon>
        </Tooltip>
        <Title order={2} size="h3" aria-live="polite">
          {p.periodLabel}
        </Title>
      </Group>
      <Group gap="xs" align="flex-end">
        <MultiSelect
          label={t('agenda.officials')}
          data={p.officialOptions}
          value={p.officialIds}
          onChange={(ids) => ids.length > 0 && p.onOfficials(ids)}
          searchable
          maxValues={8}
          w={{ base: '100%', sm: 320 }}
          comboboxProps={{ withinPortal: true }}
        />
        <SegmentedControl
          aria-label={t('agenda.view')}
          value={p.view}
          onChange={(v) => p.onView(v as CalendarView)}
          data={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`agenda.views.${v}`) }))}
        />
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" leftSection={<IconPrinter size={16} />}>
              {t('agenda.printMenu')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component={Link} to={printUrl} leftSection={<IconPrinter size={14} />}>
              {t('agenda.printWeek')}
            </Menu.Item>
            <Menu.Label>{t('agenda.weeklyAgenda')}</Menu.Label>
            {(['pdf', 'docx', 'odt'] as const).map((f) => (
              <Menu.Item
                key={f}
                component="a"
                href={weeklyAgendaUrl(p.week, f)}
                download
                leftSection={<IconDownload size={14} />}
              >
                {t(`agenda.formats.${f}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
        {p.canCreate && <ImportIcsButton officialOptions={p.officialOptions} officialIds={p.officialIds} />}
        {p.canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={p.onCreate} aria-keyshortcuts="c">
            {t('agenda.newEvent')}
          </Button>
        )}
      </Group>
    </Group>
  );
}
