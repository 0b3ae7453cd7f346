import type { ReactNode } from 'react';

/**
 * Wraps a wide table so it scrolls sideways on narrow screens: a region named by the table caption
 * and reachable by keyboard, so the hidden columns can be scrolled into view without a mouse.
 */
export function TableScroll({
  labelledBy,
  busy,
  children,
}: {
  labelledBy: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className="krds-table-wrap app-table-wrap"
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1)
      tabIndex={0}
      aria-busy={busy || undefined}
    >
      {children}
    </section>
  );
}
