import { createHash, randomBytes } from 'node:crypto';
import type { TCreateGatewayToken, TGatewayToken } from '@dircab/contracts';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../../../../platform/audit/record-audit';
import type { Queryable } from '../../../../platform/db/client';
import { problems } from '../../../../platform/errors/problem';
import type { Actor } from '../../../../platform/policy/actor';
import { gatewayTokenPolicy } from '../inbound.policy';
import { correspondenceGatewayTokens } from '../inbound.schema';
import { uuidCursor } from '../uuid-cursor';

type TokenRow = typeof correspondenceGatewayTokens.$inferSelect;

/** Only the digest is stored: a copy of the table gives no working token. */
export function hashGatewayToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function presentGatewayToken(actor: Actor, row: TokenRow): TGatewayToken {
  return {
    id: row.id,
    label: row.label,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    policies: gatewayTokenPolicy.policiesFor(actor, row),
  };
}

/** Creates a token for a mail gateway; the secret is returned this once. Audited (never the secret). */
export async function createGatewayToken(tx: Queryable, actor: Actor, input: TCreateGatewayToken) {
  const token = `dcg_${randomBytes(32).toString('base64url')}`;
  const [row] = await tx
    .insert(correspondenceGatewayTokens)
    .values({
      orgId: actor.orgId,
      label: input.label,
      tokenHash: hashGatewayToken(token),
      prefix: token.slice(0, 10),
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error('gateway token not created');
  await recordAudit(tx, actor, {
    action: 'correspondence.gateway_token_create',
    recordType: 'correspondence_gateway_token',
    recordId: row.id,
    summary: { after: { label: row.label, prefix: row.prefix } },
  });
  return { ...presentGatewayToken(actor, row), token };
}

/** Revokes a token of the organisation: the gateway's next delivery gets 401. Audited. */
export async function revokeGatewayToken(tx: Queryable, actor: Actor, id: string): Promise<TGatewayToken> {
  const [row] = await tx
    .select()
    .from(correspondenceGatewayTokens)
    .where(and(eq(correspondenceGatewayTokens.orgId, actor.orgId), eq(correspondenceGatewayTokens.id, id)))
    .for('update');
  if (!row) throw problems.notFound();
  if (!gatewayTokenPolicy.can(actor, 'revoke', row)) throw problems.conflict('Ce jeton est déjà révoqué.');
  const [revoked] = await tx
    .update(correspondenceGatewayTokens)
    .set({ revokedAt: new Date() })
    .where(eq(correspondenceGatewayTokens.id, row.id))
    .returning();
  if (!revoked) throw problems.notFound();
  await recordAudit(tx, actor, {
    action: 'correspondence.gateway_token_revoke',
    recordType: 'correspondence_gateway_token',
    recordId: row.id,
    summary: { before: { revokedAt: null }, after: { revokedAt: revoked.revokedAt?.toISOString() } },
  });
  return presentGatewayToken(actor, revoked);
}

/** The organisation's tokens, newest first (keyset on id), revoked ones included (their history). */
export async function findGatewayTokens(
  db: Queryable,
  actor: Actor,
  query: { limit: number; cursor?: string | undefined },
) {
  const before = uuidCursor(query.cursor);
  const rows = await db
    .select()
    .from(correspondenceGatewayTokens)
    .where(
      and(
        eq(correspondenceGatewayTokens.orgId, actor.orgId),
        before ? lt(correspondenceGatewayTokens.id, before) : undefined,
      ),
    )
    .orderBy(desc(correspondenceGatewayTokens.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    data: page.map((r) => presentGatewayToken(actor, r)),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/**
 * The organisation a gateway's `Authorization: Bearer …` belongs to, or null (absent,
 * unknown or revoked token). Marks the token used.
 */
export async function authenticateGateway(db: Queryable, authorization: string | undefined): Promise<string | null> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) return null;
  const [row] = await db
    .update(correspondenceGatewayTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(correspondenceGatewayTokens.tokenHash, hashGatewayToken(token)),
        isNull(correspondenceGatewayTokens.revokedAt),
      ),
    )
    .returning({ orgId: correspondenceGatewayTokens.orgId });
  return row?.orgId ?? null;
}
