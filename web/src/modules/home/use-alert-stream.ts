import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

export const ALERTS_KEY = ['alerts'] as const;
export const ALERTS_STREAM_URL = '/api/v1/alerts/stream';

/** Pauses before opening a stream again after the server refused or dropped it (doubling). */
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 60_000;

export type StreamState = 'connecting' | 'live' | 'reconnecting';

/**
 * Keeps the alert feed fresh: the server's stream says « the feed changed » (no content), and
 * the feed is read again with the user's rights. The browser reconnects a dropped stream by
 * itself; a stream it gave up on (the server answered an error) is opened again here, with
 * growing pauses. Every (re)connection re-reads the feed: signals sent while away are lost.
 */
export function useAlertStream(enabled: boolean): StreamState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<StreamState>('connecting');
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let retryMs = FIRST_RETRY_MS;
    let stopped = false;
    const refresh = () => void queryClient.invalidateQueries({ queryKey: ALERTS_KEY });
    const open = () => {
      source = new EventSource(ALERTS_STREAM_URL, { withCredentials: true });
      source.addEventListener('ready', () => {
        retryMs = FIRST_RETRY_MS;
        setState('live');
        refresh();
      });
      source.addEventListener('alerts', refresh);
      source.onerror = () => {
        if (stopped || !source) return;
        setState('reconnecting');
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          timer = setTimeout(open, retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        }
      };
    };
    open();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, [enabled, queryClient]);
  return state;
}
