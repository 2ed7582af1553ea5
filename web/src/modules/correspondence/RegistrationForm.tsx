import {
  CONFIDENTIALITY_LEVELS,
  CORRESPONDENCE_CHANNELS,
  CORRESPONDENCE_PRIORITIES,
  type TCorrespondence,
} from '@dircab/contracts';
import {
  Alert,
  Autocomplete,
  Button,
  Fieldset,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../../ui/problem-message';
import { ContactPicker } from '../directory/ContactPicker';
import { allTerritories, directoryApi, TERRITORIES_KEY } from '../directory/directory-api';
import { fieldErrors } from '../directory/directory-rules';
import { CORRESPONDENCE_KEY, correspondenceApi, TYPES_KEY } from './correspondence-api';
import { CORRESPONDENCE_PATH } from './correspondence-rules';
import { type RegistrationValues, registrationRules } from './registration-values';
import { TagsField } from './tags/TagsField';
import { useServiceTopics } from './use-services';

/** The first error on the tags or one of them, as the server names them (tags, tags.2). */
function tagsError(errors: Record<string, unknown>): string | null {
  const found = Object.entries(errors).find(([k]) => k === 'tags' || k.startsWith('tags.'));
  return found ? String(found[1]) : null;
}

// The server's field paths (sender.name…) as the form's.
const SERVER_FIELDS: Record<string, keyof RegistrationValues> = {
  'sender.name': 'senderName',
  'sender.email': 'senderEmail',
  'sender.phone': 'senderPhone',
  'sender.address': 'senderAddress',
};

interface Props {
  initial: RegistrationValues;
  submitLabel: string;
  /** Creates or updates the item (the server numbers a new one). */
  onSave: (values: RegistrationValues) => Promise<TCorrespondence>;
  onSaved: (item: TCorrespondence) => void;
}

/** The item's fields: the channel first, the writer, then what the item says. */
export function RegistrationForm({ initial, submitLabel, onSave, onSaved }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: TYPES_KEY, queryFn: correspondenceApi.types, staleTime: 5 * 60_000 });
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const topics = useServiceTopics();
  const form = useForm<RegistrationValues>({
    initialValues: initial,
    validate: {
      senderName: (v) => translate(registrationRules.senderName(v)),
      senderEmail: (v) => translate(registrationRules.senderEmail(v)),
      subject: (v) => translate(registrationRules.subject(v)),
      receivedAt: (v) => translate(registrationRules.receivedAt(v)),
    },
  });
  function translate(key: string | null) {
    return key ? t(key) : null;
  }
  const save = useMutation({
    mutationFn: onSave,
    onSuccess: async (item) => {
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
      onSaved(item);
    },
    onError: (error) => {
      const errors = fieldErrors(error);
      form.setErrors(Object.fromEntries(Object.entries(errors).map(([k, v]) => [SERVER_FIELDS[k] ?? k, v])));
    },
  });
  // A contact of the directory fills the writer's fields (still editable).
  const pickContact = async (id: string | null) => {
    form.setFieldValue('contactId', id);
    if (!id) return;
    const contact = await queryClient.fetchQuery({
      queryKey: ['contacts', 'one', id],
      queryFn: () => directoryApi.contact(id),
    });
    const address = contact.addresses[0];
    form.setValues({
      senderName: contact.displayName,
      senderEmail: contact.emails[0]?.email ?? '',
      senderPhone: contact.phones[0]?.number ?? '',
      senderAddress: address
        ? [address.line1, address.line2, `${address.postcode} ${address.city}`].filter(Boolean).join(', ')
        : '',
      ...(contact.territoryId ? { territoryId: contact.territoryId } : {}),
    });
  };

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert" title={t('correspondence.register.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Radio.Group label={t('correspondence.fields.channel')} withAsterisk {...form.getInputProps('channel')}>
          <Group mt="xs" gap="md">
            {CORRESPONDENCE_CHANNELS.map((c) => (
              <Radio key={c} value={c} label={t(`correspondence.channels.${c}`)} />
            ))}
          </Group>
        </Radio.Group>

        <Fieldset legend={t('correspondence.register.sender')}>
          <Stack>
            <ContactPicker
              label={t('correspondence.register.contact')}
              value={form.getValues().contactId}
              onChange={(id) => void pickContact(id)}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('correspondence.register.senderName')}
                required
                {...form.getInputProps('senderName')}
              />
              <TextInput
                label={t('correspondence.register.senderEmail')}
                type="email"
                {...form.getInputProps('senderEmail')}
              />
              <TextInput
                label={t('correspondence.register.senderPhone')}
                type="tel"
                {...form.getInputProps('senderPhone')}
              />
              <TextInput label={t('correspondence.register.senderAddress')} {...form.getInputProps('senderAddress')} />
            </SimpleGrid>
          </Stack>
        </Fieldset>

        <TextInput label={t('correspondence.fields.subject')} required {...form.getInputProps('subject')} />
        <Textarea
          label={t('correspondence.fields.body')}
          autosize
          minRows={4}
          maxRows={16}
          {...form.getInputProps('body')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <TextInput
            label={t('correspondence.fields.receivedAt')}
            type="datetime-local"
            required
            {...form.getInputProps('receivedAt')}
          />
          <Select
            label={t('correspondence.fields.type')}
            description={t('correspondence.register.typeHelp')}
            data={(types.data?.data ?? []).map((x) => ({ value: x.id, label: x.label }))}
            clearable
            {...form.getInputProps('typeId')}
          />
          <Autocomplete
            label={t('correspondence.fields.topic')}
            description={t('correspondence.register.topicHelp')}
            data={topics}
            {...form.getInputProps('topic')}
          />
          <Select
            label={t('correspondence.fields.territory')}
            data={(territories.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            clearable
            searchable
            nothingFoundMessage={t('correspondence.filters.nothing')}
            {...form.getInputProps('territoryId')}
          />
          <Select
            label={t('correspondence.fields.priority')}
            data={CORRESPONDENCE_PRIORITIES.map((p) => ({ value: p, label: t(`correspondence.priorities.${p}`) }))}
            allowDeselect={false}
            {...form.getInputProps('priority')}
          />
          <Select
            label={t('correspondence.fields.confidentiality')}
            data={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`directory.levels.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('confidentiality')}
          />
          <TagsField
            label={t('correspondenceTags.label')}
            value={form.values.tags}
            onChange={(tags) => form.setFieldValue('tags', tags)}
            // The server names the tag at fault (tags.2): its message shows under the field.
            error={tagsError(form.errors)}
            suggest
          />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {submitLabel}
          </Button>
          <Button component={Link} to={CORRESPONDENCE_PATH} variant="default">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
