import { qrSymbol } from '@/lib/share/qr';
import { HIDE_IN_WECHAT, WECHAT_ITEM_ID } from '@/lib/server/trusted-inline-scripts.cjs';
import { sharePath } from '@/lib/domain/routes';
import { LINK_NETWORKS, NETWORK_LABELS } from '@/lib/domain/share-networks';
import { CopyLinkButton } from './copy-link-button';
import { NativeShareButton } from './native-share-button';
import { SHARE_PILL, ShareIcon } from './share-icons';
import { WeChatShare } from './wechat-share';

/**
 * "Share this page": plain links through our counting endpoint, the WeChat QR code, copy link and,
 * where the device has one, its share sheet. Nothing here loads anything from another site; the
 * networks are only reached when the reader taps a link.
 */
export function ShareBar({ slug, title, summary, url }: { slug: string; title: string; summary: string; url: string }) {
  const qr = qrSymbol(url);
  const links = LINK_NETWORKS.map((network) => {
    const newTab = network !== 'email';
    return (
      <li key={network}>
        {/* A plain <a>, not next/link: nothing may prefetch the counting endpoint. */}
        <a
          href={sharePath(network, slug)}
          rel="nofollow noopener"
          target={newTab ? '_blank' : undefined}
          className={SHARE_PILL}
        >
          <ShareIcon name={network} />
          <span>
            <span className="sr-only">Share on </span>
            {NETWORK_LABELS[network]}
            {newTab ? <span className="sr-only"> (opens in a new tab)</span> : null}
          </span>
        </a>
      </li>
    );
  });

  return (
    <section aria-labelledby="share-title" className="no-print my-10">
      <h2 id="share-title" className="border-b-2 border-ink pb-1 text-lg font-bold tracking-wide uppercase">
        Share this page
      </h2>
      <ul className="relative mt-4 flex flex-wrap gap-2">
        {links[0]}
        <WeChatShare
          id={WECHAT_ITEM_ID}
          slug={slug}
          summary={
            <summary
              className={`${SHARE_PILL} list-none group-open:border-brand group-open:text-brand [&::-webkit-details-marker]:hidden`}
            >
              <ShareIcon name="wechat" />
              <span>
                <span className="sr-only">Share on </span>WeChat
              </span>
            </summary>
          }
        >
          <div className="absolute left-0 z-10 mt-2 w-72 max-w-full rounded border border-rule bg-paper p-4 shadow-lg">
            <svg
              role="img"
              aria-labelledby="wechat-qr-title"
              viewBox={`0 0 ${qr.size} ${qr.size}`}
              width="176"
              height="176"
              shapeRendering="crispEdges"
              className="mx-auto block"
              data-qr-url={url}
            >
              <title id="wechat-qr-title">QR code of this story’s address</title>
              {/* Dark on light whatever the colour scheme: scanners expect it. */}
              <rect width={qr.size} height={qr.size} fill="#ffffff" />
              <path d={qr.path} stroke="#000000" strokeWidth="1" />
            </svg>
            <p className="mt-3 text-center text-sm">Scan with WeChat, then share the story from your phone.</p>
          </div>
        </WeChatShare>
        <script dangerouslySetInnerHTML={{ __html: HIDE_IN_WECHAT }} />
        {links.slice(1)}
        <li>
          <CopyLinkButton url={url} slug={slug} />
          <noscript>
            <label className="block text-sm">
              <span className="text-muted">Link to this story</span>
              <input
                readOnly
                defaultValue={url}
                className="mt-1 block w-80 max-w-full rounded border border-rule bg-paper px-2 py-1 font-mono text-xs"
              />
            </label>
          </noscript>
        </li>
        <NativeShareButton url={url} title={title} text={summary} slug={slug} />
      </ul>
    </section>
  );
}
