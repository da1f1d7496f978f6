import Link from 'next/link';
import type { ReactNode } from 'react';

export function PageHeader({
  title,
  back,
  actions,
}: {
  title: string;
  back?: { href: string; label: string };
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div>
        {back ? (
          <p className="text-sm">
            <Link href={back.href} className="text-muted hover:underline">
              ← {back.label}
            </Link>
          </p>
        ) : null}
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      {actions ? <div className="flex flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}
