import { ActionIcon, Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactFormValues, EmailRow, PhoneRow } from './contact-form-values';

interface Props {
  form: UseFormReturnType<ContactFormValues>;
  /** The list edited: each row has a free label and one value. */
  list: 'emails' | 'phones';
  valueField: 'email' | 'number';
  inputType: 'email' | 'tel';
  legend: string;
  help?: string;
  /** i18n keys, each taking the row number `n`. */
  labelKey: string;
  valueKey: string;
  removeKey: string;
  addLabel: string;
  newRow: () => EmailRow | PhoneRow;
}

/** Repeatable "label + value" rows of the contact form (e-mails, phones), with add and remove. */
export function LabelledValueRows(p: Props) {
  const { t } = useTranslation();
  const rows = p.form.getValues()[p.list];
  return (
    <Fieldset legend={p.legend}>
      <Stack>
        {p.help && (
          <Text size="sm" c="dimmed">
            {p.help}
          </Text>
        )}
        {rows.map((row, i) => (
          <Group key={row.key} align="flex-end" wrap="nowrap">
            <TextInput label={t(p.labelKey, { n: i + 1 })} w="35%" {...p.form.getInputProps(`${p.list}.${i}.label`)} />
            <TextInput
              label={t(p.valueKey, { n: i + 1 })}
              type={p.inputType}
              required
              style={{ flex: 1 }}
              {...p.form.getInputProps(`${p.list}.${i}.${p.valueField}`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mb={4}
              aria-label={t(p.removeKey, { n: i + 1 })}
              onClick={() => p.form.removeListItem(p.list, i)}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          size="xs"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => p.form.insertListItem(p.list, p.newRow())}
          style={{ alignSelf: 'flex-start' }}
        >
          {p.addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}
