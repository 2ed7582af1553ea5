import type { TContact, TCorrespondenceDetail, TForwardCorrespondence } from '@dircab/contracts';
import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contactLinksApi } from '../../directory/contact-links-api';
import { CONTACTS_KEY } from '../../directory/directory-api';

interface Props {
  item: TCorrespondenceDetail;
  opened: boolean;
  loading: boolean;
  /** The server's refusal, in French. */
  error: string | null;
  onClose: () => void;
  onSubmit: (body: TForwardCorrespondence) => void;
}

function addressOf(contact: TContact): string {
  const a = contact.addresses[0];
  if (!a) return '';
  return [a.line1, a.line2, `${a.postcode} ${a.city}`, a.country].filter(Boolean).join('\n');
}

/**
 * Forwarding to the competent authority (CRPA L.114-2): the authority picked from the
 * directory (its address and email come along) or typed, and a word for it. The server
 * registers the cover letter and the letter telling the writer, and emails what it can.
 */
export function ForwardModal({ item, opened, loading, error, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [contactId, setContactId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [comment, setComment] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const found = useQuery({
    queryKey: [...CONTACTS_KEY, 'pick', debounced],
    queryFn: () => contactLinksApi.pick(debounced),
    enabled: debounced.length >= 2,
    staleTime: 30_000,
  });
  const contacts = found.data?.data ?? [];
  const chosen = contacts.find((c) => c.id === contactId);
  const options = contacts.map((c) => ({ value: c.id, label: c.displayName }));
  const data = contactId && !chosen && name ? [{ value: contactId, label: name }, ...options] : options;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('correspondenceForward.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) {
            setNameError(t('correspondenceForward.required'));
            return;
          }
          onSubmit({
            authority: name.trim(),
            ...(contactId ? { authorityContactId: contactId } : {}),
            ...(email.trim() ? { authorityEmail: email.trim() } : {}),
            ...(address.trim() ? { authorityAddress: address.trim() } : {}),
            ...(comment.trim() ? { comment: comment.trim() } : {}),
          });
        }}
      >
        <Stack>
          <Text size="sm">{t('correspondenceForward.intro')}</Text>
          <Select
            label={t('correspondenceForward.directory')}
            description={t('correspondenceForward.directoryHint')}
            placeholder={t('relations.pickerPlaceholder')}
            searchable
            clearable
            data={data}
            value={contactId}
            onSearchChange={setSearch}
            onChange={(id) => {
              setContactId(id);
              const contact = contacts.find((c) => c.id === id);
              if (!contact) return;
              setName(contact.displayName);
              setEmail(contact.emails[0]?.email ?? '');
              setAddress(addressOf(contact));
              setNameError(null);
            }}
            filter={({ options: all }) => all}
            nothingFoundMessage={debounced.length >= 2 ? t('relations.pickerNothing') : t('relations.pickerHint')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('correspondenceForward.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
            error={nameError}
            required
            // Typing the name is the usual case; an open, empty directory list would also fail axe.
            data-autofocus
          />
          <TextInput
            type="email"
            label={t('correspondenceForward.email')}
            description={t('correspondenceForward.emailHint')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <Textarea
            label={t('correspondenceForward.address')}
            value={address}
            onChange={(e) => setAddress(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Textarea
            label={t('correspondenceForward.comment')}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            autosize
            minRows={2}
            error={error}
          />
          <Text size="sm">
            {item.sender.email
              ? t('correspondenceForward.writerByEmail', { email: item.sender.email })
              : t('correspondenceForward.writerByPost')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={loading}>
              {t('correspondenceForward.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
