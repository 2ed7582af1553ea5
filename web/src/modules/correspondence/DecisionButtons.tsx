import type { TCorrespondenceDetail, TDecide } from '@dircab/contracts';
import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CommentModal } from './CommentModal';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey } from './correspondence-api';

interface Props {
  item: TCorrespondenceDetail;
  /** The visa (review) or the signature (sign). */
  step: 'review' | 'sign';
}

/** Approve (visa or signature) in one click, or return the draft with what must be redone. */
export function DecisionButtons({ item, step }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [returning, setReturning] = useState(false);
  const decide = useMutation({
    mutationFn: (body: TDecide) =>
      step === 'review' ? correspondenceApi.review(item.id, body) : correspondenceApi.sign(item.id, body),
    onSuccess: async (next, body) => {
      notify('green', t(`correspondence.decide.${step}.${body.decision}Done`));
      queryClient.setQueryData(itemKey(item.id), next);
      setReturning(false);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
    onError: (error) => {
      if (!returning) notify('red', problemMessage(error, t));
    },
  });
  return (
    <>
      <Button loading={decide.isPending && !returning} onClick={() => decide.mutate({ decision: 'approve' })}>
        {t(`correspondence.decide.${step}.approve`)}
      </Button>
      <Button variant="default" onClick={() => setReturning(true)}>
        {t(`correspondence.decide.${step}.return`)}
      </Button>
      <CommentModal
        key={String(returning)}
        opened={returning}
        title={t(`correspondence.decide.${step}.returnTitle`)}
        label={t('correspondence.decide.comment')}
        required
        submitLabel={t(`correspondence.decide.${step}.return`)}
        loading={decide.isPending}
        error={decide.isError ? problemMessage(decide.error, t) : null}
        onClose={() => setReturning(false)}
        onSubmit={(comment) => decide.mutate({ decision: 'return', comment })}
      />
    </>
  );
}
