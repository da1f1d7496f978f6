// The small page a reader without JavaScript sees when a vote is refused.
const TITLES: Record<number, string> = {
  400: 'Your vote could not be read',
  403: 'Your vote was not accepted',
  404: 'Story not found',
  409: 'Your vote was not counted',
  413: 'Your vote could not be read',
  415: 'Your vote could not be read',
  429: 'Too many votes',
  503: 'Please try again',
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function errorPage(status: number, message: string, backHref: string, heading?: string): string {
  const title = heading ?? TITLES[status] ?? 'Your vote was not counted';
  const back = backHref === '/' ? 'Go to the front page' : 'Back to the story';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:36rem;margin:4rem auto;padding:0 1rem}
p.code{margin:0;font-size:.8rem;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:#a61b1b}
h1{margin:.25rem 0 1rem;font:700 1.75rem/1.25 Georgia,"Times New Roman",serif}
a{color:#a61b1b;font-weight:600}
@media (prefers-color-scheme:dark){body{color:#ececec;background:#121212}p.code,a{color:#ff8a80}}
</style>
</head>
<body>
<main>
<p class="code">Error ${status}</p>
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<p>Nothing was changed.</p>
<p><a href="${escape(backHref)}">${back}</a></p>
</main>
</body>
</html>
`;
}
