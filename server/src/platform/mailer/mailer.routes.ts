import { ZEmpty, ZMailSettings, ZMailTestResult, ZUpdateMailSettings } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/record-audit';
import { HttpProblem, problems } from '../errors/problem';
import { actorOf } from '../http/context';
import { access } from '../policy/access';
import { registerMailer } from './mail-job';
import { findMailSettings, MAIL_SETTINGS_ROLES, presentMailSettings, updateMailSettings } from './mail-settings';
import { sendMail } from './send-mail';

const tags = ['settings'];

/** The mail server's settings routes, and the `mail.send` job handler. */
export async function registerMailerRoutes(app: FastifyInstance) {
  await registerMailer(app.ctx);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const manage = access.roles('settings.mail', MAIL_SETTINGS_ROLES);

  r.get(
    '/api/v1/settings/mail',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Serveur d’envoi des courriels (le mot de passe n’est jamais renvoyé)',
        response: { 200: ZMailSettings },
      },
    },
    async (request) => presentMailSettings(await findMailSettings(db, actorOf(request).orgId)),
  );

  r.put(
    '/api/v1/settings/mail',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Définir le serveur d’envoi des courriels',
        body: ZUpdateMailSettings,
        response: { 200: ZMailSettings },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return presentMailSettings(await db.transaction((tx) => updateMailSettings(tx, actor, request.body)));
    },
  );

  r.post(
    '/api/v1/settings/mail/test',
    {
      config: { access: manage },
      schema: {
        tags,
        summary: 'Envoyer un courriel d’essai à soi-même',
        body: ZEmpty,
        response: { 200: ZMailTestResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!(await findMailSettings(db, actor.orgId))) {
        throw problems.conflict('Configurez d’abord le serveur d’envoi des courriels.');
      }
      // Sent directly, outside any transaction: whoever tests wants the server's answer now.
      let messageId: string;
      try {
        ({ messageId } = await sendMail(db, actor.orgId, {
          to: actor.email,
          subject: 'Dircab : courriel d’essai',
          text: `Bonjour ${actor.name},\n\nCe courriel d’essai confirme que Dircab peut envoyer des courriels avec les paramètres de votre organisation.\n`,
        }));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        await db.transaction((tx) =>
          recordAudit(tx, actor, {
            action: 'mail.settings.test',
            recordType: 'mail_settings',
            recordId: actor.orgId,
            summary: { sent: false, reason },
          }),
        );
        throw new HttpProblem(
          502,
          `Le serveur d’envoi a refusé ou n’a pas répondu : ${reason}`,
          undefined,
          'Envoi impossible',
        );
      }
      await db.transaction((tx) =>
        recordAudit(tx, actor, {
          action: 'mail.settings.test',
          recordType: 'mail_settings',
          recordId: actor.orgId,
          summary: { sent: true, to: actor.email },
        }),
      );
      return { sentTo: actor.email, messageId };
    },
  );
}
