import type { TPolicies } from '@dircab/contracts';
import { Button, Group, type GroupProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { DeleteButton } from './DeleteButton';

/**
 * A reference record's « Modifier » and « Supprimer » (territories, services, political
 * groups), each shown only when the record's policies allow it, named after the record.
 */
export function RecordActions({
  name,
  policies,
  onEdit,
  onDelete,
  onDeleted,
  ...group
}: {
  name: string;
  policies: TPolicies;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
  /** After the success notice: refresh the list. */
  onDeleted: () => Promise<unknown>;
} & GroupProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" {...group}>
      {policies.update && (
        <Button size="xs" variant="default" aria-label={t('directory.editNamed', { name })} onClick={onEdit}>
          {t('directory.edit')}
        </Button>
      )}
      {policies.delete && (
        <DeleteButton
          name={name}
          onConfirm={async () => {
            await onDelete();
            notify('green', t('directory.deleted', { name }));
            await onDeleted();
          }}
        />
      )}
    </Group>
  );
}
