import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { registerFileOwner } from '../../../platform/files/file-owners';
import { MAX_FILE_BYTES } from '../../../platform/files/store-file';
import { findItem } from '../queries/find-correspondence';
import { ITEM_FILES } from './attachments/attachment-search-text';
import { registerAttachmentRoutes } from './attachments/attachments.routes';
import { registerExtractTextJob } from './attachments/extract-text-job';
import { registerScanRoute } from './attachments/scan.routes';
import { registerCampaignRoutes } from './campaigns/campaigns.routes';
import { registerEmailRoutes } from './email/email.routes';
import { registerPublicFormRoutes } from './public-form/public-form.routes';

/**
 * Every inbound channel of correspondence, attachments and campaigns, as one plugin:
 * multipart and the message/rfc822 parser are registered in its scope alone, so every other
 * route keeps the JSON-only rule. Also declares who may fetch an item's files (its
 * visibility) and the text extraction job.
 */
export async function registerInboundRoutes(app: FastifyInstance) {
  await app.register(multipart, {
    limits: { fileSize: MAX_FILE_BYTES, files: 10, fields: 20, fieldSize: 200_000 },
  });
  registerFileOwner(ITEM_FILES, async (db, actor, itemId) => (await findItem(db, actor, itemId)) !== null);
  registerExtractTextJob(app.ctx.jobs, app.ctx.db);
  registerAttachmentRoutes(app);
  registerScanRoute(app);
  registerEmailRoutes(app);
  registerCampaignRoutes(app);
  await app.register(registerPublicFormRoutes);
}
