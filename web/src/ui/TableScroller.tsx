import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** Names the region, so a keyboard user knows what the focus stop scrolls. */
  label: string;
  minWidth: number;
  children: ReactNode;
}

/** A wide table that scrolls sideways on a phone, and by keyboard too (WCAG 2.1.1). */
export function TableScroller({ label, minWidth, children }: Props) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard.
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
