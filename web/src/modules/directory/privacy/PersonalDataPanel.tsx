import type { TContact } from '@dircab/contracts';
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconEraser, IconFileExport } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { problemMessage } from '../../../ui/problem-message';
import { CONTACTS_KEY } from '../directory-api';
import { fieldErrors } from '../directory-rules';
import { privacyApi } from './privacy-api';
import { canHandlePersonalData, personalDataPath } from './privacy-rules';

/** The contact page's « Données personnelles » block: the person's export and erasure (heads). */
export function PersonalDataPanel({ contact }: { contact: TContact }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [erasing, setErasing] = useState(false);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const erase = useMutation({
    mutationFn: () => privacyApi.erase(contact.id, { reason: reason.trim() }),
    onSuccess: async () => {
      notify('green', t('privacy.erase.done'));
      setErasing(false);
      setReason('');
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
    },
  });
  if (!canHandlePersonalData(me.role)) return null;
  const reasonError = missingReason ? t('privacy.erase.reasonRequired') : fieldErrors(erase.error).reason;
  const otherError = erase.isError && !fieldErrors(erase.error).reason ? problemMessage(erase.error, t) : null;

  return (
    <Panel title={t('privacy.panel.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('privacy.panel.intro')}</Text>
        <Group>
          <Button
            component={Link}
            to={personalDataPath(contact.id)}
            variant="default"
            leftSection={<IconFileExport size={18} aria-hidden />}
          >
            {t('privacy.panel.export')}
          </Button>
          <Button
            variant="default"
            color="red"
            leftSection={<IconEraser size={18} aria-hidden />}
            onClick={() => setErasing(true)}
          >
            {t('privacy.panel.erase')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={erasing}
        onClose={() => setErasing(false)}
        title={t('privacy.erase.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim().length < 3) {
              setMissingReason(true);
              return;
            }
            setMissingReason(false);
            erase.mutate();
          }}
        >
          <Stack>
            <Text>{t('privacy.erase.confirm', { name: contact.displayName })}</Text>
            <Textarea
              label={t('privacy.erase.reason')}
              description={t('privacy.erase.reasonHelp')}
              // Our own message, not the browser's: the asterisk and aria-required say it is needed.
              withAsterisk
              aria-required
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
              data-autofocus
            />
            {otherError && (
              <Alert color="red" role="alert">
                {otherError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setErasing(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={erase.isPending}>
                {t('privacy.erase.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Panel>
  );
}
