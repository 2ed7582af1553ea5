import { useTranslation } from 'react-i18next';

/** « 30 min avant », « 2 h avant », « 1 j avant », « à l’heure du début ». */
export function useReminderLabel(): (minutes: number) => string {
  const { t } = useTranslation();
  return (m) => {
    if (m === 0) return t('agenda.reminders.atStart');
    if (m % 1440 === 0) return t('agenda.reminders.days', { n: m / 1440 });
    if (m % 60 === 0) return t('agenda.reminders.hours', { n: m / 60 });
    return t('agenda.reminders.minutes', { n: m });
  };
}
