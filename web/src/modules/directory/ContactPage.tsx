import type { TContact } from '@dircab/contracts';
import { Alert, Anchor, Badge, Button, Group, List, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { HistoryPanel } from '../../ui/HistoryPanel';
import { notify } from '../../ui/notify';
import { Panel } from '../../ui/Panel';
import { problemMessage } from '../../ui/problem-message';
import { usePageTitle } from '../../ui/use-page-title';
import { ContactFormModal } from './ContactFormModal';
import { DuplicatesPanel } from './DuplicatesPanel';
import { allTerritories, CONTACTS_KEY, contactKey, directoryApi, TERRITORIES_KEY } from './directory-api';
import { DIRECTORY_PATH, formatPhone } from './directory-rules';
import { ContactMandatesPanel } from './officials/ContactMandatesPanel';
import { PersonalDataPanel } from './privacy/PersonalDataPanel';
import { RelationsPanel } from './RelationsPanel';
import { TimelinePanel } from './TimelinePanel';

export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const contact = useQuery({ queryKey: contactKey(id), queryFn: () => directoryApi.contact(id), retry: false });
  const missing = contact.error instanceof ApiError && (contact.error.status === 404 || contact.error.status === 400);
  usePageTitle(contact.data?.displayName ?? (missing ? t('directory.notFound.title') : t('modules.directory.label')));

  if (missing) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={1}>{t('directory.notFound.title')}</Title>
        <Alert color="gray" role="alert">
          {t('directory.notFound.body')}
        </Alert>
        <Button component={Link} to={DIRECTORY_PATH}>
          {t('directory.backToList')}
        </Button>
      </Stack>
    );
  }
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  if (!contact.data) return <Text>{t('common.loading')}</Text>;
  return <ContactView contact={contact.data} />;
}

function ContactView({ contact }: { contact: TContact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const territory = territories.data?.find((x) => x.id === contact.territoryId);
  const remove = useMutation({
    mutationFn: () => directoryApi.deleteContact(contact.id),
    onSuccess: async () => {
      notify('green', t('directory.deleted', { name: contact.displayName }));
      queryClient.removeQueries({ queryKey: contactKey(contact.id) });
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
      navigate(DIRECTORY_PATH);
    },
  });
  const person = contact.kind === 'person';
  const identity = person
    ? [contact.jobTitle, contact.employer].filter(Boolean).join(' · ')
    : contact.orgType
      ? t(`directory.orgTypes.${contact.orgType}`)
      : '';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={DIRECTORY_PATH} size="sm">
        {t('directory.backToList')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={1}>{contact.displayName}</Title>
            {contact.confidentiality !== 'normal' && (
              <Badge color="red.9" variant="filled">
                {t(`directory.levels.${contact.confidentiality}`)}
              </Badge>
            )}
          </Group>
          <Text c="dimmed">
            {t(`directory.kinds.${contact.kind}`)}
            {identity ? ` · ${identity}` : ''}
          </Text>
        </div>
        <Group>
          {contact.policies.update && (
            <Button leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)}>
              {t('directory.edit')}
            </Button>
          )}
          {contact.policies.delete && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={18} aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('directory.delete')}
            </Button>
          )}
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Panel title={t('directory.identity')}>
          <Stack gap={6}>
            <Field label={t('directory.civility')} value={contact.civility} />
            <Field label={t('directory.formOfAddress')} value={contact.formOfAddress} />
            {person ? (
              <>
                <Field label={t('directory.jobTitle')} value={contact.jobTitle} />
                <Field label={t('directory.employer')} value={contact.employer} />
              </>
            ) : (
              <Field
                label={t('directory.orgType')}
                value={contact.orgType ? t(`directory.orgTypes.${contact.orgType}`) : null}
              />
            )}
            <Field label={t('directory.territory')} value={territory?.name ?? null} />
            <Field label={t('directory.tags')} value={contact.tags.join(', ') || null} />
            <Field label={t('directory.source')} value={contact.source} />
            <Field
              label={t('directory.consent')}
              value={
                contact.consent
                  ? contact.consentDate
                    ? t('directory.consentOn', { date: contact.consentDate })
                    : t('common.yes')
                  : t('common.no')
              }
            />
            <Field label={t('directory.confidentiality')} value={t(`directory.levels.${contact.confidentiality}`)} />
          </Stack>
        </Panel>
        <Panel title={t('directory.coordinates')}>
          <Stack gap="sm">
            <div>
              <Text fw={600} size="sm">
                {t('directory.emails')}
              </Text>
              {contact.emails.length === 0 ? (
                <Text size="sm">{t('directory.none')}</Text>
              ) : (
                <List size="sm" listStyleType="none" spacing={2}>
                  {contact.emails.map((e) => (
                    <List.Item key={e.email}>
                      {e.label ? `${e.label} : ` : ''}
                      <Anchor href={`mailto:${e.email}`}>{e.email}</Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
            <div>
              <Text fw={600} size="sm">
                {t('directory.phones')}
              </Text>
              {contact.phones.length === 0 ? (
                <Text size="sm">{t('directory.none')}</Text>
              ) : (
                <List size="sm" listStyleType="none" spacing={2}>
                  {contact.phones.map((p) => (
                    <List.Item key={p.number}>
                      {p.label ? `${p.label} : ` : ''}
                      <Anchor href={`tel:${p.number}`}>{formatPhone(p.number)}</Anchor>
                    </List.Item>
                  ))}
                </List>
              )}
            </div>
            <div>
              <Text fw={600} size="sm">
                {t('directory.addresses')}
              </Text>
              {contact.addresses.length === 0 ? (
                <Text size="sm">{t('directory.none')}</Text>
              ) : (
                contact.addresses.map((a) => (
                  <Text key={`${a.line1}-${a.postcode}-${a.city}`} size="sm" component="address" fs="normal" mb={4}>
                    {a.label && (
                      <>
                        <strong>{a.label}</strong>
                        <br />
                      </>
                    )}
                    {a.line1}
                    <br />
                    {a.line2 && (
                      <>
                        {a.line2}
                        <br />
                      </>
                    )}
                    {a.postcode} {a.city}
                    {a.country ? `, ${a.country}` : ''}
                  </Text>
                ))
              )}
            </div>
          </Stack>
        </Panel>
      </SimpleGrid>
      <Panel title={t('directory.notes')}>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {contact.notes || t('directory.none')}
        </Text>
      </Panel>
      {person && <ContactMandatesPanel contact={contact} />}
      <PersonalDataPanel contact={contact} />
      <DuplicatesPanel contact={contact} />
      <RelationsPanel contact={contact} />
      <TimelinePanel contact={contact} />
      <HistoryPanel recordType="contact" recordId={contact.id} />

      <ContactFormModal
        opened={editing}
        onClose={() => setEditing(false)}
        contact={contact}
        onSaved={(saved) => queryClient.setQueryData(contactKey(saved.id), saved)}
      />
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('directory.deleteTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Text>{t('directory.deleteConfirm', { name: contact.displayName })}</Text>
          {remove.isError && (
            <Alert color="red" role="alert">
              {problemMessage(remove.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('directory.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      <Text span fw={600}>
        {label} :
      </Text>{' '}
      {value || t('directory.none')}
    </Text>
  );
}
