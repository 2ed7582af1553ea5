import { z } from 'zod';
import { ZPolicies } from './common';

// The organisation's outgoing mail server (issue 4): acknowledgements, replies, digests.

/** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: a relay on a trusted network. */
export const MAIL_SECURITY_MODES = ['tls', 'starttls', 'none'] as const;
export const ZMailSecurity = z.enum(MAIL_SECURITY_MODES);
export type TMailSecurity = z.infer<typeof ZMailSecurity>;

const ZAddress = z.email({ message: 'L’adresse électronique est invalide.' }).max(254);

/** The settings as shown: the password never leaves the server, only whether one is set. */
export const ZMailSettings = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: ZMailSecurity,
  user: z.string().nullable(),
  passwordSet: z.boolean(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  replyTo: z.string().nullable(),
  updatedAt: z.string().nullable(),
  policies: ZPolicies,
});
export type TMailSettings = z.infer<typeof ZMailSettings>;

export const ZUpdateMailSettings = z.strictObject({
  host: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'Indiquez un nom d’hôte ou une adresse IP, sans espace ni protocole.' }),
  port: z.number().int().min(1).max(65535),
  security: ZMailSecurity,
  user: z.string().trim().max(255).nullable().optional(),
  /** Absent: keep the one stored; null: remove it; a string: replace it. */
  password: z.string().min(1).max(500).nullable().optional(),
  fromAddress: ZAddress,
  fromName: z.string().trim().min(1).max(200),
  replyTo: ZAddress.nullable().optional(),
});
export type TUpdateMailSettings = z.infer<typeof ZUpdateMailSettings>;

export const ZMailTestResult = z.object({ sentTo: z.string(), messageId: z.string() });
export type TMailTestResult = z.infer<typeof ZMailTestResult>;
