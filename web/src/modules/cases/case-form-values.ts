import type {
  TCase,
  TCaseKind,
  TCaseStatus,
  TConfidentiality,
  TCreateCase,
  TInterventionOutcome,
  TRiskLevel,
  TUpdateCase,
} from '@dircab/contracts';

/** The create form as the screen holds it (empty string: not given). */
export interface CaseFormValues {
  kind: TCaseKind;
  /** Edited only (a new case starts open; closing says why, on its own). */
  status: Exclude<TCaseStatus, 'closed'>;
  title: string;
  summary: string;
  confidentiality: TConfidentiality;
  members: string[];
  ownerId: string | null;
  team: string[];
  territoryId: string | null;
  topics: string[];
  riskLevel: TRiskLevel;
  dueDate: string;
  intervention: InterventionValues;
}

export interface InterventionValues {
  /** The official acting (directory official), for the report per official. */
  officialId: string | null;
  /** The institution as a directory contact, when it is one… */
  institutionContactId: string | null;
  /** …or its name typed. */
  institutionName: string;
  date: string;
  object: string;
  answer: string;
  outcome: TInterventionOutcome;
}

export const EMPTY_INTERVENTION: InterventionValues = {
  officialId: null,
  institutionContactId: null,
  institutionName: '',
  date: '',
  object: '',
  answer: '',
  outcome: 'pending',
};

export function initialCaseValues(): CaseFormValues {
  return {
    kind: 'constituent_request',
    status: 'open',
    title: '',
    summary: '',
    confidentiality: 'normal',
    members: [],
    ownerId: null,
    team: [],
    territoryId: null,
    topics: [],
    riskLevel: 'low',
    dueDate: '',
    intervention: EMPTY_INTERVENTION,
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The intervention as the API takes it (only what was typed). */
export function interventionPayload(v: InterventionValues) {
  return {
    officialId: v.officialId,
    institutionContactId: v.institutionContactId,
    institutionName: orNull(v.institutionName),
    date: orNull(v.date),
    object: orNull(v.object),
    answer: orNull(v.answer),
    outcome: v.outcome,
  };
}

export function interventionValues(c: TCase): InterventionValues {
  const i = c.intervention;
  if (!i) return EMPTY_INTERVENTION;
  return {
    officialId: i.officialId,
    institutionContactId: i.institutionContactId,
    institutionName: i.institutionName ?? '',
    date: i.date ?? '',
    object: i.object ?? '',
    answer: i.answer ?? '',
    outcome: i.outcome,
  };
}

/**
 * The body of POST /api/v1/cases. A confidential case names its people, the creator among them
 * (the server adds them anyway): members are sent for a confidential case only.
 */
export function toCreatePayload(v: CaseFormValues, userId: string): TCreateCase {
  const confidential = v.confidentiality === 'confidential';
  return {
    kind: v.kind,
    title: v.title.trim(),
    ...(v.summary.trim() ? { summary: v.summary.trim() } : {}),
    confidentiality: v.confidentiality,
    ...(confidential ? { members: [...new Set([userId, ...v.members])] } : {}),
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    ...(v.team.length ? { team: v.team } : {}),
    ...(v.territoryId ? { territoryId: v.territoryId } : {}),
    ...(v.topics.length ? { topics: v.topics } : {}),
    riskLevel: v.riskLevel,
    ...(v.dueDate ? { dueDate: v.dueDate } : {}),
    ...(v.kind === 'intervention' ? { intervention: interventionPayload(v.intervention) } : {}),
  };
}

/** The edit form's starting values: the case as it stands. */
export function editValues(c: TCase): CaseFormValues {
  return {
    kind: c.kind,
    status: c.status === 'closed' ? 'in_progress' : c.status,
    title: c.title,
    summary: c.summary,
    confidentiality: c.confidentiality,
    members: c.members,
    ownerId: c.ownerId,
    team: c.team,
    territoryId: c.territoryId,
    topics: c.topics,
    riskLevel: c.riskLevel,
    dueDate: c.dueDate ?? '',
    intervention: interventionValues(c),
  };
}

/**
 * The body of PATCH /api/v1/cases/:id: every field of the form (the intervention has its own
 * panel; a closed case's status is left alone: reopening is its own action).
 */
export function toUpdatePayload(v: CaseFormValues, before: TCase): TUpdateCase {
  const confidential = v.confidentiality === 'confidential';
  return {
    title: v.title.trim(),
    summary: v.summary.trim(),
    ...(before.status === 'closed' ? {} : { status: v.status }),
    confidentiality: v.confidentiality,
    ...(confidential ? { members: v.members } : {}),
    ownerId: v.ownerId,
    team: v.team,
    territoryId: v.territoryId,
    topics: v.topics,
    riskLevel: v.riskLevel,
    dueDate: v.dueDate || null,
  };
}
