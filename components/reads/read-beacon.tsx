import { READ_ENDPOINT } from '@/lib/reads/read-beacon';

/**
 * Marks the page as a read of the story. /reader.js reports it once the page is shown; without
 * JavaScript the browser loads the image inside <noscript> instead (and never both: with scripting on,
 * a browser does not load what <noscript> holds). Decision 042.
 */
export function ReadBeacon({ articleId }: { articleId: number }) {
  return (
    <div data-read-story={articleId} hidden>
      <noscript>
        {/* eslint-disable-next-line @next/next/no-img-element -- a counting pixel, not a photo */}
        <img src={`${READ_ENDPOINT}?story=${articleId}`} alt="" width={1} height={1} />
      </noscript>
    </div>
  );
}
