// Tells the server about a share that did not go through a /share/ link. Best effort: a lost report
// never bothers the reader.
import type { ReportedNetwork } from '@/lib/share-networks';

export function reportShare(slug: string, network: ReportedNetwork): void {
  fetch('/api/share', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ slug, network }),
    credentials: 'same-origin',
    // The reader may leave the page right after sharing; keepalive lets the report finish.
    keepalive: true,
  }).catch(() => {});
}
