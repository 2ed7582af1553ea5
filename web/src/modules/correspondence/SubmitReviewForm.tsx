import type { TCorrespondenceDetail } from '@dircab/contracts';
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../ui/notify';
import { problemMessage } from '../../ui/problem-message';
import { CORRESPONDENCE_KEY, correspondenceApi, itemKey } from './correspondence-api';
import { ReviewerMultiSelect } from './ReviewerMultiSelect';

/**
 * Send the draft for visa: one or more reviewers, one after the other or all at once. Whoever
 * drafted it picks them (a service's agent too), among the members who may give a visa.
 */
export function SubmitReviewForm({ item }: { item: TCorrespondenceDetail }) {
  const { t } = useTranslation();
  const orderLabel = useId();
  const queryClient = useQueryClient();
  const [reviewerIds, setReviewerIds] = useState<string[]>([]);
  const [order, setOrder] = useState<'sequential' | 'parallel'>('sequential');
  const [error, setError] = useState<string | null>(null);
  const submit = useMutation({
    mutationFn: () => correspondenceApi.submitReview(item.id, { reviewerIds, order }),
    onSuccess: async (next) => {
      notify('green', t('correspondence.review.submitted'));
      queryClient.setQueryData(itemKey(item.id), next);
      await queryClient.invalidateQueries({ queryKey: CORRESPONDENCE_KEY });
    },
    onError: (e) => setError(problemMessage(e, t)),
  });
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reviewerIds.length === 0) {
          setError(t('correspondence.review.reviewersRequired'));
          return;
        }
        setError(null);
        submit.mutate();
      }}
    >
      <Stack gap="xs">
        <ReviewerMultiSelect
          label={t('correspondence.review.reviewers')}
          value={reviewerIds}
          onChange={setReviewerIds}
          error={error}
        />
        {reviewerIds.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id={orderLabel}>
              {t('correspondence.review.order')}
            </Text>
            <SegmentedControl
              aria-labelledby={orderLabel}
              value={order}
              onChange={(v) => setOrder(v as 'sequential' | 'parallel')}
              data={[
                { value: 'sequential', label: t('correspondence.review.sequential') },
                { value: 'parallel', label: t('correspondence.review.parallel') },
              ]}
            />
          </Stack>
        )}
        <Group>
          <Button type="submit" loading={submit.isPending}>
            {t('correspondence.review.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
