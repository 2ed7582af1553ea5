import { ZScanFields, ZScanRegistration } from '@dircab/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_FILE_BYTES } from '../../../../platform/files/store-file';
import { actorOf } from '../../../../platform/http/context';
import { access } from '../../../../platform/policy/access';
import { registerCorrespondence } from '../../commands/register-correspondence';
import { INBOUND_ROLES } from '../inbound.policy';
import { sessionOrganisation } from '../inbound-organisation';
import { readMultipart } from '../read-multipart';
import { addAttachments } from './add-attachments';
import { presentAttachment } from './find-attachments';

/** At most this many scanned files (pages as images, or one PDF) with one letter. */
const MAX_FILES = 10;

/**
 * `POST /api/v1/correspondence/scan`: a postal letter registered with its scan in one
 * multipart request (the letter's fields, its PDF or images in `file`). The file is checked
 * before anything is written; its text is extracted by a job.
 */
export function registerScanRoute(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  r.post(
    '/api/v1/correspondence/scan',
    {
      config: { access: access.roles('correspondence.register', INBOUND_ROLES.register) },
      bodyLimit: MAX_FILES * MAX_FILE_BYTES,
      schema: {
        tags: ['correspondence'],
        summary:
          'Enregistrer un courrier postal avec sa numérisation (multipart : file, subject, senderName, senderEmail, senderAddress, body, receivedAt, typeId, topic, territoryId, priority, confidentiality)',
        consumes: ['multipart/form-data'],
        response: { 201: ZScanRegistration },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const org = sessionOrganisation(request);
      const { files, fields } = await readMultipart(request, ZScanFields, MAX_FILES);
      const { subject, senderName, senderEmail, senderAddress, body, ...rest } = fields;
      const result = await db.transaction(async (tx) => {
        const item = await registerCorrespondence(
          tx,
          actor,
          {
            direction: 'in',
            channel: 'postal',
            subject,
            body: body ?? '',
            sender: { name: senderName, email: senderEmail?.toLowerCase() ?? null, address: senderAddress ?? null },
            ...rest,
          },
          org,
        );
        const stored = await addAttachments(tx, actor, item, files);
        return {
          itemId: item.id,
          registrationNumber: item.registrationNumber,
          attachments: stored.map((f) => presentAttachment(actor, item, f)),
        };
      });
      return reply.code(201).send(result);
    },
  );
}
