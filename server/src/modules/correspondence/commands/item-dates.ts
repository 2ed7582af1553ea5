import type { HolidayCalendar, IsoDate } from '../../../platform/calendar/working-days';
import { addMonths, addWorkingDays } from '../../../platform/calendar/working-days';
import type { correspondenceItemTypes } from '../correspondence.schema';

type ItemType = typeof correspondenceItemTypes.$inferSelect;

export interface ItemDates {
  dueDate: IsoDate | null;
  implicitDecisionDate: IsoDate | null;
  implicitDecisionRule: 'acceptance' | 'rejection' | null;
}

/**
 * The dates an incoming item's type sets: the due date, its processing delay in working days
 * of the organisation's calendar; for a request subject to a decision, the day silence
 * becomes an implicit acceptance or rejection (CRPA L.231-1: two months from receipt unless
 * the type says otherwise). Outgoing items and items without a type have none.
 */
export function itemDates(
  direction: 'in' | 'out',
  type: ItemType | null,
  receivedAt: Date,
  calendar: HolidayCalendar,
): ItemDates {
  if (direction !== 'in' || !type) return { dueDate: null, implicitDecisionDate: null, implicitDecisionRule: null };
  return {
    dueDate:
      type.processingWorkingDays === null ? null : addWorkingDays(receivedAt, type.processingWorkingDays, calendar),
    implicitDecisionDate: type.implicitDecisionRule
      ? addMonths(receivedAt, type.implicitDecisionMonths, calendar.timeZone)
      : null,
    implicitDecisionRule: type.implicitDecisionRule,
  };
}
