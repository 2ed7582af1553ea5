import { Notifications } from '@mantine/notifications';

/** The toasts' container, split off (ToastsOnDemand.tsx). */
export default function Toasts() {
  return <Notifications position="top-right" />;
}
