import { ActionIcon, Button, Kbd } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { palette } from './palette-store';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The palette must be findable without knowing the shortcut. */
export function SearchButton() {
  const { t } = useTranslation();
  return (
    <>
      <Button
        variant="default"
        size="compact-sm"
        visibleFrom="sm"
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={<Kbd size="xs">{isMac ? '⌘ K' : 'Ctrl K'}</Kbd>}
        onClick={() => palette.open()}
        aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}
      >
        {t('palette.open')}
      </Button>
      <ActionIcon variant="default" hiddenFrom="sm" onClick={() => palette.open()} aria-label={t('palette.open')}>
        <IconSearch size={18} aria-hidden />
      </ActionIcon>
    </>
  );
}
