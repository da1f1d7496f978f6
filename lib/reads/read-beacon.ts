// Part of /reader.js (lib/client/reader.ts): reports the read of a story once the page is shown
// (decision 042). A page loaded in the background waits until it is brought to the front; a page
// prerendered by the browser waits until it is opened. Without JavaScript, the page's <noscript>
// image reports it instead (components/reads/read-beacon.tsx).
type PrerenderingDocument = Document & { prerendering?: boolean };

export const READ_ENDPOINT = '/api/read';

export function reportRead(doc: PrerenderingDocument): void {
  const marker = doc.querySelector<HTMLElement>('[data-read-story]');
  const story = marker?.dataset.readStory;
  if (!story || !/^\d+$/.test(story)) return;
  let sent = false;
  const send = () => {
    if (sent || doc.prerendering || doc.visibilityState !== 'visible') return;
    sent = true;
    doc.removeEventListener('visibilitychange', send);
    doc.removeEventListener('prerenderingchange', send);
    const body = new URLSearchParams({ story });
    // sendBeacon survives the reader leaving at once; fetch is the fallback where it is refused.
    if (!navigator.sendBeacon?.(READ_ENDPOINT, body))
      fetch(READ_ENDPOINT, { method: 'POST', body, credentials: 'same-origin', keepalive: true }).catch(() => {});
  };
  doc.addEventListener('visibilitychange', send);
  doc.addEventListener('prerenderingchange', send);
  send();
}
