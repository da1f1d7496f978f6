export declare const WECHAT_ITEM_ID: string;
export declare const HIDE_IN_WECHAT: string;
export declare const TRUSTED_INLINE_SCRIPTS: string[];
