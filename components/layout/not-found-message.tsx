export function NotFoundMessage() {
  return (
    <div className="mx-auto max-w-2xl py-16 text-center">
      <p className="text-sm font-bold tracking-wide text-brand uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">We can’t find that page</h1>
      <p className="mt-4 text-muted">The story may have moved or been taken down, or the address may be mistyped.</p>
      <p className="mt-6">
        <a href="/" className="font-semibold text-brand underline underline-offset-2">
          Go to the front page
        </a>
      </p>
    </div>
  );
}
