import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useState } from 'react';

// Mantine's toast container (with its transitions, swipe and scroll-lock helpers, ~10 KB
// gzip) is fetched with the first toast, not with the first screens (issue 7): toasts wait
// in Mantine's store meanwhile and show as soon as it is here.
const Toasts = lazy(() => import('./Toasts'));

/** Mantine's `<Notifications />`, mounted once a first toast was asked for, then kept. */
export function ToastsOnDemand() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && notifications.length + queue.length > 0) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <Toasts />
    </Suspense>
  ) : null;
}
