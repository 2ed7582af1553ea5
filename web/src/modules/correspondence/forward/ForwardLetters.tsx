import type { TCorrespondenceDetail } from '@dircab/contracts';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const FORMATS = [
  ['pdf', 'PDF'],
  ['odt', 'ODT'],
  ['docx', 'DOCX'],
] as const;

const letterUrl = (id: string, to: 'writer' | 'authority', format: string) =>
  `/api/v1/correspondence/${encodeURIComponent(id)}/forward/letter?to=${to}&format=${format}`;

/** A forwarded item's two letters (to the writer, to the authority), to print or file again. */
export function ForwardLetters({ item }: { item: TCorrespondenceDetail }) {
  const { t } = useTranslation();
  if (item.status !== 'forwarded') return null;
  return (
    <Stack gap={4}>
      {(['writer', 'authority'] as const).map((to) => (
        <Group key={to} gap="md">
          <Text size="sm">{t(`correspondenceForward.letters.${to}`)}</Text>
          {FORMATS.map(([format, label]) => (
            <Anchor
              key={format}
              href={letterUrl(item.id, to, format)}
              size="sm"
              aria-label={t('correspondenceForward.letters.download', {
                letter: t(`correspondenceForward.letters.${to}`),
                format: label,
              })}
            >
              {label}
            </Anchor>
          ))}
        </Group>
      ))}
    </Stack>
  );
}
