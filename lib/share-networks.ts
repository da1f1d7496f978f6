// The allow-list of places a reader can share a story to, and how each network's share URL is built.
// Targets are built here from our own data only: nothing in a request can choose or change them, so
// /share/<network>/<slug> can never become an open redirect.

export type ShareInput = {
  /** canonical absolute URL of the story */
  url: string;
  title: string;
  /** standfirst or excerpt, plain text */
  summary: string;
  siteName: string;
};

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

/**
 * Percent-encodes every value as UTF-8, strictly (RFC 3986: also ! ' ( ) *), with spaces as %20
 * rather than "+", which mail clients would show literally. Lone surrogates become U+FFFD first, so
 * odd input cannot throw.
 */
export function encodeQuery(params: Record<string, string>): string {
  const strict = (value: string) =>
    encodeURIComponent(value.toWellFormed()).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  return Object.entries(params)
    .map(([key, value]) => `${key}=${strict(value)}`)
    .join('&');
}

const BUILDERS: Record<LinkNetwork, (input: ShareInput) => string> = {
  weibo: ({ url, title, siteName }) =>
    `https://service.weibo.com/share/share.php?${encodeQuery({ url, title: `${title} | ${siteName}` })}`,
  x: ({ url, title }) => `https://x.com/intent/tweet?${encodeQuery({ text: title, url })}`,
  facebook: ({ url }) => `https://www.facebook.com/sharer/sharer.php?${encodeQuery({ u: url })}`,
  linkedin: ({ url }) => `https://www.linkedin.com/sharing/share-offsite/?${encodeQuery({ url })}`,
  reddit: ({ url, title }) => `https://www.reddit.com/submit?${encodeQuery({ url, title })}`,
  // RFC 6068: line breaks in a mailto body are %0D%0A.
  email: ({ url, title, summary, siteName }) =>
    `mailto:?${encodeQuery({ subject: title, body: [summary, `Read it on ${siteName}: ${url}`].filter(Boolean).join('\r\n\r\n') })}`,
};

/** The network's own share URL for a story. */
export function buildShareUrl(network: LinkNetwork, input: ShareInput): string {
  return BUILDERS[network](input);
}
