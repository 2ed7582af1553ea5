import { Center } from '@mantine/core';
import { BusyIndicator } from './BusyIndicator';

export function PageLoader() {
  return (
    <Center h="60vh">
      <BusyIndicator />
    </Center>
  );
}
