import type { TNoteDiff } from '@dircab/contracts';
import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A word-level diff: insertions underlined in green, deletions struck through in red. Colour
 * is never the only sign (WCAG 1.4.1): <ins>/<del> are underlined and struck, and named.
 */
export function VersionDiff({ diff }: { diff: TNoteDiff }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="sm" mb="xs">
        {t('notes.versions.diffCaption', { from: diff.from, to: diff.to })}
      </Text>
      <Box
        p="sm"
        style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 4, whiteSpace: 'pre-wrap' }}
        data-testid="note-diff"
      >
        {diff.parts.map((part, i) => {
          const key = `${i}-${part.added ? 'a' : part.removed ? 'r' : 's'}`;
          if (part.added)
            return (
              <ins key={key} title={t('notes.versions.added')} style={{ background: '#d3f9d8', color: '#1b4d2a' }}>
                {part.value}
              </ins>
            );
          if (part.removed)
            return (
              <del key={key} title={t('notes.versions.removed')} style={{ background: '#ffe3e3', color: '#7a1c1c' }}>
                {part.value}
              </del>
            );
          return <span key={key}>{part.value}</span>;
        })}
      </Box>
    </Box>
  );
}
