import { CONTACT_KINDS, type TContact, type TContactKind } from '@dircab/contracts';
import { Anchor, Badge, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconUpload } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { http } from '../../app/api/http';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { useMe } from '../../ui/me-context';
import { TableScroller } from '../../ui/TableScroller';
import { usePageTitle } from '../../ui/use-page-title';
import { ContactFormModal } from './ContactFormModal';
import { DirectoryTabs } from './DirectoryTabs';
import {
  allTerritories,
  type ContactFilters,
  contactsKey,
  contactsUrl,
  EMPTY_CONTACT_FILTERS,
  type Page,
  TERRITORIES_KEY,
} from './directory-api';
import { canCreateContact, contactPath, formatPhone } from './directory-rules';
import { canImport, IMPORT_PATH } from './import/import-rules';
import {
  EMPTY_MANDATE_FILTERS,
  MandateFilterSelects,
  type MandateFilters,
  withMandateFilters,
} from './officials/contact-list-filters';
import { CsvExportButton } from './privacy/CsvExportButton';

const LIMIT = 50;

export function ContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.directory.label'));
  const me = useMe();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ContactFilters>(EMPTY_CONTACT_FILTERS);
  const [filters, setFilters] = useState<ContactFilters>(EMPTY_CONTACT_FILTERS);
  // Group and mandate filters (officials/contact-list-filters.tsx), applied with the others.
  const [draftMandate, setDraftMandate] = useState<MandateFilters>(EMPTY_MANDATE_FILTERS);
  const [mandateFilters, setMandateFilters] = useState<MandateFilters>(EMPTY_MANDATE_FILTERS);
  const [creating, setCreating] = useState(false);
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const territoryName = new Map((territories.data ?? []).map((x) => [x.id, x.name]));
  const list = useInfiniteQuery({
    queryKey: [...contactsKey(filters), mandateFilters],
    queryFn: ({ pageParam }) =>
      http.get<Page<TContact>>(withMandateFilters(contactsUrl(filters, LIMIT, pageParam), mandateFilters)),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const contacts = list.data?.pages.flatMap((p) => p.data) ?? [];
  const set = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('modules.directory.label')}</Title>
          <Text c="dimmed">{t('directory.intro')}</Text>
        </div>
        <Group gap="xs">
          {canImport(me.role) && (
            <Button
              component={Link}
              to={IMPORT_PATH}
              variant="default"
              leftSection={<IconUpload size={18} aria-hidden />}
            >
              {t('importWizard.open')}
            </Button>
          )}
          {canCreateContact(me.role) && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
              {t('directory.newContact')}
            </Button>
          )}
        </Group>
      </Group>
      <DirectoryTabs />
      <form
        aria-label={t('directory.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters(draft);
          setMandateFilters(draftMandate);
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('directory.search')}
            description={t('directory.searchHelp')}
            type="search"
            value={draft.q}
            onChange={(e) => set('q', e.currentTarget.value)}
          />
          <Select
            label={t('directory.kind')}
            data={CONTACT_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))}
            value={draft.kind || null}
            onChange={(v) => set('kind', (v ?? '') as TContactKind | '')}
            clearable
          />
          <TextInput label={t('directory.tag')} value={draft.tag} onChange={(e) => set('tag', e.currentTarget.value)} />
          <Select
            label={t('directory.territory')}
            data={(territories.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            value={draft.territoryId || null}
            onChange={(v) => set('territoryId', v ?? '')}
            clearable
            searchable
            nothingFoundMessage={t('directory.noTerritory')}
          />
          <MandateFilterSelects value={draftMandate} onChange={setDraftMandate} />
        </SimpleGrid>
        <Group mt="sm">
          <Button type="submit">{t('directory.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(EMPTY_CONTACT_FILTERS);
              setFilters(EMPTY_CONTACT_FILTERS);
              setDraftMandate(EMPTY_MANDATE_FILTERS);
              setMandateFilters(EMPTY_MANDATE_FILTERS);
            }}
          >
            {t('directory.reset')}
          </Button>
          {/* The filters applied to the list below, not the ones being typed. */}
          <CsvExportButton filters={{ ...filters, ...mandateFilters }} />
        </Group>
      </form>
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && contacts.length === 0 && <Text>{t('directory.empty')}</Text>}
      {contacts.length > 0 && <ContactsTable contacts={contacts} territoryName={territoryName} />}
      <LoadMoreButton query={list} />
      <ContactFormModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => navigate(contactPath(c.id))}
      />
    </Stack>
  );
}

function ContactsTable({ contacts, territoryName }: { contacts: TContact[]; territoryName: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <TableScroller label={t('directory.tableLabel')} minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Caption>{t('directory.caption', { count: contacts.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('directory.name')}</Table.Th>
            <Table.Th scope="col">{t('directory.kind')}</Table.Th>
            <Table.Th scope="col">{t('directory.territory')}</Table.Th>
            <Table.Th scope="col">{t('directory.tags')}</Table.Th>
            <Table.Th scope="col">{t('directory.mainEmail')}</Table.Th>
            <Table.Th scope="col">{t('directory.mainPhone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={contactPath(c.id)} fw={500}>
                  {c.displayName}
                </Anchor>
                {c.confidentiality !== 'normal' && (
                  <Badge ml="xs" size="sm" color="red.9" variant="filled">
                    {t(`directory.levels.${c.confidentiality}`)}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{t(`directory.kinds.${c.kind}`)}</Table.Td>
              <Table.Td>{c.territoryId ? (territoryName.get(c.territoryId) ?? '') : ''}</Table.Td>
              <Table.Td>{c.tags.join(', ')}</Table.Td>
              <Table.Td>{c.emails[0]?.email ?? ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{c.phones[0] ? formatPhone(c.phones[0].number) : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroller>
  );
}
