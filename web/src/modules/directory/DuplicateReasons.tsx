import type { TDuplicateReason } from '@dircab/contracts';
import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Why two contacts look alike: « nom proche », « même courriel »… */
export function DuplicateReasons({ reasons }: { reasons: readonly TDuplicateReason[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {reasons.map((r) => (
        <Badge key={r} variant="outline" color="gray.8" size="sm" tt="none">
          {t(`duplicates.reasons.${r}`)}
        </Badge>
      ))}
    </Group>
  );
}
