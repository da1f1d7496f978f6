'use client';

import Link from 'next/link';

export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
        <h1>Something went wrong on our side</h1>
        <p>The page could not be shown just now. Please reload in a moment.</p>
        <p>
          <Link href="/">Go to the front page</Link>
        </p>
      </body>
    </html>
  );
}
