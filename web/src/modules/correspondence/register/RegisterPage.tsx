import { Alert, Button, Fieldset, Group, Radio, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { fieldErrors } from '../../directory/directory-rules';
import { todayIn } from '../correspondence-rules';
import { PERIOD_PRESETS, type PeriodPreset, presetPeriod } from '../figures/periods';
import { canExportRegister } from '../settings/settings-roles';
import { fetchRegister, type RegisterQuery, saveFile } from './register-api';

const p = 'correspondenceRegister';
const DIRECTIONS = ['all', 'in', 'out'] as const;

/** The chronological register of a period (/correspondence/register), as CSV or PDF. */
export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t(`${p}.title`));
  const me = useMe();
  const today = todayIn(me.organisation.timeZone);
  const start = presetPeriod('lastMonth', today);
  const [preset, setPreset] = useState<PeriodPreset | 'custom'>('lastMonth');
  const [from, setFrom] = useState(start.from);
  const [to, setTo] = useState(start.to);
  const [direction, setDirection] = useState<RegisterQuery['direction']>('all');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const download = useMutation({
    mutationFn: (format: RegisterQuery['format']) => fetchRegister({ from, to, direction, format }),
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      notify('green', t(`${p}.downloaded`, { filename }));
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const get = (format: RegisterQuery['format']) => {
    setErrors({});
    download.mutate(format);
  };

  return (
    <Stack gap="lg">
      <Link to="/correspondence">{t('correspondence.backToInbox')}</Link>
      <Title order={1}>{t(`${p}.title`)}</Title>
      {!canExportRegister(me.role) ? (
        <Alert color="red" role="alert" title={t(`${p}.forbiddenTitle`)}>
          {t(`${p}.forbidden`)}
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            get('csv');
          }}
        >
          <Stack maw={720}>
            <Text c="dimmed">{t(`${p}.intro`)}</Text>
            {download.isError && Object.keys(errors).length === 0 && (
              <Alert color="red" role="alert" title={t(`${p}.failed`)}>
                {problemMessage(download.error, t)}
              </Alert>
            )}
            <Group align="flex-start">
              <Select
                label={t(`${p}.preset`)}
                data={[
                  ...PERIOD_PRESETS.map((x) => ({ value: x, label: t(`correspondenceFigures.presets.${x}`) })),
                  { value: 'custom', label: t('correspondenceFigures.presets.custom') },
                ]}
                value={preset}
                allowDeselect={false}
                onChange={(v) => {
                  if (!v) return;
                  setPreset(v as PeriodPreset | 'custom');
                  if (v === 'custom') return;
                  const period = presetPeriod(v as PeriodPreset, today);
                  setFrom(period.from);
                  setTo(period.to);
                }}
              />
              <TextInput
                type="date"
                label={t(`${p}.from`)}
                required
                value={from}
                onChange={(e) => {
                  setPreset('custom');
                  setFrom(e.currentTarget.value);
                }}
                error={errors.from}
              />
              <TextInput
                type="date"
                label={t(`${p}.to`)}
                required
                value={to}
                onChange={(e) => {
                  setPreset('custom');
                  setTo(e.currentTarget.value);
                }}
                error={errors.to}
              />
            </Group>
            <Radio.Group
              label={t(`${p}.direction`)}
              value={direction}
              onChange={(v) => setDirection(v as RegisterQuery['direction'])}
              error={errors.direction}
            >
              <Group mt="xs">
                {DIRECTIONS.map((d) => (
                  <Radio key={d} value={d} label={t(`${p}.directions.${d}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Fieldset legend={t(`${p}.download`)} variant="unstyled">
              <Group>
                <Button
                  type="submit"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  loading={download.isPending && download.variables === 'csv'}
                >
                  {t(`${p}.csv`)}
                </Button>
                <Button
                  variant="default"
                  leftSection={<IconDownload size={18} aria-hidden />}
                  loading={download.isPending && download.variables === 'pdf'}
                  onClick={() => get('pdf')}
                >
                  {t(`${p}.pdf`)}
                </Button>
              </Group>
            </Fieldset>
            <Text size="sm" c="dimmed">
              {t(`${p}.note`)}
            </Text>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
