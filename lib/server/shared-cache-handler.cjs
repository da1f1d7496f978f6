'use strict';
// The cache handler next.config.ts names. With REDIS_URL, rendered pages and route answers are shared
// by every server through Redis (redis-page-cache.cjs, decision 051); without it, or while `next
// build` prerenders (its pages are files of the build), Next's file-system cache with our rules
// (route-cache-handler.cjs, decision 018).
const useRedis =
  Boolean(process.env.REDIS_URL && process.env.REDIS_URL.trim()) && process.env.NEXT_PHASE !== 'phase-production-build';

module.exports = useRedis ? require('./redis-page-cache.cjs') : require('./route-cache-handler.cjs');
