import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ExportedRelation {
  id: string;
  kind: string;
  direction: 'outgoing' | 'incoming';
  other: { displayName: string };
  label: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** The export's `relations` source as it arrives (plain JSON from the registry). */
export function isRelationList(data: unknown): data is ExportedRelation[] {
  return (
    Array.isArray(data) &&
    data.every((r) => typeof r === 'object' && r !== null && 'kind' in r && 'other' in r && 'direction' in r)
  );
}

/** « préside Comité des fêtes de Plum (trésorier) », one line per relation. */
export function RelationList({ relations }: { relations: ExportedRelation[] }) {
  const { t } = useTranslation();
  if (relations.length === 0) return <Text size="sm">{t('directory.none')}</Text>;
  return (
    <List size="sm">
      {relations.map((r) => (
        <List.Item key={r.id}>
          {[
            t(`privacy.export.relationKinds.${r.kind}`, { defaultValue: r.kind }),
            r.other.displayName,
            r.label ? `(${r.label})` : '',
            r.direction === 'incoming' ? t('privacy.export.incoming') : '',
            [r.startDate, r.endDate].filter(Boolean).join(' – '),
          ]
            .filter(Boolean)
            .join(' ')}
        </List.Item>
      ))}
    </List>
  );
}
