import { SHARE_PILL, ShareIcon } from './share-icons';

/**
 * Copies the story's canonical URL (lib/share/share-in-page.ts does the copying). Hidden when scripting is
 * off, where the share bar shows a selectable URL field instead (in <noscript>). If the browser
 * refuses to copy (no clipboard access, e.g. a plain-http site), the script shows the field, selected,
 * so the reader can copy it by hand.
 */
export function CopyLinkButton({ url, slug }: { url: string; slug: string }) {
  return (
    <span data-copy-link={url} data-slug={slug}>
      <button type="button" className={`${SHARE_PILL} min-w-36 noscript:hidden`}>
        <span className="contents" data-copy-state="idle">
          <ShareIcon name="copy" />
          Copy link
        </span>
        <span className="contents" data-copy-state="copied" hidden>
          <ShareIcon name="copied" />
          Link copied
        </span>
      </button>
      <span role="status" className="sr-only" />
    </span>
  );
}
