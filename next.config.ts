import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The benchmark builds and serves from its own folder (decision 009), so its database never leaks
  // into the build that `npm start` serves.
  distDir: process.env.MOODWIRE_DIST_DIR || '.next',
  poweredByHeader: false,
  // Next hashes the whole HTML of every answer, cached or not, to make an ETag: about a sixth of the
  // CPU time of serving a cached page (decision 009). Cached pages are cheap to send whole, and a CDN
  // in front makes its own validators.
  generateEtags: false,
  // Rendered pages Next keeps in memory (the rest are read from its disk cache). Next's 50 MB default
  // costs about 235 MB of RSS once 1,500 stories have been read; 10 MB keeps the few hundred most
  // read pages in memory (decision 009).
  cacheMaxMemorySize: 10 * 1024 * 1024,
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
