import type { TMember } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { useUpdateMember } from './use-update-member';

interface Props {
  member: TMember;
}

/** Disable (with a confirmation: it signs the person out) or enable a member. */
export function ActiveToggle({ member }: Props) {
  const { t } = useTranslation();
  const update = useUpdateMember();
  const [confirming, setConfirming] = useState(false);
  const canDisable = member.active && member.policies.disable === true;
  const canEnable = !member.active && member.policies.enable === true;
  if (!canDisable && !canEnable) return null;

  const apply = (active: boolean) =>
    update.mutate(
      { userId: member.userId, changes: { active } },
      {
        onSuccess: () => {
          setConfirming(false);
          notify(
            'green',
            active
              ? t('admin.active.enabled', { name: member.name })
              : t('admin.active.disabled', { name: member.name }),
          );
        },
      },
    );

  return (
    <>
      {update.isError && !confirming && (
        <Alert color="red" role="alert" title={t('admin.edit.failed')}>
          {problemMessage(update.error, t)}
        </Alert>
      )}
      <Group>
        {canDisable ? (
          <Button color="red.9" variant="outline" onClick={() => setConfirming(true)}>
            {t('admin.active.disable')}
          </Button>
        ) : (
          <Button variant="outline" onClick={() => apply(true)} loading={update.isPending}>
            {t('admin.active.enable')}
          </Button>
        )}
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('admin.active.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text size="sm">{t('admin.active.confirmBody', { name: member.name })}</Text>
          {update.isError && (
            <Alert color="red" role="alert">
              {problemMessage(update.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" onClick={() => apply(false)} loading={update.isPending}>
              {t('admin.active.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
