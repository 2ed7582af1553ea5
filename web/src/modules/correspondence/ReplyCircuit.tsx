import type { TReply } from '@dircab/contracts';
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { useMe } from '../../ui/me-context';

/** The visas and the signature of the current round: who, and what they decided. */
export function ReplyCircuit({ reply }: { reply: TReply }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const steps = reply.approvals
    .filter((a) => a.round === reply.round)
    .sort((a, b) => (a.kind === b.kind ? a.position - b.position : a.kind === 'review' ? -1 : 1));
  if (steps.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('correspondence.reply.circuit')}
      </Text>
      <List size="sm" spacing={2}>
        {steps.map((a) => (
          <List.Item key={a.id}>
            {t(`correspondence.reply.steps.${a.kind}`)} · {a.userName ?? t('correspondence.reply.anyone')} ·{' '}
            {a.decision ? t(`correspondence.reply.decisions.${a.decision}`) : t('correspondence.reply.waiting')}
            {a.decidedAt && ` · ${formatDateTime(a.decidedAt, me.organisation.timeZone, i18n.language)}`}
            {a.comment && ` · « ${a.comment} »`}
          </List.Item>
        ))}
      </List>
    </div>
  );
}
