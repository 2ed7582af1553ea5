import type { Queryable } from '../db/client';
import { loadInstanceSecret } from '../db/instance-secret';
import type { AppContext } from '../http/context';
import { enqueueJob } from '../jobs/enqueue-job';
import { configureMailKey } from './mail-secret';
import { type MailMessage, sendMail } from './send-mail';

export const MAIL_SEND_JOB = 'mail.send';

/** A message as a job carries it (JSON): attachments in base64. */
interface MailPayload extends Omit<MailMessage, 'attachments' | 'messageIdKey'> {
  attachments?: { filename: string; contentBase64: string; contentType: string }[];
}

/**
 * Enqueues an email in the caller's transaction: it leaves only if the change commits, and
 * the request never waits on the mail server. Returns the job's id.
 */
export async function enqueueMail(
  tx: Queryable,
  orgId: string,
  message: Omit<MailMessage, 'messageIdKey'>,
  options: { idempotencyKey?: string; runAt?: Date } = {},
): Promise<string | null> {
  const { attachments, ...rest } = message;
  const payload: MailPayload = {
    ...rest,
    ...(attachments
      ? {
          attachments: attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            contentBase64: a.content.toString('base64'),
          })),
        }
      : {}),
  };
  return enqueueJob(tx, {
    kind: MAIL_SEND_JOB,
    orgId,
    payload: payload as unknown as Record<string, unknown>,
    ...options,
  });
}

/**
 * Registers the `mail.send` job handler and the key of the stored passwords. A failed send (the
 * server unreachable, or not configured yet) is retried by the runner with its back-off, and
 * the job ends `failed` with the reason after its last attempt.
 */
export async function registerMailer(ctx: AppContext): Promise<void> {
  configureMailKey(ctx.config.secret ?? (await loadInstanceSecret(ctx.db)));
  ctx.jobs.register(MAIL_SEND_JOB, async (raw, job) => {
    if (!job.orgId) throw new Error('mail.send job without an organisation');
    const { attachments, ...payload } = raw as unknown as MailPayload;
    await sendMail(ctx.db, job.orgId, {
      ...payload,
      ...(attachments
        ? {
            attachments: attachments.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: Buffer.from(a.contentBase64, 'base64'),
            })),
          }
        : {}),
      messageIdKey: `job-${job.id}`,
    });
  });
}
