import { notifications } from '@mantine/notifications';
import i18next from 'i18next';

/** A toast whose close button has a name (Mantine leaves it unnamed: axe button-name). */
export function notify(color: 'green' | 'red', message: string, title?: string): void {
  notifications.show({
    color,
    message,
    ...(title ? { title } : {}),
    closeButtonProps: { 'aria-label': i18next.t('common.close') },
  });
}
