import type { TCorrespondenceSummary } from '@dircab/contracts';
import { Anchor, Button, Checkbox, Group, Paper, Stack, Text, Title, Typography } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { usePageTitle } from '../../ui/use-page-title';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey, SIGNATURE_BOOK_KEY } from './correspondence-api';
import { CORRESPONDENCE_PATH, itemPath } from './correspondence-rules';
import { DecisionButtons } from './DecisionButtons';

/** « Parapheur »: the replies waiting for the signature, one by one or several at once. */
export function SignatureBookPage() {
  const { t } = useTranslation();
  usePageTitle(t('correspondence.signatureBook.title'));
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const book = useInfiniteQuery({
    queryKey: SIGNATURE_BOOK_KEY,
    queryFn: ({ pageParam }) => correspondenceApi.signatureBook(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = book.data?.pages.flatMap((p) => p.data) ?? [];
  const signable = items.filter((x) => x.policies.sign);
  const batch = useMutation({
    mutationFn: () => correspondenceApi.signBatch({ ids: [...selected], decision: 'approve' }),
    onSuccess: async ({ results }) => {
      const ok = results.filter((r) => r.ok).length;
      notify(
        ok === results.length ? 'green' : 'red',
        t('correspondence.signatureBook.batchDone', { ok, failed: results.length - ok }),
      );
      setSelected(new Set());
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={CORRESPONDENCE_PATH} size="sm">
        {t('correspondence.backToInbox')}
      </Anchor>
      <div>
        <Title order={1}>{t('correspondence.signatureBook.title')}</Title>
        <Text c="dimmed">{t('correspondence.signatureBook.intro')}</Text>
      </div>
      {signable.length > 1 && (
        <Group>
          <Checkbox
            label={t('correspondence.signatureBook.selectAll')}
            checked={signable.every((x) => selected.has(x.id))}
            indeterminate={selected.size > 0 && !signable.every((x) => selected.has(x.id))}
            onChange={(e) => setSelected(e.currentTarget.checked ? new Set(signable.map((x) => x.id)) : new Set())}
          />
          <Button disabled={selected.size === 0} loading={batch.isPending} onClick={() => batch.mutate()}>
            {t('correspondence.signatureBook.signSelected', { count: selected.size })}
          </Button>
        </Group>
      )}
      {book.isError && <ErrorState error={book.error} onRetry={() => void book.refetch()} />}
      {book.isPending && <Text>{t('common.loading')}</Text>}
      {book.isSuccess && items.length === 0 && <Text>{t('correspondence.signatureBook.empty')}</Text>}
      {items.map((item) => (
        <SignatureBookEntry
          key={item.id}
          item={item}
          selected={selected.has(item.id)}
          onToggle={() => toggle(item.id)}
        />
      ))}
      <LoadMoreButton query={book} />
    </Stack>
  );
}

function SignatureBookEntry({
  item,
  selected,
  onToggle,
}: {
  item: TCorrespondenceSummary;
  selected: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  // The list carries no reply: its letter comes with the item's page (a handful per book).
  const detail = useQuery({ queryKey: itemKey(item.id), queryFn: () => correspondenceApi.item(item.id) });
  const reply = detail.data?.reply;
  return (
    <Paper withBorder p="md" component="article" aria-label={`${item.registrationNumber} · ${item.subject}`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Group gap="sm" align="flex-start">
            {item.policies.sign && (
              <Checkbox
                aria-label={t('correspondence.inbox.select', { number: item.registrationNumber })}
                checked={selected}
                onChange={onToggle}
              />
            )}
            <div>
              <Anchor component={Link} to={itemPath(item.id)} fw={500}>
                {item.registrationNumber}
              </Anchor>
              <Text size="sm">{item.subject}</Text>
              <Text size="sm" c="dimmed">
                {t('correspondence.fields.sender')} : {item.sender.name}
              </Text>
            </div>
          </Group>
          {detail.data?.policies.sign && (
            <Group gap="xs">
              <DecisionButtons item={detail.data} step="sign" />
            </Group>
          )}
        </Group>
        {reply && (
          <Paper withBorder p="sm" bg="gray.0">
            <Text size="sm" fw={500} mb="xs">
              {reply.subject} · {reply.recipient.name}
            </Text>
            <Typography>
              {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server */}
              <div dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
            </Typography>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}
