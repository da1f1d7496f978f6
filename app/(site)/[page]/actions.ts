'use server';

import { headers } from 'next/headers';
import { insertContactMessage } from '@/db/queries/contact';
import { recordedWriteFailure } from '@/db/queries/health';
import { formValues, parseForm, type ActionState } from '@/lib/action-state';
import { contactSchema } from '@/lib/admin/schemas';
import { requireSameOrigin } from '@/lib/auth/staff';
import { clientIpFrom, hashKey } from '@/lib/client-ip';
import { normalizeAddress } from '@/lib/votes/ip-hash';

const HOUR = 3_600_000;

/** Anyone may write; 5 messages an hour per address (30 an hour shared when the address is unknown). */
export async function sendContactMessageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  // The origin check of every write (the proxy's filter refuses the same requests first).
  await requireSameOrigin();
  const parsed = parseForm(contactSchema, form);
  if (parsed.state) return parsed.state;
  // An IPv6 client's whole /64 is one address, as for votes and sign-in.
  const address = normalizeAddress(clientIpFrom(await headers()));
  try {
    const { name, email, subject, message } = parsed.data;
    const limit = address
      ? { key: `contact:${hashKey('contact', address)}`, limit: 5, windowMs: HOUR }
      : { key: 'contact:unknown', limit: 30, windowMs: HOUR };
    const saved = await insertContactMessage({ name, email, subject, message }, limit);
    if (saved === undefined) {
      return {
        ok: false,
        message: 'You have sent several messages in the last hour. Please wait a while before sending another.',
        values: formValues(form),
      };
    }
  } catch (error) {
    // A database that cannot take writes (locked, full, read-only, failing disk): say so and keep
    // what the reader wrote, rather than an error page (docs/decisions/014).
    const kind = recordedWriteFailure(error);
    const message =
      kind === 'busy'
        ? 'The site is very busy and your message was not sent. Please try again in a moment.'
        : 'The site cannot save messages right now, so your message was not sent. Please try again later.';
    return { ok: false, message, values: formValues(form) };
  }
  return {
    ok: true,
    message: 'Thank you. Your message has reached the newsroom; we reply to most messages within a few days.',
  };
}
