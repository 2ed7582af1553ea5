import {
  MANDATE_BODIES,
  MANDATE_FUNCTIONS,
  type TCreateOfficial,
  type TMandateBody,
  type TMandateFunction,
  type TMandateInput,
  type TOfficial,
} from '@dircab/contracts';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { directoryApi, EMPTY_CONTACT_FILTERS } from '../directory-api';
import { fieldErrors } from '../directory-rules';
import { MemberSelect } from './MemberPicker';
import { GROUPS_KEY, OFFICIALS_KEY, officialKey, officialsApi } from './officials-api';
import { canSeeAffiliations } from './officials-rules';
import { useMandateLabel } from './use-mandate-label';

interface Props {
  opened: boolean;
  /** The official to edit; a new one when null. */
  official: TOfficial | null;
  onClose: () => void;
  onSaved: (official: TOfficial) => void;
}

export function OfficialFormModal({ opened, official, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={official ? t('officials.form.editTitle', { name: official.displayName }) : t('officials.form.newTitle')}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <OfficialForm official={official} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

interface MandateValues {
  function: TMandateFunction;
  rank: string;
  label: string;
  body: TMandateBody;
  bodyName: string;
  startDate: string;
  endDate: string;
}

interface FormValues {
  contactId: string;
  /** The official's user account (an active member), or null. */
  userId: string | null;
  portfolios: string;
  groupId: string;
  mandates: MandateValues[];
}

const NO_GROUP = 'none';
const blank = (s: string) => (s.trim() ? s.trim() : null);

/** Imported mandates keep their register key: the form shows them, the API leaves them be. */
const isImported = (m: { source: string | null }) => m.source === 'rne';

export const newMandate = (): MandateValues => ({
  function: 'conseiller_municipal',
  rank: '',
  label: '',
  body: 'conseil_municipal',
  bodyName: '',
  startDate: '',
  endDate: '',
});

/** The form's mandate rows as the API takes them (empty fields left out or null). */
export function toMandateInputs(rows: MandateValues[]): TMandateInput[] {
  return rows.map((m) => ({
    function: m.function,
    rank: m.rank.trim() ? Number(m.rank) : null,
    label: blank(m.label),
    body: m.body,
    bodyName: blank(m.bodyName),
    startDate: blank(m.startDate),
    endDate: blank(m.endDate),
  }));
}

function OfficialForm({ official, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const mandateLabel = useMandateLabel();
  const [search, setSearch] = useState('');
  const seesGroups = canSeeAffiliations(me.role);
  const groups = useQuery({ queryKey: GROUPS_KEY, queryFn: officialsApi.groups, enabled: seesGroups });
  const people = useQuery({
    queryKey: ['contacts', 'picker', search],
    queryFn: () => directoryApi.contacts({ ...EMPTY_CONTACT_FILTERS, q: search, kind: 'person' }, 20, null),
    enabled: !official && search.trim().length >= 2,
  });
  const form = useForm<FormValues>({
    initialValues: {
      contactId: official?.contactId ?? '',
      userId: official?.userId ?? null,
      portfolios: official?.portfolios.join('\n') ?? '',
      groupId: official?.politicalGroup?.id ?? NO_GROUP,
      mandates: (official?.mandates ?? [])
        .filter((m) => !isImported(m))
        .map((m) => ({
          function: m.function,
          rank: m.rank ? String(m.rank) : '',
          label: m.label ?? '',
          body: m.body,
          bodyName: m.bodyName ?? '',
          startDate: m.startDate ?? '',
          endDate: m.endDate ?? '',
        })),
    },
    validate: {
      contactId: (v) => (official || v ? null : t('officials.form.contactRequired')),
    },
  });
  const imported = (official?.mandates ?? []).filter(isImported);

  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    const group = groups.data?.data.find((g) => g.id === values.groupId);
    const body = {
      userId: values.userId,
      mandates: toMandateInputs(values.mandates),
      portfolios: values.portfolios
        .split(/\n|;/)
        .map((p) => p.trim())
        .filter(Boolean),
      ...(seesGroups ? { politicalGroup: group ? { name: group.name, side: group.side } : null } : {}),
    };
    try {
      const saved = official
        ? await officialsApi.updateOfficial(official.id, body)
        : await officialsApi.createOfficial({ contactId: values.contactId, ...body } satisfies TCreateOfficial);
      notify('green', t('officials.form.saved', { name: saved.displayName }));
      queryClient.setQueryData(officialKey(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: OFFICIALS_KEY });
      await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
      onSaved(saved);
      onClose();
    } catch (error) {
      form.setErrors({ ...fieldErrors(error), _form: problemMessage(error, t) });
    }
  });
  const formError = form.errors._form;

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert" title={t('officials.form.failed')}>
            {formError}
          </Alert>
        )}
        {!official && (
          <Select
            label={t('officials.form.contact')}
            description={t('officials.form.contactHelp')}
            required
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={(people.data?.data ?? []).map((c) => ({ value: c.id, label: c.displayName }))}
            nothingFoundMessage={
              search.trim().length >= 2 ? t('officials.form.noContact') : t('officials.form.typeTwo')
            }
            {...form.getInputProps('contactId')}
          />
        )}
        <MemberSelect
          label={t('officials.form.account')}
          description={t('officials.form.accountHelp')}
          value={form.values.userId}
          onChange={(userId) => form.setFieldValue('userId', userId)}
          error={form.errors.userId}
        />
        <Textarea
          label={t('officials.portfolios')}
          description={t('officials.form.portfoliosHelp')}
          rows={3}
          {...form.getInputProps('portfolios')}
        />
        {seesGroups && (
          <Select
            label={t('officials.group')}
            description={t('officials.form.groupHelp')}
            data={[
              { value: NO_GROUP, label: t('officials.noGroup') },
              ...(groups.data?.data ?? []).map((g) => ({
                value: g.id,
                label: `${g.name} (${t(`officials.sides.${g.side}`)})`,
              })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('groupId')}
          />
        )}
        {imported.length > 0 && (
          <Text size="sm">
            {t('officials.form.importedMandates', { list: imported.map((m) => mandateLabel(m)).join(', ') })}
          </Text>
        )}
        {form.values.mandates.map((_, i) => (
          <Fieldset
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional, as the API's mandates.N paths
            key={i}
            legend={t('officials.form.mandateN', { n: i + 1 })}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('officials.form.functionN', { n: i + 1 })}
                data={MANDATE_FUNCTIONS.map((f) => ({ value: f, label: t(`officials.functions.${f}`) }))}
                allowDeselect={false}
                {...form.getInputProps(`mandates.${i}.function`)}
              />
              <TextInput
                label={t('officials.form.rankN', { n: i + 1 })}
                description={t('officials.form.rankHelp')}
                inputMode="numeric"
                {...form.getInputProps(`mandates.${i}.rank`)}
              />
              <TextInput
                label={t('officials.form.labelN', { n: i + 1 })}
                {...form.getInputProps(`mandates.${i}.label`)}
              />
              <Select
                label={t('officials.form.bodyN', { n: i + 1 })}
                data={MANDATE_BODIES.map((b) => ({ value: b, label: t(`officials.bodies.${b}`) }))}
                allowDeselect={false}
                {...form.getInputProps(`mandates.${i}.body`)}
              />
              <TextInput
                label={t('officials.form.startN', { n: i + 1 })}
                type="date"
                {...form.getInputProps(`mandates.${i}.startDate`)}
              />
              <TextInput
                label={t('officials.form.endN', { n: i + 1 })}
                type="date"
                {...form.getInputProps(`mandates.${i}.endDate`)}
              />
            </SimpleGrid>
            <Button
              mt="sm"
              size="xs"
              variant="default"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => form.removeListItem('mandates', i)}
            >
              {t('officials.form.removeMandateN', { n: i + 1 })}
            </Button>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => form.insertListItem('mandates', newMandate())}
          >
            {t('officials.form.addMandate')}
          </Button>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {official ? t('common.save') : t('officials.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
