// Which requests are a person reading a story (decision 042). Browsers say when a request is made
// ahead of time (Sec-Purpose / Purpose: prefetch, prerender), and crawlers, link unfurlers and feed
// readers name themselves in their user agent: none of those is a read. A start, as issue 20 asks;
// a bot that hides behind a browser's name is counted like one (and limited like one, per address).

// Well-known crawlers, preview fetchers and tools, by the words their user agents carry.
const BOT_AGENT =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|facebookcatalog|embedly|quora link preview|bitlyb|skypeuripreview|whatsapp|telegram|discord|slack|vkshare|pinterest|outbrain|flipboard|tumblr|redditbot|applebot|yandex|baidu|bingpreview|mediapartners|adsbot|lighthouse|pagespeed|pingdom|uptime|monitor|curl\/|wget\/|python-|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|headless-?shell|phantomjs|preview/i;

export function isBotAgent(agent: string | null): boolean {
  return !agent || agent.length > 1000 || BOT_AGENT.test(agent);
}

/** Why this request is not counted as a read, or undefined when it is one. */
export function notAReader(headers: Pick<Headers, 'get'>): 'prefetch' | 'bot' | 'other-site' | undefined {
  const purpose = `${headers.get('sec-purpose') ?? ''} ${headers.get('purpose') ?? ''} ${headers.get('x-purpose') ?? ''}`;
  if (/prefetch|prerender|preview/i.test(purpose)) return 'prefetch';
  if (isBotAgent(headers.get('user-agent'))) return 'bot';
  // Only our own pages report reads: another site that embeds the pixel or posts to the endpoint
  // counts nothing (browsers that send no fetch metadata are taken at their word).
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return 'other-site';
  return undefined;
}
