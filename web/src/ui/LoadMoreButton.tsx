import { Button, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** A TanStack infinite query: the button shows only while it has a next page. */
  query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  size?: ButtonProps['size'];
}

/** "Afficher la suite" under a cursor-paginated list. */
export function LoadMoreButton({ query, size }: Props) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="default"
      {...(size ? { size } : {})}
      onClick={() => void query.fetchNextPage()}
      loading={query.isFetchingNextPage}
      style={{ alignSelf: 'flex-start' }}
    >
      {t('common.loadMore')}
    </Button>
  );
}
