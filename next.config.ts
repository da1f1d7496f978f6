import type { NextConfig } from 'next';
import { install as installSecurityHeaders } from './lib/server/security-headers.cjs';

// Evaluated inside the process that serves requests: every response (cached pages, static files,
// 404s and errors included) gets the security headers and a hash-based CSP (decision 010).
installSecurityHeaders();

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
