import type { TOfficial } from '@dircab/contracts';
import { Alert, Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../../app/api/http';
import { ErrorState } from '../../../ui/ErrorState';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { Panel } from '../../../ui/Panel';
import { usePageTitle } from '../../../ui/use-page-title';
import { DeleteButton } from '../DeleteButton';
import { contactPath } from '../directory-rules';
import { MandatesTable } from './MandatesTable';
import { OfficialFormModal } from './OfficialFormModal';
import { OFFICIALS_KEY, OFFICIALS_PATH, officialKey, officialsApi } from './officials-api';
import { canSeeAffiliations, inForce, mandateOrder, todayIso } from './officials-rules';

/** /directory/officials/:id: an official's mandates, portfolios, group and account. */
export function OfficialPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const official = useQuery({ queryKey: officialKey(id), queryFn: () => officialsApi.official(id), retry: false });
  const missing =
    official.error instanceof ApiError && (official.error.status === 404 || official.error.status === 400);
  usePageTitle(official.data?.displayName ?? (missing ? t('officials.notFound.title') : t('officials.title')));

  if (missing) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={1}>{t('officials.notFound.title')}</Title>
        <Alert color="gray" role="alert">
          {t('officials.notFound.body')}
        </Alert>
        <Button component={Link} to={OFFICIALS_PATH}>
          {t('officials.backToList')}
        </Button>
      </Stack>
    );
  }
  if (official.isError) return <ErrorState error={official.error} onRetry={() => void official.refetch()} />;
  if (!official.data) return <Text>{t('common.loading')}</Text>;
  return <OfficialView official={official.data} />;
}

function OfficialView({ official }: { official: TOfficial }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const today = todayIso();
  const mandates = [...official.mandates].sort(
    (a, b) => Number(inForce(b, today)) - Number(inForce(a, today)) || mandateOrder(a) - mandateOrder(b),
  );

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={OFFICIALS_PATH} size="sm">
        {t('officials.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{official.displayName}</Title>
          <Anchor component={Link} to={contactPath(official.contactId)} size="sm">
            {t('officials.contactCard')}
          </Anchor>
        </div>
        <Group gap="xs">
          {official.policies.update && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setEditing(true)}
            >
              {t('officials.edit')}
            </Button>
          )}
          {official.policies.delete && (
            <DeleteButton
              name={official.displayName}
              onConfirm={async () => {
                await officialsApi.deleteOfficial(official.id);
                notify('green', t('officials.removed', { name: official.displayName }));
                queryClient.removeQueries({ queryKey: officialKey(official.id) });
                await queryClient.invalidateQueries({ queryKey: OFFICIALS_KEY });
                navigate(OFFICIALS_PATH);
              }}
            />
          )}
        </Group>
      </Group>

      <Panel title={t('officials.mandates')}>
        {mandates.length === 0 ? (
          <Text>{t('officials.noMandate')}</Text>
        ) : (
          <MandatesTable mandates={mandates} label={t('officials.mandatesLabel')} inForce={(m) => inForce(m, today)} />
        )}
      </Panel>

      <Panel title={t('officials.portfolios')}>
        {official.portfolios.length === 0 ? (
          <Text>{t('officials.noPortfolio')}</Text>
        ) : (
          <List>
            {official.portfolios.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        )}
      </Panel>

      {canSeeAffiliations(me.role) && (
        <Panel title={t('officials.group')}>
          <Text>
            {official.politicalGroup
              ? `${official.politicalGroup.name} (${t(`officials.sides.${official.politicalGroup.side}`)})`
              : t('officials.noGroup')}
          </Text>
        </Panel>
      )}

      <Panel title={t('officials.account')}>
        <Text>
          {official.userId === null
            ? t('officials.noAccount')
            : official.userId === me.user.id
              ? t('officials.accountIsYou')
              : t('officials.hasAccount')}
        </Text>
      </Panel>

      <OfficialFormModal
        opened={editing}
        official={official}
        onClose={() => setEditing(false)}
        onSaved={() => setEditing(false)}
      />
    </Stack>
  );
}
