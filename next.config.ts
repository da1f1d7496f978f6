import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import { install as installClientIp } from './lib/server/client-ip.cjs';
import {
  HSTS,
  OPENER_POLICY,
  readerPolicy,
  siteIsHttps,
  STATIC_HEADERS,
} from './lib/server/content-security-policy.cjs';
import { installProtections } from './lib/server/protections.cjs';
import { databaseMode } from './db/config';
import { flushIntervalMs } from './lib/reads/settings';
import { rasterizeDemoImages } from './lib/server/demo-images';
import { buildReaderScript } from './lib/server/reader-script';
import { siteTimeZone } from './lib/time-zone';
import { voteSettings } from './lib/votes/settings';
import { HINT_VALUE_PATTERN, VOTED_HINT_COOKIE } from './lib/votes/voted-hint';

// next.config is evaluated inside the process that serves requests (`next start`, `next dev`), so
// every way of starting Next gets the trusted client address header (docs/decisions/003-client-ip.md).
// Loading it also checks TRUST_PROXY, and the next lines the vote and share limits, the database
// mode and the time zone: bad values stop the start.
installClientIp();
voteSettings();
flushIntervalMs();
databaseMode();
siteTimeZone();

// `npm run build:standalone` (scripts/build-standalone.ts) builds the self-contained server for
// containers and deploy/; every other build is the one `next start` serves (decision 053).
const standalone = process.env.MOODWIRE_STANDALONE === '1';

const nextConfig: NextConfig = {
  ...(standalone ? { output: 'standalone' as const } : {}),
  // The benchmark builds and serves from its own folder (decision 009), so its database never leaks
  // into the build that `npm start` serves.
  distDir: process.env.MOODWIRE_DIST_DIR || '.next',
  poweredByHeader: false,
  // Next hashes the whole HTML of every answer, cached or not, to make an ETag: about a sixth of the
  // CPU time of serving a cached page (decision 009). Cached pages are cheap to send whole, and a CDN
  // in front makes its own validators.
  generateEtags: false,
  // Compression is done by the server hook (lib/server/security-headers.cjs), once per version of a
  // cached page or feed, with brotli when the client takes it, and the ETag computed once with it
  // (decision 030); Next would compress every answer again, and after the hook had to read it.
  compress: false,
  // Rendered pages Next keeps in memory (the rest are read from its disk cache). Next's 50 MB default
  // costs about 235 MB of RSS once 1,500 stories have been read (decision 009). Next counts a page's
  // characters, and V8 keeps a page with one curly quote or one Chinese character at two bytes a
  // character: 10 MB held 39 MB of heap in a heap snapshot (issue 16 §5). 5 MB keeps the home page,
  // sections, rankings and the hundred or so most read stories; the rest cost a disk read.
  cacheMaxMemorySize: 5 * 1024 * 1024,
  // Next's file-system cache, or with REDIS_URL one shared by every server (decision 051); either way
  // an unknown address (a 404, a redirect, a page that asks not to be kept) leaves nothing behind:
  // anonymous requests must not grow the disk or Redis (decision 018).
  cacheHandler: path.join(process.cwd(), 'lib', 'server', 'shared-cache-handler.cjs'),
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'sharp'],
  experimental: {
    // forbidden() gives staff pages and actions a real 403 for a role that may not do something.
    authInterrupts: true,
    // Hero photos (5 MB at most) are posted to a server action; room for the multipart overhead.
    serverActions: { bodySizeLimit: '6mb' },
  },
  // The fixed headers, from the build's own routes manifest: every way of starting Next sends them,
  // static files included (decision 054). A reader page's policy admits its one known inline script by
  // hash (the server hook narrows it to the scripts a page really carries); the staff pages' policy
  // carries a nonce made per request by proxy.ts.
  async headers() {
    const fixed = Object.entries(STATIC_HEADERS).map(([key, value]) => ({ key, value }));
    if (siteIsHttps()) fixed.push({ key: 'Strict-Transport-Security', value: HSTS });
    const opener = [{ key: 'Cross-Origin-Opener-Policy', value: OPENER_POLICY }];
    return [
      { source: '/:path*', headers: fixed },
      { source: '/((?!admin(?:/|$)).*)', headers: [{ key: 'Content-Security-Policy', value: readerPolicy() }] },
      ...['/admin', '/admin/:path*', '/api/:path*', '/_next/:path*'].map((source) => ({ source, headers: opener })),
    ];
  },
  // Rewrites here, not in proxy.ts: Next resolves these inside the server, while a rewrite returned by
  // the proxy becomes an HTTP request from the server to itself whenever the server is bound to a
  // loopback address (127.0.0.1, ::1: the README's HOSTNAME example, the bench, Playwright). Next's
  // proxy names that host `localhost` and then no longer recognises the rewrite as its own (upstream
  // vercel/next.js#94745); under concurrent requests those self-requests failed with ECONNRESET (a 500)
  // and stacked close listeners on the response. See docs/decisions/017-voter-copy-without-a-self-request.md.
  async rewrites() {
    // Mood rankings are cached per mood, period and section (decision 015): a query these rules fully
    // understand is served by the cached page for it, /moods/<mood>/in/<window>[/<section>], while the
    // address stays /moods/<mood>?window=…&section=…. An empty value counts as absent (the plain form
    // sends "All sections" as section=). Anything else reaches /moods/<mood> itself, rendered per
    // request with a message about what it did not understand.
    const window = { type: 'query', key: 'window', value: '(?<window>day|week|month)' } as const;
    const section = { type: 'query', key: 'section', value: '(?<section>[a-z0-9-]{1,120})' } as const;
    const noWindow = { type: 'query', key: 'window' } as const;
    const noSection = { type: 'query', key: 'section' } as const;
    // A reader whose hint cookie (scoped to this story's address) names a mood gets the story's cached
    // copy with that mood marked (decision 002).
    const hint = { type: 'cookie', key: VOTED_HINT_COOKIE, value: HINT_VALUE_PATTERN } as const;
    return {
      beforeFiles: [
        { source: '/news/:slug', has: [hint], destination: '/news/:slug/mood/:mood' },
        { source: '/moods/:mood', has: [window, section], destination: '/moods/:mood/in/:window/:section' },
        { source: '/moods/:mood', has: [window], missing: [noSection], destination: '/moods/:mood/in/:window' },
        { source: '/moods/:mood', has: [section], missing: [noWindow], destination: '/moods/:mood/in/week/:section' },
        { source: '/moods/:mood', missing: [noWindow, noSection], destination: '/moods/:mood/in/week' },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // The per-mood copies of a story are reached only through the rewrite above (redirects apply to the
  // address asked for, never to a rewrite's destination): a direct visit is sent to the story itself.
  async redirects() {
    return [{ source: '/news/:slug/mood/:mood', destination: '/news/:slug', permanent: true }];
  },
  images: {
    // Uploaded photos are resized by sharp once, at upload, into fixed widths; the loader picks one.
    // No on-the-fly optimiser runs on the server (see lib/image-loader.ts).
    loader: 'custom',
    loaderFile: './lib/image-loader.ts',
    deviceSizes: [320, 640, 960, 1280, 1600],
    imageSizes: [160, 240],
  },
};

// `next start` and `next dev` evaluate this file inside the process that serves requests: the server
// hooks (lib/server/protections.cjs) are installed here for them, and by lib/server/preload.cjs for the
// standalone server, which never evaluates it (decision 053). They give security headers and a
// hash-based CSP on every response, cached pages and static files included (decision 010), reader
// pages without Next's runtime (016), compression once per version (030), renamed addresses' 301s
// (006), 400s for malformed addresses, one log line per request, and a graceful stop on SIGTERM.
export default async function config(phase: string): Promise<NextConfig> {
  // The reader pages' only script and the demo illustrations as WebP (decision 016), built with the pages.
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) {
    await buildReaderScript();
    await rasterizeDemoImages();
  }
  if (phase === PHASE_PRODUCTION_SERVER) installProtections('next start');
  // `next dev` evaluates this file in its command process too, which serves nothing: hooks (and their
  // signal handlers) belong in the worker that does.
  if (phase === PHASE_DEVELOPMENT_SERVER && process.env.NEXT_PRIVATE_WORKER === '1') installProtections('next dev');
  return nextConfig;
}
