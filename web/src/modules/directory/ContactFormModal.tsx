import { CIVILITIES, CONFIDENTIALITY_LEVELS, CONTACT_ORG_TYPES, type TContact } from '@dircab/contracts';
import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import {
  type ContactFormValues,
  initialValues,
  newAddress,
  newEmail,
  newPhone,
  toPayload,
} from './contact-form-values';
import { allTerritories, CONTACTS_KEY, directoryApi, TERRITORIES_KEY } from './directory-api';
import { fieldErrors } from './directory-rules';
import { LabelledValueRows } from './LabelledValueRows';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The contact to edit; a new one without it. */
  contact?: TContact;
  onSaved?: (contact: TContact) => void;
}

export function ContactFormModal({ opened, onClose, contact, onSaved }: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={contact ? t('directory.form.editTitle', { name: contact.displayName }) : t('directory.form.newTitle')}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <ContactForm contact={contact} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function ContactForm({ contact, onClose, onSaved }: Omit<Props, 'opened'>) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const territories = useQuery({ queryKey: TERRITORIES_KEY, queryFn: allTerritories, staleTime: 60_000 });
  const form = useForm<ContactFormValues>({
    initialValues: initialValues(contact),
    validate: {
      lastName: (v, all) => (all.kind === 'person' && !v.trim() ? t('directory.form.lastNameRequired') : null),
      name: (v, all) => (all.kind === 'organisation' && !v.trim() ? t('directory.form.nameRequired') : null),
    },
  });
  const save = useMutation({
    mutationFn: (values: ContactFormValues) => {
      const body = toPayload(values, contact?.members ?? [], me.user.id);
      return contact ? directoryApi.updateContact(contact.id, body) : directoryApi.createContact(body);
    },
    onSuccess: async (saved) => {
      notify('green', contact ? t('directory.form.updated') : t('directory.form.created', { name: saved.displayName }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: CONTACTS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const v = form.getValues();
  const person = v.kind === 'person';
  const territoryOptions = (territories.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {save.isError && (
          <Alert color="red" role="alert" title={t('directory.form.failed')}>
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="contact-kind-label">
            {t('directory.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="contact-kind-label"
            data={[
              { value: 'person', label: t('directory.kinds.person') },
              { value: 'organisation', label: t('directory.kinds.organisation') },
            ]}
            {...form.getInputProps('kind')}
          />
        </Stack>
        {person ? (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('directory.civility')}
              data={CIVILITIES.map((c) => ({ value: c, label: c }))}
              clearable
              {...form.getInputProps('civility')}
            />
            <TextInput label={t('directory.firstName')} {...form.getInputProps('firstName')} />
            <TextInput label={t('directory.lastName')} required {...form.getInputProps('lastName')} />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('directory.orgName')} required {...form.getInputProps('name')} />
            <Select
              label={t('directory.orgType')}
              data={CONTACT_ORG_TYPES.map((o) => ({ value: o, label: t(`directory.orgTypes.${o}`) }))}
              clearable
              {...form.getInputProps('orgType')}
            />
          </SimpleGrid>
        )}
        <TextInput
          label={t('directory.formOfAddress')}
          description={t('directory.form.formOfAddressHelp')}
          {...form.getInputProps('formOfAddress')}
        />
        {person && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('directory.jobTitle')} {...form.getInputProps('jobTitle')} />
            <TextInput label={t('directory.employer')} {...form.getInputProps('employer')} />
          </SimpleGrid>
        )}

        <Fieldset legend={t('directory.addresses')}>
          <Stack>
            {v.addresses.map((row, i) => (
              <Stack key={row.key} gap="xs">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput
                    label={t('directory.form.addressLabel', { n: i + 1 })}
                    {...form.getInputProps(`addresses.${i}.label`)}
                  />
                  <TextInput
                    label={t('directory.form.line1', { n: i + 1 })}
                    required
                    {...form.getInputProps(`addresses.${i}.line1`)}
                  />
                  <TextInput
                    label={t('directory.form.line2', { n: i + 1 })}
                    {...form.getInputProps(`addresses.${i}.line2`)}
                  />
                  <TextInput
                    label={t('directory.form.postcode', { n: i + 1 })}
                    required
                    inputMode="numeric"
                    {...form.getInputProps(`addresses.${i}.postcode`)}
                  />
                  <TextInput
                    label={t('directory.form.city', { n: i + 1 })}
                    required
                    {...form.getInputProps(`addresses.${i}.city`)}
                  />
                  <TextInput
                    label={t('directory.form.country', { n: i + 1 })}
                    {...form.getInputProps(`addresses.${i}.country`)}
                  />
                </SimpleGrid>
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={16} aria-hidden />}
                  onClick={() => form.removeListItem('addresses', i)}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('directory.form.removeAddress', { n: i + 1 })}
                </Button>
              </Stack>
            ))}
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => form.insertListItem('addresses', newAddress())}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('directory.form.addAddress')}
            </Button>
          </Stack>
        </Fieldset>

        <LabelledValueRows
          form={form}
          list="emails"
          valueField="email"
          inputType="email"
          legend={t('directory.emails')}
          labelKey="directory.form.emailLabel"
          valueKey="directory.form.email"
          removeKey="directory.form.removeEmail"
          addLabel={t('directory.form.addEmail')}
          newRow={newEmail}
        />

        <LabelledValueRows
          form={form}
          list="phones"
          valueField="number"
          inputType="tel"
          legend={t('directory.phones')}
          help={t('directory.form.phoneHelp')}
          labelKey="directory.form.phoneLabel"
          valueKey="directory.form.phone"
          removeKey="directory.form.removePhone"
          addLabel={t('directory.form.addPhone')}
          newRow={newPhone}
        />

        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('directory.territory')}
            data={territoryOptions}
            clearable
            searchable
            nothingFoundMessage={territories.isPending ? t('common.loading') : t('directory.noTerritory')}
            {...form.getInputProps('territoryId')}
          />
          <TagsInput
            label={t('directory.tags')}
            description={t('directory.form.tagsHelp')}
            clearable
            {...form.getInputProps('tags')}
          />
        </SimpleGrid>
        <Textarea label={t('directory.notes')} rows={3} {...form.getInputProps('notes')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('directory.source')} {...form.getInputProps('source')} />
          <Checkbox
            label={t('directory.consentGiven')}
            mt={{ sm: 'xl' }}
            {...form.getInputProps('consent', { type: 'checkbox' })}
          />
        </SimpleGrid>
        <Select
          label={t('directory.confidentiality')}
          data={CONFIDENTIALITY_LEVELS.map((c) => ({ value: c, label: t(`directory.levels.${c}`) }))}
          allowDeselect={false}
          description={t(`directory.levelHelp.${v.confidentiality}`)}
          {...form.getInputProps('confidentiality')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {contact ? t('common.save') : t('directory.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
