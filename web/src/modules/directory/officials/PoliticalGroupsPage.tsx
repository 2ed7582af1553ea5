import { POLITICAL_SIDES, type TPoliticalGroup } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { TableScroller } from '../../../ui/TableScroller';
import { usePageTitle } from '../../../ui/use-page-title';
import { DirectoryTabs } from '../DirectoryTabs';
import { fieldErrors } from '../directory-rules';
import { RecordActions } from '../RecordActions';
import { MemberMultiSelect } from './MemberMultiSelect';
import { GROUPS_KEY, OFFICIALS_KEY, officialsApi } from './officials-api';
import { canSeeAffiliations, canWriteOfficials } from './officials-rules';

/**
 * /directory/groups: the council's political groups. Affiliation is sensitive: the page is
 * for the cabinet roles (the API's political_groups.read); the heads create and change them.
 */
export function PoliticalGroupsPage() {
  const { t } = useTranslation();
  usePageTitle(t('officials.groups.title'));
  const me = useMe();
  const allowed = canSeeAffiliations(me.role);
  const queryClient = useQueryClient();
  const groups = useQuery({ queryKey: GROUPS_KEY, queryFn: officialsApi.groups, enabled: allowed });
  const [editing, setEditing] = useState<TPoliticalGroup | 'new' | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: GROUPS_KEY });
    await queryClient.invalidateQueries({ queryKey: OFFICIALS_KEY });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('officials.groups.title')}</Title>
          <Text c="dimmed">{t('officials.groups.intro')}</Text>
        </div>
        {canWriteOfficials(me.role) && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setEditing('new')}>
            {t('officials.groups.new')}
          </Button>
        )}
      </Group>
      <DirectoryTabs />
      {!allowed && (
        <Alert color="gray" role="alert">
          {t('officials.groups.notAllowed')}
        </Alert>
      )}
      {groups.isError && <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />}
      {allowed && groups.isPending && <Text>{t('common.loading')}</Text>}
      {groups.data && groups.data.data.length === 0 && <Text>{t('officials.groups.empty')}</Text>}
      {groups.data && groups.data.data.length > 0 && (
        <TableScroller label={t('officials.groups.tableLabel')} minWidth={560}>
          <Table striped>
            <Table.Caption>{t('officials.groups.caption', { count: groups.data.data.length })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('officials.groups.name')}</Table.Th>
                <Table.Th scope="col">{t('officials.groups.side')}</Table.Th>
                <Table.Th scope="col">{t('officials.groups.officials')}</Table.Th>
                <Table.Th scope="col">{t('officials.groups.staff')}</Table.Th>
                <Table.Th scope="col">{t('directory.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.data.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row">{g.name}</Table.Th>
                  <Table.Td>{t(`officials.sides.${g.side}`)}</Table.Td>
                  <Table.Td>{g.officialCount}</Table.Td>
                  <Table.Td>{g.staff.length}</Table.Td>
                  <Table.Td>
                    <RecordActions
                      name={g.name}
                      policies={g.policies}
                      onEdit={() => setEditing(g)}
                      onDelete={() => officialsApi.deleteGroup(g.id)}
                      onDeleted={refresh}
                      wrap="nowrap"
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroller>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('officials.groups.new') : t('officials.groups.edit')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {editing !== null && (
          <GroupForm group={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />
        )}
      </Modal>
    </Stack>
  );
}

function GroupForm({
  group,
  onClose,
  onSaved,
}: {
  group: TPoliticalGroup | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { name: group?.name ?? '', side: group?.side ?? 'majority', staff: group?.staff ?? [] },
    validate: { name: (v: string) => (v.trim() ? null : t('officials.groups.nameRequired')) },
  });
  const submit = form.onSubmit(async (values) => {
    form.clearErrors();
    const body = { name: values.name.trim(), side: values.side };
    try {
      if (group) await officialsApi.updateGroup(group.id, { ...body, staff: values.staff });
      else {
        // A group is created without staff (the API's create takes name and side): name them next.
        const created = await officialsApi.createGroup(body);
        if (values.staff.length > 0) await officialsApi.updateGroup(created.id, { staff: values.staff });
      }
      notify('green', t('directory.saved'));
      await onSaved();
      onClose();
    } catch (error) {
      form.setErrors({ ...fieldErrors(error), _form: problemMessage(error, t) });
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {form.errors._form && (
          <Alert color="red" role="alert" title={t('officials.form.failed')}>
            {form.errors._form}
          </Alert>
        )}
        <TextInput label={t('officials.groups.name')} required {...form.getInputProps('name')} />
        <Select
          label={t('officials.groups.side')}
          data={POLITICAL_SIDES.map((s) => ({ value: s, label: t(`officials.sides.${s}`) }))}
          allowDeselect={false}
          {...form.getInputProps('side')}
        />
        <MemberMultiSelect
          label={t('officials.groups.staffPicker')}
          description={t('officials.groups.staffHelp')}
          memberRole="group_staff"
          value={form.values.staff}
          onChange={(staff) => form.setFieldValue('staff', staff)}
          error={form.errors.staff ?? staffError(form.errors)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The API names a refused staff member by position (staff.N): show it on the field. */
function staffError(errors: Record<string, unknown>): string | undefined {
  const entry = Object.entries(errors).find(([path]) => path.startsWith('staff.'));
  return entry ? String(entry[1]) : undefined;
}
