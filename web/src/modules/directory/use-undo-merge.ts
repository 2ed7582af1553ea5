import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { contactLinksApi } from './contact-links-api';
import { CONTACTS_KEY } from './directory-api';

/** Undoes a merge from its audit id; every contact query refreshes (the duplicate is back). */
export function useUndoMerge(keptId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (auditId: string) => contactLinksApi.undoMerge(keptId, auditId),
    onSuccess: async () => {
      notify('green', t('merge.undone'));
      await queryClient.invalidateQueries({ queryKey: CONTACTS_KEY });
    },
    onError: (error) => notify('red', problemMessage(error, t), t('merge.undoFailed')),
  });
}
