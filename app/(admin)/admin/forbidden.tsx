import Link from 'next/link';
export default function AdminForbidden() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <p className="text-sm font-bold tracking-wide text-brand uppercase">Error 403</p>
      <h1 className="mt-2 text-2xl font-bold">Your role does not allow this</h1>
      <p className="mt-4 text-muted">Ask an administrator if you need access to this part of the staff area.</p>
      <p className="mt-6">
        <Link href="/admin" className="font-semibold text-brand underline underline-offset-2">
          Back to the dashboard
        </Link>
      </p>
    </div>
  );
}
