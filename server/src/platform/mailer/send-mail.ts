import nodemailer from 'nodemailer';
import type { Queryable } from '../db/client';
import { currentMailKey, decryptSecret } from './mail-secret';
import { findMailSettings, type MailSettingsRow } from './mail-settings';

export interface MailMessage {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** The Message-ID this one answers (threads a reply under the writer's email). */
  inReplyTo?: string;
  /** The thread's Message-IDs, oldest first; the one answered when absent. */
  references?: string[];
  /**
   * Makes the Message-ID `<key@sender's domain>`: the `mail.send` job gives its id, so a send
   * retried after a crash carries the same Message-ID and receivers drop the double.
   */
  messageIdKey?: string;
}

/** The organisation has no mail server: the caller says so to the user, it is not a crash. */
export class MailNotConfiguredError extends Error {
  constructor() {
    super('Aucun serveur d’envoi de courriels n’est configuré pour cette organisation (Paramètres › Messagerie).');
    this.name = 'MailNotConfiguredError';
  }
}

function transportOf(settings: MailSettingsRow) {
  return nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.username
      ? {
          auth: {
            user: settings.username,
            pass: settings.passwordEncrypted ? decryptSecret(settings.passwordEncrypted, currentMailKey()) : '',
          },
        }
      : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

/**
 * Sends one email through the organisation's SMTP server. Never call it inside a request's
 * transaction (it waits on the network): enqueue a `mail.send` job there instead
 * (enqueueMail in mail-job.ts).
 */
export async function sendMail(db: Queryable, orgId: string, message: MailMessage): Promise<{ messageId: string }> {
  const settings = await findMailSettings(db, orgId);
  if (!settings) throw new MailNotConfiguredError();
  const transport = transportOf(settings);
  try {
    const info = await transport.sendMail({
      from: { name: settings.fromName, address: settings.fromAddress },
      ...(settings.replyTo ? { replyTo: settings.replyTo } : {}),
      to: message.to,
      ...(message.cc?.length ? { cc: message.cc } : {}),
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      ...(message.attachments?.length ? { attachments: message.attachments } : {}),
      ...(message.inReplyTo
        ? { inReplyTo: message.inReplyTo, references: message.references ?? [message.inReplyTo] }
        : {}),
      ...(message.messageIdKey
        ? { messageId: `<${message.messageIdKey}@${settings.fromAddress.split('@')[1] ?? 'localhost'}>` }
        : {}),
    });
    return { messageId: info.messageId };
  } finally {
    transport.close();
  }
}
