import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** Names the region, so a keyboard user knows what the focus stop scrolls. */
  label: string;
  minWidth: number;
  children: ReactNode;
}

/** A wide table that scrolls sideways on a phone, and by keyboard too (WCAG 2.1.1): hence the tab stop. */
export function TableScroller({ label, minWidth, children }: Props) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}
