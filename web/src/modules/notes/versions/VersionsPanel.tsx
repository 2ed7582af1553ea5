import type { TNote } from '@dircab/contracts';
import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../ui/ErrorState';
import { formatDateTime } from '../../../ui/format';
import { useMe } from '../../../ui/me-context';
import { Panel } from '../../../ui/Panel';
import { noteKey, notesApi } from '../notes-api';
import { usePersonName } from '../use-people';
import { VersionDiff } from './VersionDiff';

/** Every saved version of the text, and what changed between two of them. */
export function VersionsPanel({ note }: { note: TNote }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const personName = usePersonName();
  const versions = useQuery({
    queryKey: [...noteKey(note.id), 'versions', note.version],
    queryFn: () => notesApi.versions(note.id),
  });
  const list = versions.data?.data ?? [];
  const numbers = list.map((v) => v.number).sort((a, b) => a - b);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  // By default: the last version against the one before it.
  const fromN = Number(from ?? numbers.at(-2) ?? 0);
  const toN = Number(to ?? numbers.at(-1) ?? 0);
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const diff = useQuery({
    queryKey: [...noteKey(note.id), 'diff', asked?.from, asked?.to],
    queryFn: () => notesApi.diff(note.id, asked?.to ?? 0, asked?.from ?? 0),
    enabled: asked !== null,
  });
  const options = numbers.map((n) => ({ value: String(n), label: t('notes.versions.number', { number: n }) }));
  return (
    <Panel title={t('notes.versions.title')}>
      <Stack>
        {versions.isError && <ErrorState error={versions.error} />}
        {list.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('notes.versions.version')}</Table.Th>
                <Table.Th scope="col">{t('notes.versions.author')}</Table.Th>
                <Table.Th scope="col">{t('notes.versions.savedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((v) => (
                <Table.Tr key={v.number}>
                  <Table.Td>{t('notes.versions.number', { number: v.number })}</Table.Td>
                  <Table.Td>{personName(v.authorId)}</Table.Td>
                  <Table.Td>{formatDateTime(v.updatedAt, me.organisation.timeZone, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {numbers.length < 2 ? (
          <Text size="sm" c="dimmed">
            {t('notes.versions.onlyOne')}
          </Text>
        ) : (
          <Group align="flex-end">
            <Select
              label={t('notes.versions.from')}
              data={options}
              value={String(fromN)}
              onChange={setFrom}
              allowDeselect={false}
              w={160}
            />
            <Select
              label={t('notes.versions.to')}
              data={options}
              value={String(toN)}
              onChange={setTo}
              allowDeselect={false}
              w={160}
            />
            <Button variant="default" onClick={() => setAsked({ from: fromN, to: toN })} disabled={fromN === toN}>
              {t('notes.versions.compare')}
            </Button>
          </Group>
        )}
        {diff.isError && <ErrorState error={diff.error} />}
        {diff.data && <VersionDiff diff={diff.data} />}
      </Stack>
    </Panel>
  );
}
