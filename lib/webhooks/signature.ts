// How a webhook body is signed (decision 045, README "Webhooks"): HMAC-SHA256 with the webhook's
// secret over "<timestamp>.<body>", hex, sent as `X-Moodwire-Signature: sha256=<hex>` beside
// `X-Moodwire-Timestamp` (Unix seconds), so a receiver can refuse a replayed old body.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-moodwire-signature';
export const TIMESTAMP_HEADER = 'x-moodwire-timestamp';
export const EVENT_HEADER = 'x-moodwire-event';
export const DELIVERY_HEADER = 'x-moodwire-delivery';

export function signBody(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** What a receiver does (the tests' receiver does exactly this). */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  const expected = Buffer.from(signBody(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
