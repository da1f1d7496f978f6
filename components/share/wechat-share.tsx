'use client';

import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { reportShare } from './report-share';

const subscribe = () => () => {};
const inWeChatBrowser = () => /MicroMessenger/i.test(navigator.userAgent);

/**
 * The WeChat item of the share bar: a <details> popover with the QR code (children, drawn on the
 * server), which opens without JavaScript. With JavaScript, Escape or a tap elsewhere closes it.
 * Inside WeChat's own browser it is not shown: readers there share from WeChat's menu. The share
 * bar's inline script hides it before the first paint; this leaf removes it after hydration and
 * keeps it out on client-side navigations.
 */
export function WeChatShare({ id, slug, summary, children }: { id: string; slug: string; summary: ReactNode; children: ReactNode }) {
  const inWeChat = useSyncExternalStore(subscribe, inWeChatBrowser, () => false);
  const details = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  if (inWeChat) return null;
  return (
    <li id={id} suppressHydrationWarning>
      <details
        ref={details}
        className="group"
        onToggle={(e) => {
          const nowOpen = e.currentTarget.open;
          setOpen(nowOpen);
          if (nowOpen) reportShare(slug, 'wechat');
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && e.currentTarget.open) {
            e.currentTarget.open = false;
            e.currentTarget.querySelector('summary')?.focus();
          }
        }}
      >
        {summary}
        {children}
      </details>
    </li>
  );
}
