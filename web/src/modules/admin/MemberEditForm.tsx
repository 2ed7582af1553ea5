import { rolesFor, type TMember, type TRole, type TUpdateMember } from '@dircab/contracts';
import { Alert, Button, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { MemberServiceSelect } from '../correspondence/MemberServiceSelect';
import { useRoleOptions } from './use-role-options';
import { useUpdateMember } from './use-update-member';

interface Props {
  member: TMember;
}

/** Role and job title; the role select only appears when the member's policies allow it. */
export function MemberEditForm({ member }: Props) {
  const { t } = useTranslation();
  const roles = useRoleOptions();
  const update = useUpdateMember();
  const [role, setRole] = useState<string>(member.role);
  const [jobTitle, setJobTitle] = useState(member.jobTitle ?? '');
  const [serviceId, setServiceId] = useState<string | null>(member.serviceId);
  const [signsMail, setSignsMail] = useState(member.signsMail);
  const canChangeRole = member.policies.changeRole === true;
  const canUpdate = member.policies.update === true;
  if (!canUpdate) return null;

  const changes: TUpdateMember = {};
  if (canChangeRole && role !== member.role) changes.role = role as TRole;
  if (jobTitle.trim() !== (member.jobTitle ?? '')) changes.jobTitle = jobTitle.trim() || null;
  if (serviceId !== member.serviceId) changes.serviceId = serviceId;
  if (signsMail !== member.signsMail) changes.signsMail = signsMail;
  const dirty = Object.keys(changes).length > 0;

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!dirty) return;
        update.mutate({ userId: member.userId, changes }, { onSuccess: () => notify('green', t('admin.edit.saved')) });
      }}
    >
      <Stack gap="sm">
        {update.isError && (
          <Alert color="red" role="alert" title={t('admin.edit.failed')}>
            {problemMessage(update.error, t)}
          </Alert>
        )}
        {canChangeRole ? (
          <Select
            label={t('admin.members.role')}
            data={roles}
            value={role}
            onChange={(v) => v && setRole(v)}
            allowDeselect={false}
          />
        ) : (
          <Text size="sm">
            {t('admin.members.role')} : {t(`roles.${member.role}`)}
          </Text>
        )}
        <TextInput
          label={t('admin.members.jobTitle')}
          value={jobTitle}
          onChange={(e) => setJobTitle(e.currentTarget.value)}
          maxLength={120}
        />
        {(role === 'services' || member.serviceId) && <MemberServiceSelect value={serviceId} onChange={setServiceId} />}
        {(rolesFor('correspondence').includes(role as TRole) || member.signsMail) && (
          <Checkbox
            label={t('correspondence.member.signsMail')}
            description={t('correspondence.member.signsMailHelp')}
            checked={signsMail}
            onChange={(e) => setSignsMail(e.currentTarget.checked)}
          />
        )}
        <Group>
          <Button type="submit" disabled={!dirty} loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
