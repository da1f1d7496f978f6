import type { ReactNode } from 'react';

/**
 * The WeChat item of the share bar: a <details> popover with the QR code (children, drawn on the
 * server), which opens without JavaScript. With JavaScript (lib/share/share-in-page.ts), Escape or a tap
 * elsewhere closes it and opening it counts a share. Inside WeChat's own browser it is not shown:
 * readers there share from WeChat's menu. The share bar's inline script hides it before the first
 * paint; the page script then removes it.
 */
export function WeChatShare({
  id,
  slug,
  summary,
  children,
}: {
  id: string;
  slug: string;
  summary: ReactNode;
  children: ReactNode;
}) {
  return (
    <li id={id}>
      <details className="group" data-wechat-share={slug}>
        {summary}
        {children}
      </details>
    </li>
  );
}
