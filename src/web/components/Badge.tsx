import type { ReactNode } from 'react';

export type BadgeTone = 'primary' | 'secondary' | 'gray' | 'danger' | 'warning' | 'success' | 'information';

export function Badge({ tone = 'gray', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`krds-badge bg-light-${tone}`}>{children}</span>;
}
