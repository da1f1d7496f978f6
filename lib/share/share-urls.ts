// How each network's share URL is built (the allow-list of networks is lib/domain/share-networks.ts).
// Targets are built here from our own data only: nothing in a request can choose or change them, so
// /share/<network>/<slug> can never become an open redirect.
import type { LinkNetwork } from '@/lib/domain/share-networks';

export type ShareInput = {
  /** canonical absolute URL of the story */
  url: string;
  title: string;
  /** standfirst or excerpt, plain text */
  summary: string;
  siteName: string;
};

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
