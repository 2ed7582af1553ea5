import type { TMandate } from '@dircab/contracts';
import { useTranslation } from 'react-i18next';

/**
 * A mandate as the council words it: the label it carries (« Premier adjoint », « Maire »),
 * else the function in French with its rank (« Adjoint n° 3 »).
 */
export function useMandateLabel(): (m: Pick<TMandate, 'function' | 'rank' | 'label'>) => string {
  const { t } = useTranslation();
  return (m) => {
    if (m.label) return m.label;
    const name = t(`officials.functions.${m.function}`);
    return m.rank ? t('officials.withRank', { name, rank: m.rank }) : name;
  };
}
