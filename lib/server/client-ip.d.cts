export declare const HEADER: 'x-moodwire-client-ip';
export declare function install(): void;
export declare function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string;
export declare function parseTrustProxy(value: string | undefined): number;
export declare function reloadTrustProxy(): void;
