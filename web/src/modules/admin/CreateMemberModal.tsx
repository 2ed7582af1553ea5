import { rolesFor, type TRole } from '@dircab/contracts';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBERS_KEY, membersApi, type TCreatedMember } from '../../app/api/members-api';
import { problemMessage } from '../../ui/problem-message';
import { MemberServiceSelect } from '../correspondence/MemberServiceSelect';
import { TemporaryPassword } from './TemporaryPassword';
import { useRoleOptions } from './use-role-options';

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function CreateMemberModal({ opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useRoleOptions();
  const [created, setCreated] = useState<TCreatedMember | null>(null);
  const form = useForm({
    initialValues: {
      name: '',
      email: '',
      role: 'advisor',
      jobTitle: '',
      serviceId: null as string | null,
      signsMail: false,
    },
    validate: {
      name: (v) => (v.trim().length >= 2 ? null : t('admin.create.nameRequired')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('admin.create.emailInvalid')),
      role: (v) => (v ? null : t('admin.create.roleRequired')),
    },
  });
  const create = useMutation({
    mutationFn: membersApi.create,
    onSuccess: async (member) => {
      setCreated(member);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: MEMBERS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });

  const close = () => {
    form.reset();
    create.reset();
    setCreated(null);
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('admin.create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {created ? (
        <Stack>
          {created.temporaryPassword ? (
            <TemporaryPassword name={created.name} email={created.email} password={created.temporaryPassword} />
          ) : (
            <Alert color="green" title={t('admin.create.done', { name: created.name })} role="status">
              {t('admin.create.existingAccount')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form
          onSubmit={form.onSubmit((v) =>
            create.mutate({
              name: v.name.trim(),
              email: v.email.trim(),
              role: v.role as TRole,
              ...(v.jobTitle.trim() ? { jobTitle: v.jobTitle.trim() } : {}),
              ...(v.role === 'services' && v.serviceId ? { serviceId: v.serviceId } : {}),
              ...(v.signsMail && rolesFor('correspondence').includes(v.role as TRole) ? { signsMail: true } : {}),
            }),
          )}
          noValidate
        >
          <Stack>
            {create.isError && (
              <Alert color="red" role="alert" title={t('admin.create.failed')}>
                {problemMessage(create.error, t)}
              </Alert>
            )}
            <TextInput label={t('admin.members.name')} required {...form.getInputProps('name')} data-autofocus />
            <TextInput label={t('admin.members.email')} type="email" required {...form.getInputProps('email')} />
            <Select
              label={t('admin.members.role')}
              data={roles}
              required
              allowDeselect={false}
              {...form.getInputProps('role')}
            />
            <TextInput label={t('admin.members.jobTitle')} {...form.getInputProps('jobTitle')} />
            {form.getValues().role === 'services' && (
              <MemberServiceSelect
                value={form.getValues().serviceId}
                onChange={(id) => form.setFieldValue('serviceId', id)}
              />
            )}
            {rolesFor('correspondence').includes(form.getValues().role as TRole) && (
              <Checkbox
                label={t('correspondence.member.signsMail')}
                description={t('correspondence.member.signsMailHelp')}
                {...form.getInputProps('signsMail', { type: 'checkbox' })}
              />
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('admin.create.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
