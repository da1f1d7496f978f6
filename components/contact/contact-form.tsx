'use client';

// The Contact us form: a plain POST to the server action, with or without JavaScript in the browser;
// the page comes back with the result (errors next to the fields, the values kept). Its page goes out
// without Next's client runtime like every reader page (decision 016): a form sent a few times a day
// is not worth 145 kB of framework script on every visit (Lighthouse Performance 85 → 100).
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { TextArea, TextField } from '@/components/ui/fields';
import type { FormAction } from '@/lib/action-state';

/** `action`: the contact action (app/(site)/[page]/actions.ts), passed by the page. */
export function ContactForm({ action }: { action: FormAction }) {
  return (
    <section aria-labelledby="contact-form" className="mt-10 border-t border-rule pt-6">
      <h2 id="contact-form" className="mb-4 font-sans text-xl font-bold">
        Write to the newsroom
      </h2>
      <ActionForm action={action} actionName="contact.send" className="max-w-xl">
        <TextField name="name" label="Your name" autoComplete="name" maxLength={100} required />
        <TextField name="email" type="email" label="Your e-mail" autoComplete="email" maxLength={254} required />
        <TextField name="subject" label="Subject" maxLength={150} required />
        <TextArea name="message" label="Message" rows={6} required />
        <div className="hidden" aria-hidden="true">
          <label>
            Leave this empty
            <input type="text" name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        <SubmitButton>Send message</SubmitButton>
      </ActionForm>
    </section>
  );
}
