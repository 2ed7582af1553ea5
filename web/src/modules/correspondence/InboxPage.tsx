import type { TCorrespondenceSummary } from '@dircab/contracts';
import { Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { IconKeyboard, IconPlus, IconSignature } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../../ui/ErrorState';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { useMe } from '../../ui/me-context';
import { notify } from '../../ui/notify';
import { OnceOpened } from '../../ui/OnceOpened';
import { problemMessage } from '../../ui/problem-message';
import { usePageTitle } from '../../ui/use-page-title';
import { CORRESPONDENCE_KEY, correspondenceApi, inboxKey, QUEUES_KEY } from './correspondence-api';
import { canRegister, itemPath, NEW_ITEM_PATH, SIGNATURE_BOOK_PATH, todayIn } from './correspondence-rules';
import { InboxFiltersForm } from './InboxFiltersForm';
import { InboxTable } from './InboxTable';
import { filtersFromSearch, filtersToSearch, type InboxFilters } from './inbox-filters';
import { QueueNav } from './QueueNav';
import { SavedViews } from './SavedViews';
import { SETTINGS_PATH } from './settings/settings-api';
import { sectionsFor } from './settings/settings-roles';
import { useInboxKeys } from './use-inbox-keys';
import { useServiceNames } from './use-services';

// The selection toolbar and the dialogs come when first used, not with the inbox (issue 7).
// They use the first screens' words only (i18n/first-screen-words.test.ts checks them too).
const BulkActions = lazy(() => import('./BulkActions').then((m) => ({ default: m.BulkActions })));
const RouteModal = lazy(() => import('./RouteModal').then((m) => ({ default: m.RouteModal })));
const ShortcutsModal = lazy(() => import('./ShortcutsModal').then((m) => ({ default: m.ShortcutsModal })));
const TagPicker = lazy(() => import('./tags/TagPicker').then((m) => ({ default: m.TagPicker })));

const LIMIT = 50;

/** The inbox: queues, filters kept in the URL, the dense table and keyboard triage. */
export function InboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('modules.correspondence.label'));
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const search = filtersToSearch(filters).toString();
  const [activeIndex, setActiveIndex] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [helpOpen, setHelpOpen] = useState(false);
  const [routing, setRouting] = useState<string | null>(null);
  const [tagging, setTagging] = useState<TCorrespondenceSummary | null>(null);
  const serviceName = useServiceNames();

  const list = useInfiniteQuery({
    queryKey: inboxKey(filters),
    queryFn: ({ pageParam }) => correspondenceApi.list(filters, LIMIT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const queues = useQuery({ queryKey: QUEUES_KEY, queryFn: correspondenceApi.queues, retry: false });
  const items = list.data?.pages.flatMap((p) => p.data) ?? [];
  const active: TCorrespondenceSummary | undefined = items[activeIndex];

  const apply = (next: InboxFilters) => {
    setParams(filtersToSearch(next));
    setActiveIndex(0);
    setSelected(new Set());
  };

  const accept = useMutation({
    mutationFn: (item: TCorrespondenceSummary) =>
      item.policies.accept
        ? correspondenceApi.accept(item.id)
        : correspondenceApi.route(item.id, { assignments: [{ userId: me.user.id, mode: 'action' }] }),
    onSuccess: async (item) => {
      notify('green', t('correspondence.inbox.accepted', { number: item.registrationNumber }));
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
    onError: (error) => notify('red', problemMessage(error, t)),
  });

  const move = (delta: number) => {
    if (items.length === 0) return;
    const next = Math.min(Math.max(activeIndex + delta, 0), items.length - 1);
    setActiveIndex(next);
    // The row's number link takes the focus, so a screen reader follows the keyboard too.
    document.querySelector<HTMLElement>(`[data-row-index="${next}"] a`)?.focus();
  };

  useInboxKeys(!helpOpen && routing === null && tagging === null, {
    next: () => move(1),
    previous: () => move(-1),
    open: () => active && navigate(itemPath(active.id)),
    route: () => {
      if (active?.policies.route) setRouting(active.id);
      else if (active) notify('red', t('correspondence.inbox.cannotRoute'));
    },
    accept: () => {
      if (active && (active.policies.accept || active.policies.route)) accept.mutate(active);
      else if (active) notify('red', t('correspondence.inbox.cannotAccept'));
    },
    tag: () => {
      if (active?.policies.tag) setTagging(active);
      else if (active) notify('red', t('correspondenceTags.cannotTag'));
    },
    toggleSelection: () => active && toggle(active.id),
    search: () => document.querySelector<HTMLInputElement>('input[type="search"]')?.focus(),
    help: () => setHelpOpen(true),
  });

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const selectedItems = items.filter((x) => selected.has(x.id));

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('modules.correspondence.label')}</Title>
          <Text c="dimmed">{t('correspondence.inbox.intro')}</Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconKeyboard size={18} aria-hidden />}
            onClick={() => setHelpOpen(true)}
          >
            {t('correspondence.shortcuts.open')}
          </Button>
          {/* The mayor, or whoever signs by delegation (the server counts their letters to sign). */}
          {(me.role === 'executive' || (queues.data?.to_sign ?? 0) > 0) && (
            <Button
              component={Link}
              to={SIGNATURE_BOOK_PATH}
              variant="default"
              leftSection={<IconSignature size={18} aria-hidden />}
            >
              {t('correspondence.signatureBook.title')}
            </Button>
          )}
          {/* Whoever manages at least one section (the secretariat's reply templates, say) gets there. */}
          {sectionsFor(me.role).length > 0 && (
            <Button component={Link} to={SETTINGS_PATH} variant="default">
              {t('correspondence.settings.open')}
            </Button>
          )}
          {canRegister(me.role) && (
            <Button component={Link} to={NEW_ITEM_PATH} leftSection={<IconPlus size={18} aria-hidden />}>
              {t('correspondence.register.title')}
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3, xl: 2 }}>
          <QueueNav current={filters.queue} counts={queues.data} onSelect={(queue) => apply({ ...filters, queue })} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9, xl: 10 }}>
          <Stack gap="md">
            <InboxFiltersForm key={search} value={filters} onApply={apply} />
            <SavedViews filters={filters} onOpen={apply} />
            {selectedItems.length > 0 && (
              <Suspense fallback={null}>
                <BulkActions items={selectedItems} onDone={() => setSelected(new Set())} />
              </Suspense>
            )}
            {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
            {list.isPending && <Text>{t('common.loading')}</Text>}
            {list.isSuccess && items.length === 0 && <Text>{t('correspondence.inbox.empty')}</Text>}
            {items.length > 0 && (
              <InboxTable
                items={items}
                activeIndex={activeIndex}
                selected={selected}
                onToggle={toggle}
                onToggleAll={(all) => setSelected(all ? new Set(items.map((x) => x.id)) : new Set())}
                timeZone={me.organisation.timeZone}
                today={todayIn(me.organisation.timeZone)}
                serviceName={serviceName}
              />
            )}
            <LoadMoreButton query={list} />
            <Text size="sm" c="dimmed">
              {t('correspondence.shortcuts.hint')}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
      <OnceOpened when={helpOpen}>
        <ShortcutsModal opened={helpOpen} onClose={() => setHelpOpen(false)} />
      </OnceOpened>
      <OnceOpened when={routing !== null}>
        <RouteModal itemId={routing} onClose={() => setRouting(null)} />
      </OnceOpened>
      <OnceOpened when={tagging !== null}>
        <TagPicker item={tagging} onClose={() => setTagging(null)} />
      </OnceOpened>
    </Stack>
  );
}
