import type { TGatewayToken } from '@dircab/contracts';
import { Alert, Badge, Button, Code, CopyButton, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { TableScroller } from '../../../ui/TableScroller';
import { fieldErrors } from '../../directory/directory-rules';
import { SectionError } from './SectionError';
import { GATEWAY_KEY, gatewayApi } from './settings-api';

const p = 'correspondenceSettings.gateway';

/**
 * The mail gateway's tokens: a mailbox forwarder posts each raw message to the inbound route
 * with one. The secret is shown once, at creation; revoking cuts the gateway off at once.
 */
export function GatewayTokensPanel() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: GATEWAY_KEY, queryFn: gatewayApi.list });
  const [label, setLabel] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [secret, setSecret] = useState<{ label: string; token: string } | null>(null);
  const [revoking, setRevoking] = useState<TGatewayToken | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: GATEWAY_KEY });
  const create = useMutation({
    mutationFn: () => gatewayApi.create({ label: label.trim() }),
    onSuccess: (created) => {
      setSecret({ label: created.label, token: created.token });
      setLabel('');
      void refresh();
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => gatewayApi.revoke(id),
    onSuccess: (token) => {
      setRevoking(null);
      notify('green', t(`${p}.revoked`, { label: token.label }));
      void refresh();
    },
  });

  if (list.isError) return <SectionError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.data ?? [];
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: me.organisation.timeZone,
  });
  const inboundUrl = `${window.location.origin}/api/v1/correspondence/inbound`;
  return (
    <Stack>
      <Text c="dimmed" maw={760}>
        {t(`${p}.intro`)}
      </Text>
      <Text size="sm">
        {t(`${p}.usage`)} <Code>POST {inboundUrl}</Code> — <Code>Content-Type: message/rfc822</Code> —{' '}
        <Code>Authorization: Bearer …</Code>
      </Text>
      {secret && (
        <Alert color="green" role="status" title={t(`${p}.createdTitle`, { label: secret.label })}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t(`${p}.onceOnly`)}</Text>
            {/* Wrapped, never scrolled: the whole secret is in view to be checked. */}
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
              {secret.token}
            </Code>
            <Group gap="xs">
              <CopyButton value={secret.token}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? t('common.copied') : t(`${p}.copy`)}
                  </Button>
                )}
              </CopyButton>
              <Button size="xs" variant="default" onClick={() => setSecret(null)}>
                {t(`${p}.hideSecret`)}
              </Button>
            </Group>
          </Stack>
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          create.mutate();
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t(`${p}.label`)}
            description={t(`${p}.labelHelp`)}
            required
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            error={errors.label}
            w={360}
          />
          <Button type="submit" loading={create.isPending}>
            {t(`${p}.create`)}
          </Button>
        </Group>
        {create.isError && !errors.label && (
          <Alert color="red" role="alert" mt="sm">
            {problemMessage(create.error, t)}
          </Alert>
        )}
      </form>
      <TableScroller label={t(`${p}.title`)} minWidth={720}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${p}.label`)}</Table.Th>
              <Table.Th>{t(`${p}.prefix`)}</Table.Th>
              <Table.Th>{t(`${p}.createdAt`)}</Table.Th>
              <Table.Th>{t(`${p}.lastUsedAt`)}</Table.Th>
              <Table.Th>{t(`${p}.status`)}</Table.Th>
              <Table.Th>{t(`${p}.actions`)}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((token) => (
              <Table.Tr key={token.id}>
                <Table.Td>{token.label}</Table.Td>
                <Table.Td>
                  <Code>{token.prefix}…</Code>
                </Table.Td>
                <Table.Td>{date.format(new Date(token.createdAt))}</Table.Td>
                <Table.Td>{token.lastUsedAt ? date.format(new Date(token.lastUsedAt)) : t(`${p}.never`)}</Table.Td>
                <Table.Td>
                  <Badge variant="outline" color={token.revokedAt ? 'red.9' : 'gray.8'}>
                    {token.revokedAt
                      ? t(`${p}.revokedOn`, { date: date.format(new Date(token.revokedAt)) })
                      : t(`${p}.active`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {token.policies.revoke && (
                    <Button size="xs" variant="default" onClick={() => setRevoking(token)}>
                      {t(`${p}.revokeOne`, { label: token.label })}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroller>
      {list.isPending && <Text>{t('common.loading')}</Text>}
      {list.isSuccess && rows.length === 0 && <Text>{t(`${p}.empty`)}</Text>}
      {revoking && (
        <Modal
          opened
          onClose={() => {
            setRevoking(null);
            revoke.reset();
          }}
          title={t(`${p}.confirmTitle`)}
          closeButtonProps={{ 'aria-label': t('common.close') }}
        >
          <Stack>
            <Text>{t(`${p}.confirmText`, { label: revoking.label })}</Text>
            {revoke.isError && (
              <Alert color="red" role="alert">
                {problemMessage(revoke.error, t)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(revoking.id)}>
                {t(`${p}.confirmRevoke`)}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
