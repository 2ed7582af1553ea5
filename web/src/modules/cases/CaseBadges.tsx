import type { TCase } from '@dircab/contracts';
import { Badge, Group, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * What a reader must notice at once: confidentiality, a high risk, an escalation to the mayor.
 * Filled dark badges for the warnings, outlined dark grey for the rest (light grey fails contrast).
 */
export function CaseBadges({ value, size = 'md' }: { value: TCase; size?: MantineSize }) {
  const { t } = useTranslation();
  const high = value.riskLevel === 'high' || value.riskLevel === 'critical';
  return (
    <Group gap={4} mt={2} component="span" style={{ display: 'inline-flex' }} ml="xs">
      {value.confidentiality !== 'normal' && (
        <Badge size={size} color="red.9" variant="filled">
          {t(`cases.levels.${value.confidentiality}`)}
        </Badge>
      )}
      {high && (
        <Badge size={size} color="red.9" variant="outline">
          {t('cases.riskBadge', { level: t(`cases.risks.${value.riskLevel}`) })}
        </Badge>
      )}
      {value.escalation && value.status !== 'closed' && (
        <Badge size={size} color="gray.8" variant="outline">
          {t('cases.escalated')}
        </Badge>
      )}
    </Group>
  );
}
