// One attempt of one delivery: resolve the host, check every address it resolves to, connect to the
// checked address itself (no second lookup a DNS answer could change in between), check the address
// actually connected to, post, and take the status line. Redirects are not followed; the body of the
// answer is never read. Decision 045.
import http from 'node:http';
import https from 'node:https';
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import type { AttemptResult } from '@/db/queries/webhooks';
import { parseWebhookUrl, addressProblem } from './target';
import { DELIVERY_HEADER, EVENT_HEADER, signBody, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';

export type Delivery = { id: number; event: string; payload: string; url: string; secret: string };

const failure = (error: string, status: number | null = null): AttemptResult => ({ ok: false, status, error });

/** The one address to connect to, or why there is none. */
async function resolveTarget(host: string, allowPrivate: boolean): Promise<{ address: string } | { error: string }> {
  let addresses: { address: string }[];
  if (net.isIP(host)) addresses = [{ address: host }];
  else {
    try {
      addresses = await lookup(host, { all: true, verbatim: false });
    } catch {
      return { error: `${host} could not be resolved.` };
    }
  }
  // Every address must pass: a name that also points somewhere private is refused as a whole.
  for (const { address } of addresses) {
    const problem = addressProblem(address, allowPrivate);
    if (problem) return { error: problem };
  }
  return addresses[0] ? { address: addresses[0].address } : { error: `${host} has no address.` };
}

export async function postWebhook(
  delivery: Delivery,
  { allowPrivate, timeoutMs, now = Date.now() }: { allowPrivate: boolean; timeoutMs: number; now?: number },
): Promise<AttemptResult> {
  const parsed = parseWebhookUrl(delivery.url);
  if ('error' in parsed) return failure(parsed.error);
  const { url } = parsed;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const target = await resolveTarget(host, allowPrivate);
  if ('error' in target) return failure(target.error);

  const timestamp = Math.floor(now / 1000);
  const body = Buffer.from(delivery.payload);
  const secure = url.protocol === 'https:';
  const options: https.RequestOptions = {
    method: 'POST',
    host: target.address,
    port: url.port || (secure ? 443 : 80),
    path: url.pathname + url.search,
    // The certificate is checked against the name typed, not the address connected to.
    ...(secure && !net.isIP(host) ? { servername: host } : {}),
    headers: {
      host: url.host,
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': 'Moodwire-Webhook/1',
      [EVENT_HEADER]: delivery.event,
      [DELIVERY_HEADER]: String(delivery.id),
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signBody(delivery.secret, timestamp, delivery.payload),
    },
    agent: false,
  };

  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const request = (secure ? https : http).request(options, (response) => {
      const status = response.statusCode ?? 0;
      response.destroy();
      if (status >= 200 && status < 300) settle({ ok: true, status, error: '' });
      else if (status >= 300 && status < 400)
        settle(failure(`Answered ${status}: redirects are not followed.`, status));
      else settle(failure(`Answered ${status}.`, status));
    });
    const timer = setTimeout(
      () => settle(failure(`No answer within ${Math.round(timeoutMs / 100) / 10} s.`)),
      timeoutMs,
    );
    request.on('socket', (socket) => {
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        const remote = socket.remoteAddress ?? '';
        const problem = remote === target.address ? addressProblem(remote, allowPrivate) : 'changed address';
        if (problem) settle(failure(`Connected to an address that is not allowed: ${problem}`));
      });
    });
    request.on('error', (error) => settle(failure(`Could not post: ${error.message}`)));
    request.end(body);
  });
}
