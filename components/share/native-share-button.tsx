'use client';

import { useSyncExternalStore } from 'react';
import { reportShare } from './report-share';
import { SHARE_PILL, ShareIcon } from './share-icons';

const subscribe = () => () => {};

/**
 * The phone's own share sheet (Web Share API). Rendered only where navigator.canShare accepts this
 * story, so never on the server, and it comes last in the bar so that appearing moves nothing else.
 */
export function NativeShareButton({ url, title, text, slug }: { url: string; title: string; text: string; slug: string }) {
  const supported = useSyncExternalStore(
    subscribe,
    () => typeof navigator.canShare === 'function' && navigator.canShare({ url, title }),
    () => false,
  );
  if (!supported) return null;

  async function share() {
    try {
      await navigator.share({ url, title, text });
      reportShare(slug, 'native');
    } catch {
      // The reader closed the sheet (AbortError) or the share failed: nothing to report.
    }
  }

  return (
    <li>
      <button type="button" onClick={share} className={SHARE_PILL}>
        <ShareIcon name="native" />
        <span className="sr-only">Share with another app</span>
        <span aria-hidden="true">More…</span>
      </button>
    </li>
  );
}
