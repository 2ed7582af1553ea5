import type { TCorrespondenceDetail } from '@dircab/contracts';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Typography } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../ui/Panel';
import { itemPath } from './correspondence-rules';
import { DecisionButtons } from './DecisionButtons';
import { ReplyCircuit } from './ReplyCircuit';
import { SendButtons } from './SendButtons';
import { SubmitReviewForm } from './SubmitReviewForm';

// Tiptap stays out of the inbox's chunk: loaded when someone writes.
const ReplyEditor = lazy(() => import('./ReplyEditor'));

/** The reply: the draft, its circuit, and the step the actor may take now. */
export function ReplyPanel({ item }: { item: TCorrespondenceDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const reply = item.reply;
  const p = item.policies;
  if (!reply && !p.reply) return null;

  return (
    <Panel title={t('correspondence.reply.title')}>
      <Stack gap="sm">
        {reply?.returnComment && (
          <Alert color="orange" variant="light" title={t('correspondence.reply.returned')}>
            {reply.returnComment}
          </Alert>
        )}
        {editing ? (
          <Suspense fallback={<Text>{t('common.loading')}</Text>}>
            <ReplyEditor
              itemId={item.id}
              reply={reply}
              defaultRecipient={{ name: item.sender.name, email: item.sender.email, address: item.sender.address }}
              defaultSubject={item.subject}
              onDone={() => setEditing(false)}
            />
          </Suspense>
        ) : reply ? (
          <Stack gap="xs">
            <Text size="sm">
              <Text span fw={500}>
                {t('correspondence.reply.subject')} :
              </Text>{' '}
              {reply.subject}
            </Text>
            <Text size="sm">
              <Text span fw={500}>
                {t('correspondence.reply.recipient')} :
              </Text>{' '}
              {[reply.recipient.name, reply.recipient.email, reply.recipient.address].filter(Boolean).join(' · ')}
            </Text>
            <Paper withBorder p="sm" aria-label={t('correspondence.reply.preview')} component="section">
              <Typography>
                {/* The server keeps the draft to a safe subset of tags. */}
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server */}
                <div dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
              </Typography>
            </Paper>
            <ReplyCircuit reply={reply} />
            {reply.outgoingItemId && reply.outgoingRegistrationNumber && (
              <Text size="sm">
                {t('correspondence.reply.outgoing')}{' '}
                <Anchor component={Link} to={itemPath(reply.outgoingItemId)}>
                  {reply.outgoingRegistrationNumber}
                </Anchor>
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm">{t('correspondence.reply.none')}</Text>
        )}
        {!editing && (
          <Group gap="xs">
            {p.reply && (
              <Button variant={reply ? 'default' : 'filled'} onClick={() => setEditing(true)}>
                {reply ? t('correspondence.reply.edit') : t('correspondence.reply.write')}
              </Button>
            )}
            {p.review && <DecisionButtons item={item} step="review" />}
            {p.sign && <DecisionButtons item={item} step="sign" />}
            {p.send && <SendButtons item={item} />}
          </Group>
        )}
        {!editing && reply && p.submitReview && <SubmitReviewForm item={item} />}
      </Stack>
    </Panel>
  );
}
