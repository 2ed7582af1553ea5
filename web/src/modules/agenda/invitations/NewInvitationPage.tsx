import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../../ui/me-context';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { usePageTitle } from '../../../ui/use-page-title';
import { correspondenceApi, itemKey } from '../../correspondence/correspondence-api';
import { ContactPicker } from '../../directory/ContactPicker';
import { fieldErrors } from '../../directory/directory-rules';
import { todayIn } from './agenda-time';
import {
  emptyInvitation,
  FIELD_OF_PATH,
  type InvitationFormValues,
  KINDS,
  toCreateInvitation,
} from './invitation-form-values';
import { INVITATIONS_KEY, INVITATIONS_PATH, invitationPath, invitationsApi } from './invitations-api';

/** Records an invitation received; from an incoming letter (`?fromItem=`) its subject, writer and day come filled. */
export function NewInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const timeZone = useMe().organisation.timeZone;
  const [params] = useSearchParams();
  const fromItem = params.get('fromItem');
  const [values, setValues] = useState<InvitationFormValues>(() => emptyInvitation(todayIn(timeZone)));
  const [errors, setErrors] = useState<Partial<Record<keyof InvitationFormValues, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  usePageTitle(t('agendaInvitations.create.title'));
  const set = <K extends keyof InvitationFormValues>(key: K, value: InvitationFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const letter = useQuery({
    queryKey: itemKey(fromItem ?? ''),
    queryFn: () => correspondenceApi.item(fromItem ?? ''),
    enabled: Boolean(fromItem),
    retry: false,
  });
  // The letter fills what it knows, once.
  useEffect(() => {
    const item = letter.data;
    if (!item) return;
    setValues((v) => ({
      ...v,
      title: item.subject.slice(0, 200),
      organiserContactId: item.senderContactId,
      organiserName: item.sender.name,
      receivedOn: todayIn(timeZone, new Date(item.receivedAt)),
    }));
  }, [letter.data, timeZone]);

  const create = useMutation({
    mutationFn: () => invitationsApi.create(toCreateInvitation(values, timeZone, fromItem)),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });
      notify('green', t('agendaInvitations.create.done'));
      navigate(invitationPath(created.id));
    },
    onError: (error) => {
      const byPath = fieldErrors(error);
      const mapped: Partial<Record<keyof InvitationFormValues, string>> = {};
      for (const [path, message] of Object.entries(byPath)) {
        const field = FIELD_OF_PATH[path];
        if (field && !mapped[field]) mapped[field] = message;
      }
      setErrors(mapped);
      setFormError(problemMessage(error, t));
    },
  });

  return (
    <Stack gap="md" maw={820}>
      <Anchor component={Link} to={INVITATIONS_PATH} size="sm">
        {t('agendaInvitations.backToList')}
      </Anchor>
      <Title order={1}>{t('agendaInvitations.create.title')}</Title>
      {fromItem && letter.data && (
        <Text size="sm">{t('agendaInvitations.create.fromLetter', { number: letter.data.registrationNumber })}</Text>
      )}
      {fromItem && letter.isError && (
        <Alert color="red.9" variant="outline" role="alert">
          {problemMessage(letter.error, t)}
        </Alert>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setErrors({});
          setFormError(null);
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={t('agendaInvitations.fields.title')}
            withAsterisk
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
            maxLength={200}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ContactPicker
              label={t('agendaInvitations.fields.organiserContact')}
              value={values.organiserContactId}
              onChange={(id) => set('organiserContactId', id)}
            />
            <TextInput
              label={t('agendaInvitations.fields.organiserName')}
              description={t('agendaInvitations.fields.organiserNameHint')}
              value={values.organiserName}
              onChange={(e) => set('organiserName', e.currentTarget.value)}
              error={errors.organiserName}
            />
          </SimpleGrid>
          <Select
            label={t('agendaInvitations.fields.kind')}
            data={KINDS.map((k) => ({ value: k, label: t(`agendaInvitations.kinds.${k}`) }))}
            value={values.kind}
            onChange={(k) => k && set('kind', k as InvitationFormValues['kind'])}
            allowDeselect={false}
          />
          <Checkbox
            label={t('agendaInvitations.fields.allDay')}
            checked={values.allDay}
            onChange={(e) => set('allDay', e.currentTarget.checked)}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              type="date"
              label={t('agendaInvitations.fields.day')}
              withAsterisk
              value={values.day}
              onChange={(e) => set('day', e.currentTarget.value)}
              error={errors.day}
            />
            {values.allDay ? (
              <TextInput
                type="date"
                label={t('agendaInvitations.fields.endDay')}
                value={values.endDay}
                onChange={(e) => set('endDay', e.currentTarget.value)}
                error={errors.endDay}
              />
            ) : (
              <>
                <TextInput
                  type="time"
                  label={t('agendaInvitations.fields.startTime')}
                  withAsterisk
                  value={values.startTime}
                  onChange={(e) => set('startTime', e.currentTarget.value)}
                  error={errors.startTime}
                />
                <TextInput
                  type="time"
                  label={t('agendaInvitations.fields.endTime')}
                  withAsterisk
                  value={values.endTime}
                  onChange={(e) => set('endTime', e.currentTarget.value)}
                  error={errors.endTime}
                />
              </>
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('agendaInvitations.fields.placeLabel')}
              value={values.placeLabel}
              onChange={(e) => set('placeLabel', e.currentTarget.value)}
              error={errors.placeLabel}
            />
            <TextInput
              label={t('agendaInvitations.fields.placeAddress')}
              value={values.placeAddress}
              onChange={(e) => set('placeAddress', e.currentTarget.value)}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label={t('agendaInvitations.fields.answerBy')}
              withAsterisk
              value={values.answerBy}
              onChange={(e) => set('answerBy', e.currentTarget.value)}
              error={errors.answerBy}
            />
            <TextInput
              type="date"
              label={t('agendaInvitations.fields.receivedOn')}
              value={values.receivedOn}
              onChange={(e) => set('receivedOn', e.currentTarget.value)}
              error={errors.receivedOn}
            />
          </SimpleGrid>
          <Textarea
            label={t('agendaInvitations.fields.notes')}
            autosize
            minRows={2}
            value={values.notes}
            onChange={(e) => set('notes', e.currentTarget.value)}
          />
          {formError && (
            <Alert color="red.9" variant="outline" role="alert">
              {formError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('agendaInvitations.create.submit')}
            </Button>
            <Button component={Link} to={INVITATIONS_PATH} variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
