import type { TQueueCounts } from '@dircab/contracts';
import { Badge, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INBOX_QUEUES, type InboxQueue } from './inbox-filters';

interface Props {
  current: InboxQueue;
  counts: TQueueCounts | undefined;
  onSelect: (queue: InboxQueue) => void;
}

/** The inbox's queues, with how many items wait in each (the server's counts, when it has them). */
export function QueueNav({ current, counts, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <Stack component="nav" aria-label={t('correspondence.queues.label')} gap={2}>
      {INBOX_QUEUES.map((queue) => {
        const count = counts && queue in counts ? counts[queue as keyof TQueueCounts] : undefined;
        return (
          <NavLink
            key={queue}
            component="button"
            type="button"
            label={t(`correspondence.queues.${queue}`)}
            active={queue === current}
            aria-current={queue === current ? 'page' : undefined}
            onClick={() => onSelect(queue)}
            rightSection={
              count !== undefined && count > 0 ? (
                <Badge size="sm" variant="filled" color={queue === 'overdue' ? 'red.9' : 'gray.8'} circle={count < 10}>
                  {count}
                </Badge>
              ) : null
            }
          />
        );
      })}
    </Stack>
  );
}
