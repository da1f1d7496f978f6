type Promo = { title: string; body: string; linkLabel: string; linkUrl: string };

export function PromoBox({ promo }: { promo: Promo }) {
  const internal = promo.linkUrl.startsWith('/') && !promo.linkUrl.startsWith('//');
  return (
    <aside
      aria-labelledby="promo-title"
      className="no-print my-10 rounded border-l-4 border-brand bg-black/[0.03] p-5 dark:bg-white/[0.05]"
    >
      <h2 id="promo-title" className="font-serif text-xl font-bold">
        {promo.title}
      </h2>
      {promo.body ? <p className="mt-2 text-sm leading-6 text-muted">{promo.body}</p> : null}
      {promo.linkUrl && promo.linkLabel ? (
        internal ? (
          <a href={promo.linkUrl} className="mt-3 inline-block font-semibold text-brand underline underline-offset-2">
            {promo.linkLabel}
          </a>
        ) : (
          <a
            href={promo.linkUrl}
            rel="noopener noreferrer"
            className="mt-3 inline-block font-semibold text-brand underline underline-offset-2"
          >
            {promo.linkLabel}
          </a>
        )
      ) : null}
    </aside>
  );
}
