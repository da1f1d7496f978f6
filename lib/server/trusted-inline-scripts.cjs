'use strict';
// Our own inline scripts, byte for byte. The CSP layer (security-headers.cjs) admits exactly these
// texts by hash, and the components that write them import them from here, so the two cannot drift.

const WECHAT_ITEM_ID = 'share-wechat';

/**
 * Runs while the page is parsed, before the first paint: inside WeChat's browser the WeChat share item
 * is hidden at once, so it never flashes before hydration removes it.
 */
const HIDE_IN_WECHAT = `(function(){var e=document.getElementById('${WECHAT_ITEM_ID}');if(e&&/MicroMessenger/i.test(navigator.userAgent))e.hidden=true})()`;

module.exports = { WECHAT_ITEM_ID, HIDE_IN_WECHAT, TRUSTED_INLINE_SCRIPTS: [HIDE_IN_WECHAT] };
