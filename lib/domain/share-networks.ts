// The allow-list of places a reader can share a story to, and their names. The share counts store these
// keys; the share URLs themselves are built in lib/share/share-urls.ts.

/** Networks reached through our counting redirect, /share/<network>/<slug>. */
export const LINK_NETWORKS = ['weibo', 'x', 'facebook', 'linkedin', 'reddit', 'email'] as const;
export type LinkNetwork = (typeof LINK_NETWORKS)[number];

/**
 * Ways of sharing that never leave the page (the WeChat QR code, copy link, the phone's share sheet):
 * with JavaScript on, the page reports them with a small POST to /api/share.
 */
export const REPORTED_NETWORKS = ['wechat', 'copy', 'native'] as const;
export type ReportedNetwork = (typeof REPORTED_NETWORKS)[number];

export type ShareNetwork = LinkNetwork | ReportedNetwork;
export const SHARE_NETWORKS: readonly ShareNetwork[] = [...LINK_NETWORKS, ...REPORTED_NETWORKS];

export const NETWORK_LABELS: Record<ShareNetwork, string> = {
  weibo: 'Weibo',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  reddit: 'Reddit',
  email: 'Email',
  wechat: 'WeChat',
  copy: 'Copy link',
  native: 'Share sheet',
};

export const isLinkNetwork = (value: string): value is LinkNetwork =>
  (LINK_NETWORKS as readonly string[]).includes(value);
