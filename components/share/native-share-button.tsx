import { SHARE_PILL, ShareIcon } from './share-icons';

/**
 * The phone's own share sheet (Web Share API). Hidden until lib/share/share-in-page.ts finds that
 * navigator.canShare accepts this story; it comes last in the bar so that appearing moves nothing else.
 */
export function NativeShareButton({
  url,
  title,
  text,
  slug,
}: {
  url: string;
  title: string;
  text: string;
  slug: string;
}) {
  return (
    <li hidden data-native-share={url} data-title={title} data-text={text} data-slug={slug}>
      <button type="button" className={SHARE_PILL}>
        <ShareIcon name="native" />
        <span className="sr-only">Share with another app</span>
        <span aria-hidden="true">More…</span>
      </button>
    </li>
  );
}
