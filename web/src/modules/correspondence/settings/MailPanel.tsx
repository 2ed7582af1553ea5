import {
  MAIL_SECURITY_MODES,
  type TMailSecurity,
  type TMailSettings,
  type TUpdateMailSettings,
} from '@dircab/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { fieldErrors } from '../../directory/directory-rules';
import { SectionError } from './SectionError';
import { MAIL_KEY, mailApi } from './settings-api';

const p = 'correspondenceSettings.mail';
const DEFAULT_PORT: Record<TMailSecurity, number> = { tls: 465, starttls: 587, none: 25 };

/** The SMTP server acknowledgements, replies and digests leave by; the password is never shown back. */
export function MailPanel() {
  const { t } = useTranslation();
  const current = useQuery({ queryKey: MAIL_KEY, queryFn: mailApi.get });
  if (current.isError) return <SectionError error={current.error} onRetry={() => void current.refetch()} />;
  if (!current.data) return <Text>{t('common.loading')}</Text>;
  return <MailForm key={current.data.updatedAt ?? 'none'} start={current.data} />;
}

function MailForm({ start }: { start: TMailSettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [host, setHost] = useState(start.host ?? '');
  const [security, setSecurity] = useState<TMailSecurity>(start.security);
  const [port, setPort] = useState<number | ''>(start.port ?? DEFAULT_PORT[start.security]);
  const [user, setUser] = useState(start.user ?? '');
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [fromAddress, setFromAddress] = useState(start.fromAddress ?? '');
  const [fromName, setFromName] = useState(start.fromName ?? '');
  const [replyTo, setReplyTo] = useState(start.replyTo ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: () => {
      const body: TUpdateMailSettings = {
        host: host.trim(),
        port: port === '' ? 0 : port,
        security,
        user: user.trim() || null,
        fromAddress: fromAddress.trim(),
        fromName: fromName.trim(),
        replyTo: replyTo.trim() || null,
      };
      // Left empty: the stored password stays (it is never sent back to be shown).
      if (removePassword) body.password = null;
      else if (password) body.password = password;
      return mailApi.save(body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(MAIL_KEY, saved);
      notify('green', t(`${p}.saved`));
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const test = useMutation({
    mutationFn: mailApi.test,
    onSuccess: (result) => notify('green', t(`${p}.testSent`, { to: result.sentTo })),
  });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        save.mutate();
      }}
    >
      <Stack maw={900}>
        <Text c="dimmed">{t(`${p}.intro`)}</Text>
        {!start.configured && <Text size="sm">{t(`${p}.notConfigured`)}</Text>}
        {save.isError && (
          <Alert color="red" role="alert" title={t(`${p}.failed`)}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t(`${p}.host`)}
            description={t(`${p}.hostHelp`)}
            required
            value={host}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={errors.host}
          />
          <Select
            label={t(`${p}.security`)}
            data={MAIL_SECURITY_MODES.map((m) => ({ value: m, label: t(`${p}.securities.${m}`) }))}
            value={security}
            allowDeselect={false}
            onChange={(v) => {
              if (!v) return;
              const next = v as TMailSecurity;
              // The usual port of the mode, unless someone typed another.
              if (port === '' || port === DEFAULT_PORT[security]) setPort(DEFAULT_PORT[next]);
              setSecurity(next);
            }}
            error={errors.security}
          />
          <NumberInput
            label={t(`${p}.port`)}
            required
            min={1}
            max={65535}
            value={port}
            onChange={(v) => setPort(typeof v === 'number' ? v : '')}
            error={errors.port}
          />
          <TextInput
            label={t(`${p}.user`)}
            autoComplete="off"
            value={user}
            onChange={(e) => setUser(e.currentTarget.value)}
            error={errors.user}
          />
          <PasswordInput
            label={t(`${p}.password`)}
            description={t(start.passwordSet ? `${p}.passwordKept` : `${p}.passwordNone`)}
            autoComplete="new-password"
            disabled={removePassword}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('common.togglePassword') }}
          />
          {start.passwordSet && (
            <Checkbox
              mt="xl"
              label={t(`${p}.removePassword`)}
              checked={removePassword}
              onChange={(e) => setRemovePassword(e.currentTarget.checked)}
            />
          )}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t(`${p}.fromAddress`)}
            type="email"
            required
            value={fromAddress}
            onChange={(e) => setFromAddress(e.currentTarget.value)}
            error={errors.fromAddress}
          />
          <TextInput
            label={t(`${p}.fromName`)}
            required
            value={fromName}
            onChange={(e) => setFromName(e.currentTarget.value)}
            error={errors.fromName}
          />
          <TextInput
            label={t(`${p}.replyTo`)}
            type="email"
            value={replyTo}
            onChange={(e) => setReplyTo(e.currentTarget.value)}
            error={errors.replyTo}
          />
        </SimpleGrid>
        {test.isError && (
          <Alert color="red" role="alert" title={t(`${p}.testFailed`)}>
            {problemMessage(test.error, t)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
          {start.policies.test && (
            <Button variant="default" loading={test.isPending} onClick={() => test.mutate()}>
              {t(`${p}.test`)}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
