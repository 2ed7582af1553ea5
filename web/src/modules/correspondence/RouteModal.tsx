import type { TCorrespondenceDetail, TRouteCorrespondence } from '@dircab/contracts';
import { Alert, Button, Group, List, Modal, MultiSelect, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey } from './correspondence-api';
import { useServiceOptions } from './use-services';

interface Props {
  /** The item to route; the modal is closed without one. */
  itemId: string | null;
  onClose: () => void;
  onRouted?: (item: TCorrespondenceDetail) => void;
}

/**
 * Routing (imputation): the suggestion comes preselected, so « i » then Entrée routes an
 * item whose suggestion is right; otherwise a service for action and others for information.
 */
export function RouteModal({ itemId, onClose, onRouted }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={itemId !== null}
      onClose={onClose}
      title={t('correspondence.route.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {itemId && <RouteForm itemId={itemId} onClose={onClose} onRouted={onRouted} />}
    </Modal>
  );
}

function RouteForm({ itemId, onClose, onRouted }: { itemId: string } & Omit<Props, 'itemId'>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const item = useQuery({ queryKey: itemKey(itemId), queryFn: () => correspondenceApi.item(itemId) });
  const services = useServiceOptions();
  const suggested = item.data?.suggestion?.assignments ?? [];
  const [custom, setCustom] = useState(false);
  const [actionServiceId, setActionServiceId] = useState<string | null>(null);
  const [infoServiceIds, setInfoServiceIds] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const useSuggestion = !custom && suggested.length > 0;
  // The form comes after the item loads, when the modal has already focused its close button:
  // the focus moves to « Imputer » so Entrée confirms (« i » then Entrée).
  const submitRef = useRef<HTMLButtonElement>(null);
  const loaded = item.data !== undefined;
  useEffect(() => {
    if (loaded) submitRef.current?.focus();
  }, [loaded]);

  const route = useMutation({
    mutationFn: (body: TRouteCorrespondence) => correspondenceApi.route(itemId, body),
    onSuccess: async (routed) => {
      notify('green', t('correspondence.route.done', { number: routed.registrationNumber }));
      queryClient.setQueryData(itemKey(itemId), routed);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
      onRouted?.(routed);
      onClose();
    },
  });

  const submit = () => {
    const note = comment.trim() ? { comment: comment.trim() } : {};
    if (useSuggestion) {
      const assignments = suggested.map((a) => ({
        mode: a.mode,
        ...(a.serviceId ? { serviceId: a.serviceId } : {}),
        ...(a.userId ? { userId: a.userId } : {}),
      }));
      route.mutate({ assignments, ...note });
      return;
    }
    if (!actionServiceId) {
      setError(t('correspondence.route.serviceRequired'));
      return;
    }
    const information = infoServiceIds
      .filter((id) => id !== actionServiceId)
      .map((serviceId) => ({ serviceId, mode: 'information' as const }));
    route.mutate({ assignments: [{ serviceId: actionServiceId, mode: 'action' }, ...information], ...note });
  };

  if (item.isError) return <Alert color="red">{problemMessage(item.error, t)}</Alert>;
  if (!item.data) return <Text>{t('common.loading')}</Text>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack>
        <Text fw={500}>
          {item.data.registrationNumber} · {item.data.subject}
        </Text>
        {route.isError && (
          <Alert color="red" role="alert" title={t('correspondence.route.failed')}>
            {problemMessage(route.error, t)}
          </Alert>
        )}
        {useSuggestion ? (
          <Stack gap="xs">
            <Text size="sm" fw={500}>
              {t('correspondence.route.suggested')}
            </Text>
            <List size="sm">
              {suggested.map((a) => (
                <List.Item key={`${a.serviceId}-${a.userId}`}>
                  {a.label} · {t(`correspondence.route.modes.${a.mode}`)}
                </List.Item>
              ))}
            </List>
            {item.data.suggestion?.explanation && (
              <Text size="sm" c="dimmed">
                {item.data.suggestion.explanation}
              </Text>
            )}
            <Button variant="subtle" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setCustom(true)}>
              {t('correspondence.route.change')}
            </Button>
          </Stack>
        ) : (
          <>
            <Select
              label={t('correspondence.route.actionService')}
              data={services}
              value={actionServiceId}
              onChange={(v) => {
                setActionServiceId(v);
                setError(null);
              }}
              searchable
              required
              error={error}
              nothingFoundMessage={t('correspondence.filters.nothing')}
            />
            <MultiSelect
              label={t('correspondence.route.infoServices')}
              data={services.filter((s) => s.value !== actionServiceId)}
              value={infoServiceIds}
              onChange={setInfoServiceIds}
              searchable
            />
          </>
        )}
        <Textarea
          label={t('correspondence.route.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={route.isPending} ref={submitRef}>
            {t('correspondence.route.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
