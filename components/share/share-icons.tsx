// Small line icons for the share bar, drawn for Moodwire: no brand files, no icon fonts, no requests.
import type { ReactNode } from 'react';
import type { ShareNetwork } from '@/lib/domain/share-networks';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="shrink-0"
    >
      {children}
    </svg>
  );
}

const PATHS: Record<ShareNetwork | 'copied', ReactNode> = {
  weibo: (
    <>
      <path d="M2.5 14.5c2.3-3.6 5.7-5.6 9-5.6s6.2 2 8 5.6c-1.8 3.6-4.8 5.6-8.5 5.6s-6.3-2-8.5-5.6z" />
      <circle cx="11.2" cy="14.5" r="2.6" />
      <path d="M15 3.2a6.5 6.5 0 0 1 6 6" />
      <path d="M15 6.3a3.4 3.4 0 0 1 3 3" />
    </>
  ),
  wechat: (
    <>
      <path d="M16 8.6c-.6-3.1-3.6-5.4-7.2-5.4C4.8 3.2 1.6 6 1.6 9.4c0 2 1 3.7 2.7 4.8l-.6 2.3 2.7-1.4c.8.2 1.6.3 2.4.3" />
      <path d="M15.6 9.6c3.7 0 6.8 2.5 6.8 5.6 0 1.7-.9 3.2-2.4 4.2l.5 2-2.4-1.2c-.8.2-1.6.3-2.5.3-3.7 0-6.8-2.5-6.8-5.4s3.1-5.5 6.8-5.5z" />
      <path d="M6.3 7.6v.01M11 7.6v.01M13.4 13.8v.01M17.8 13.8v.01" strokeWidth="2.4" />
    </>
  ),
  x: <path d="M4.5 4.5l15 15M19.5 4.5l-15 15" />,
  facebook: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="4" />
      <path d="M16 7.5h-1.6a2.4 2.4 0 0 0-2.4 2.4V21M9 13h6" />
    </>
  ),
  linkedin: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="4" />
      <path d="M8 10.5v6.5M8 7.3v.01M12 17v-6.5M12 13.6a2.8 2.8 0 0 1 5.6 0V17" />
    </>
  ),
  reddit: (
    <>
      <ellipse cx="12" cy="14.5" rx="8.5" ry="5.8" />
      <path d="M9.2 13.6v.01M14.8 13.6v.01" strokeWidth="2.6" />
      <path d="M9.3 16.8c1.7 1 3.7 1 5.4 0M12 8.7l1.3-5 4 1.1" />
      <circle cx="19" cy="5.2" r="1.5" />
    </>
  ),
  email: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="M3.6 6.5 12 13l8.4-6.5" />
    </>
  ),
  copy: (
    <>
      <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
      <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
    </>
  ),
  native: (
    <>
      <path d="M12 3v12M8 7l4-4 4 4" />
      <path d="M6 11H5v8a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-8h-1" />
    </>
  ),
  copied: <path d="M5 12.5 9.5 17 19 7.5" />,
};

export function ShareIcon({ name }: { name: ShareNetwork | 'copied' }) {
  return <Icon>{PATHS[name]}</Icon>;
}

/** The look every share control shares: a pill at least 44 px high, easy to hit with a thumb. */
export const SHARE_PILL =
  'inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-full border border-rule px-4 text-sm font-semibold hover:border-brand hover:text-brand';
