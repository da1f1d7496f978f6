'use client';

import Link from 'next/link';

export default function SiteError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Something went wrong on our side</h1>
      <p className="mt-4 text-muted">The page could not be shown just now. Please try again in a moment.</p>
      <p className="mt-6 flex justify-center gap-6">
        <button type="button" onClick={reset} className="font-semibold text-brand underline underline-offset-2">
          Try again
        </button>
        <Link href="/" className="font-semibold text-brand underline underline-offset-2">
          Front page
        </Link>
      </p>
    </div>
  );
}
