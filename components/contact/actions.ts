'use server';

import { headers } from 'next/headers';
import { insertContactMessage } from '@/db/queries/contact';
import { takeRateLimit } from '@/db/queries/throttle';
import { formValues, parseForm, type ActionState } from '@/lib/action-state';
import { contactSchema } from '@/lib/admin/schemas';
import { clientIpFrom, hashKey } from '@/lib/client-ip';

const HOUR = 3_600_000;

/** Anyone may write; 5 messages an hour per address (30 an hour shared when the address is unknown). */
export async function sendContactMessageAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const parsed = parseForm(contactSchema, form);
  if (parsed.state) return parsed.state;
  const ip = clientIpFrom(await headers());
  const allowed = ip === 'unknown' ? takeRateLimit('contact:unknown', 30, HOUR) : takeRateLimit(`contact:${hashKey('contact', ip)}`, 5, HOUR);
  if (!allowed) {
    return { ok: false, message: 'You have sent several messages in the last hour. Please wait a while before sending another.', values: formValues(form) };
  }
  const { name, email, subject, message } = parsed.data;
  insertContactMessage({ name, email, subject, message });
  return { ok: true, message: 'Thank you. Your message has reached the newsroom; we reply to most messages within a few days.' };
}
