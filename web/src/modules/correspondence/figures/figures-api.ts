import type { TFigures } from '@dircab/contracts';
import { http, queryString } from '../../../app/api/http';
import { CORRESPONDENCE_KEY } from '../correspondence-api';

export const FIGURES_PATH = '/correspondence/figures';

export const figuresKey = (from: string, to: string) => [...CORRESPONDENCE_KEY, 'figures', from, to] as const;

/** Response times of the items received between two days of the organisation (one year at most). */
export const fetchFigures = (from: string, to: string) =>
  http.get<TFigures>(`/api/v1/correspondence/figures${queryString({ from, to })}`);
