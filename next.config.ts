import type { NextConfig } from 'next';
import { install as installClientIp } from './lib/server/client-ip.cjs';
import { voteSettings } from './lib/votes/settings';

// next.config is evaluated inside the process that serves requests (`next start`, `next dev`), so
// every way of starting Next gets the trusted client address header (docs/decisions/003-client-ip.md).
// Loading it also checks TRUST_PROXY, and the next line the vote limits: bad values stop the start.
installClientIp();
voteSettings();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'sharp'],
  images: {
    // Uploaded photos are resized by sharp once, at upload, into fixed widths; the loader picks one.
    // No on-the-fly optimiser runs on the server (see lib/image-loader.ts).
    loader: 'custom',
    loaderFile: './lib/image-loader.ts',
    deviceSizes: [320, 640, 960, 1280, 1600],
    imageSizes: [160, 240],
  },
};

export default nextConfig;
