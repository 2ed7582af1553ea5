import type { TCorrespondenceItemType, TCreateItemType } from '@dircab/contracts';
import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../ui/problem-message';
import { itemTypesApi } from './settings-api';

interface Props {
  editing: TCorrespondenceItemType | 'new';
  onClose: () => void;
  onSaved: () => void;
}

type Rule = 'acceptance' | 'rejection' | 'none';

/** Creates or edits one item type; the server's 400/409 message stays in the modal. */
export function ItemTypeModal({ editing, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const start = editing === 'new' ? null : editing;
  const [code, setCode] = useState(start?.code ?? '');
  const [label, setLabel] = useState(start?.label ?? '');
  const [ack, setAck] = useState(start?.acknowledgementDue ?? false);
  const [rule, setRule] = useState<Rule>(start?.implicitDecisionRule ?? 'none');
  const [months, setMonths] = useState<number>(start?.implicitDecisionMonths ?? 2);
  const [days, setDays] = useState<number | ''>(start?.processingWorkingDays ?? '');

  const save = useMutation({
    mutationFn: () => {
      const body: TCreateItemType = {
        code: code.trim(),
        label: label.trim(),
        acknowledgementDue: ack,
        implicitDecisionRule: rule === 'none' ? null : rule,
        implicitDecisionMonths: months,
        processingWorkingDays: days === '' ? null : days,
      };
      return start ? itemTypesApi.update(start.id, body) : itemTypesApi.create(body);
    },
    onSuccess: onSaved,
  });

  const p = 'correspondence.settings.types';
  return (
    <Modal opened onClose={onClose} title={t(start ? `${p}.edit` : `${p}.create`)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          {save.isError && <Alert color="red">{problemMessage(save.error, t)}</Alert>}
          <TextInput label={t(`${p}.code`)} required value={code} onChange={(e) => setCode(e.currentTarget.value)} />
          <TextInput label={t(`${p}.label`)} required value={label} onChange={(e) => setLabel(e.currentTarget.value)} />
          <Checkbox
            label={t(`${p}.acknowledgementDue`)}
            checked={ack}
            onChange={(e) => setAck(e.currentTarget.checked)}
          />
          <Select
            label={t(`${p}.rule`)}
            value={rule}
            allowDeselect={false}
            onChange={(v) => setRule((v as Rule | null) ?? 'none')}
            data={(['acceptance', 'rejection', 'none'] as const).map((r) => ({
              value: r,
              label: t(`${p}.rules.${r}`),
            }))}
          />
          <NumberInput
            label={t(`${p}.months`)}
            min={1}
            max={24}
            value={months}
            onChange={(v) => setMonths(typeof v === 'number' ? v : 2)}
          />
          <NumberInput
            label={t(`${p}.workingDays`)}
            description={t(`${p}.workingDaysHint`)}
            min={1}
            value={days}
            onChange={(v) => setDays(typeof v === 'number' ? v : '')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
