import type { TEvent, TMoveEvent } from '@dircab/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../../ui/notify';
import { problemMessage } from '../../../ui/problem-message';
import { agendaApi, EVENTS_KEY, type MovedEvent, occurrenceOf } from '../agenda-api';
import { UndoMoveMessage } from './UndoMoveMessage';

export interface MoveRequest {
  event: TEvent;
  /** Timed events: the new start (ISO with offset); all-day events: the new first day. */
  start?: string;
  startDate?: string;
}

/**
 * Moves an event (a series' occurrence alone) and offers to undo: the API answers where the
 * event was, and moving it back there is the undo.
 */
export function useMoveEvent() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: EVENTS_KEY });
  const undo = useMutation({
    mutationFn: (moved: MovedEvent) =>
      agendaApi.move(
        moved.event.id,
        moved.previous.startDate && moved.event.allDay
          ? { startDate: moved.previous.startDate }
          : { start: moved.previous.start },
      ),
    onSuccess: async () => {
      notify('green', t('agenda.move.undone'));
      await refresh();
    },
    onError: (error) => notify('red', problemMessage(error, t), t('agenda.move.failed')),
  });
  return useMutation({
    mutationFn: ({ event, start, startDate }: MoveRequest) => {
      const occurrence = occurrenceOf(event);
      const body: TMoveEvent = {
        ...(startDate ? { startDate } : { start }),
        ...(occurrence ? { occurrence } : {}),
      };
      return agendaApi.move(event.id, body);
    },
    onSuccess: async (moved) => {
      const id = `agenda-move-${moved.event.id}`;
      notifications.show({
        id,
        color: 'green',
        autoClose: 10_000,
        message: createElement(UndoMoveMessage, {
          title: moved.event.title,
          onUndo: () => {
            notifications.hide(id);
            undo.mutate(moved);
          },
        }),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
      await refresh();
    },
    onError: async (error) => {
      notify('red', problemMessage(error, t), t('agenda.move.failed'));
      await refresh();
    },
  });
}
