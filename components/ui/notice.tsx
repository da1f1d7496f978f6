// The staff area's one-line results: "Saved.", "Partner removed.", a refused form. Green for done, red
// for a problem, in both colour schemes; a problem is announced at once (alert), a result politely.
import type { ReactNode } from 'react';

const TONES = {
  done: 'border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100',
  problem: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
} as const;

export function Notice({
  tone = 'done',
  className = 'mb-4 text-sm',
  id,
  children,
}: {
  tone?: keyof typeof TONES;
  /** for the fields the notice describes (aria-describedby) */
  id?: string;
  /** spacing and size: the colours are the notice's own */
  className?: string;
  children: ReactNode;
}) {
  return (
    <p
      id={id}
      role={tone === 'problem' ? 'alert' : 'status'}
      className={`rounded border px-3 py-2 ${TONES[tone]} ${className}`}
    >
      {children}
    </p>
  );
}
