import {
  RELATION_KINDS,
  SYMMETRIC_RELATION_KINDS,
  type TRelationDirection,
  type TRelationKind,
} from '@dircab/contracts';
import type { TFunction } from 'i18next';
import { relationWordingKey } from './contact-links-api';

/** One choice of the relation select: a kind read from the page's contact (`works_for:incoming` = « emploie »). */
export type RelationChoice = `${TRelationKind}:${TRelationDirection}`;

export const choiceOf = (kind: TRelationKind, direction: TRelationDirection): RelationChoice =>
  `${kind}:${SYMMETRIC_RELATION_KINDS.includes(kind) ? 'outgoing' : direction}`;

export function parseChoice(choice: RelationChoice): { kind: TRelationKind; direction: TRelationDirection } {
  const [kind, direction] = choice.split(':') as [TRelationKind, TRelationDirection];
  return { kind, direction };
}

/**
 * Every wording the select offers: each kind both ways (« travaille pour », « emploie »),
 * once for a symmetric kind; `only` keeps one direction (an edit cannot swap the two ends).
 */
export function relationChoices(t: TFunction, only?: TRelationDirection) {
  return RELATION_KINDS.flatMap((kind) =>
    (SYMMETRIC_RELATION_KINDS.includes(kind) ? (['outgoing'] as const) : (['outgoing', 'incoming'] as const))
      .filter((d) => !only || d === only || SYMMETRIC_RELATION_KINDS.includes(kind))
      .map((direction) => ({ value: choiceOf(kind, direction), label: t(relationWordingKey(kind, direction)) })),
  );
}
