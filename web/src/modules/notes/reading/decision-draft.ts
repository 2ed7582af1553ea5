import type { TAnswerNote } from '@dircab/contracts';
import type { TFunction } from 'i18next';

/** One follow-up action as the form holds it (an assignee is a service or a person). */
export interface ActionDraft {
  key: number;
  title: string;
  to: 'service' | 'person';
  serviceId: string | null;
  userId: string | null;
  dueDate: string;
}

export const emptyAction = (key: number): ActionDraft => ({
  key,
  title: '',
  to: 'service',
  serviceId: null,
  userId: null,
  dueDate: '',
});

/** The form's errors by field path, as the server names them (`actions.0.dueDate`). */
export function checkDecision(decision: string, actions: ActionDraft[], t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!decision.trim()) errors.decision = t('notes.decision.errors.decision');
  actions.forEach((a, i) => {
    if (!a.title.trim()) errors[`actions.${i}.title`] = t('notes.decision.errors.title');
    const assignee = a.to === 'service' ? a.serviceId : a.userId;
    if (!assignee) errors[`actions.${i}.assigneeServiceId`] = t('notes.decision.errors.assignee');
    if (!a.dueDate) errors[`actions.${i}.dueDate`] = t('notes.decision.errors.dueDate');
  });
  return errors;
}

export function answerBody(decision: string, detail: string, actions: ActionDraft[]): TAnswerNote {
  return {
    decision: decision.trim(),
    ...(detail.trim() ? { detail: detail.trim() } : {}),
    actions: actions.map((a) => ({
      title: a.title.trim(),
      ...(a.to === 'service' && a.serviceId ? { assigneeServiceId: a.serviceId } : {}),
      ...(a.to === 'person' && a.userId ? { assigneeUserId: a.userId } : {}),
      dueDate: a.dueDate,
    })),
  };
}
