import { NOTE_KINDS, NOTE_STATUSES, type TNoteKind, type TNoteStatus } from '@dircab/contracts';
import { useSearchParams } from 'react-router';
import type { NoteFilters } from './notes-api';

const VIEWS = ['all', 'mine', 'addressed'] as const;
const pick = <T extends string>(allowed: readonly T[], value: string | null): T | null =>
  allowed.includes(value as T) ? (value as T) : null;

/** The list's filters, kept in the URL so a filtered list can be shared and survives a reload. */
export function useNoteFilters(): [NoteFilters, (next: NoteFilters) => void] {
  const [params, setParams] = useSearchParams();
  const filters: NoteFilters = {
    view: pick(VIEWS, params.get('view')) ?? 'all',
    status: pick<TNoteStatus>(NOTE_STATUSES, params.get('status')),
    kind: pick<TNoteKind>(NOTE_KINDS, params.get('kind')),
  };
  const set = (next: NoteFilters) => {
    const search = new URLSearchParams();
    if (next.view !== 'all') search.set('view', next.view);
    if (next.status) search.set('status', next.status);
    if (next.kind) search.set('kind', next.kind);
    setParams(search);
  };
  return [filters, set];
}
