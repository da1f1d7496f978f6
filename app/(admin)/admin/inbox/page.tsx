import type { Metadata } from 'next';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { PageHeader } from '@/components/admin/page-header';
import { Pagination } from '@/components/ui/pagination';
import { countMessages, listMessages } from '@/db/queries/contact';
import { pageParam, withParam, type RawSearchParams } from '@/lib/admin/search-params';
import { requireStaff } from '@/lib/auth/staff';
import { formatDateTime } from '@/lib/format';
import { markMessageAction } from '../furniture-actions';

export const metadata: Metadata = { title: 'Inbox' };

const PAGE_SIZE = 20;

export default async function InboxPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  await requireStaff('inbox.read');
  const params = await searchParams;
  const total = await countMessages();
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(pageParam(params), pageCount);
  const messages = await listMessages({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return (
    <>
      <PageHeader title="Inbox" />
      <p className="mb-4 text-sm text-muted">Messages sent with the form on the Contact us page, newest first.</p>
      {messages.length === 0 ? <p className="text-muted">No messages yet.</p> : null}
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} className={`admin-card ${m.readAt ? '' : 'border-l-4 border-l-brand'}`}>
            <article aria-label={m.subject}>
              <header className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="font-bold">
                  {m.readAt ? null : (
                    <span className="mr-2 rounded bg-brand px-1.5 py-0.5 text-xs text-white dark:text-black">New</span>
                  )}
                  {m.subject}
                </h2>
                <p className="text-sm text-muted">{formatDateTime(m.createdAt)}</p>
              </header>
              <p className="text-sm">
                From {m.name} &lt;
                <a href={`mailto:${m.email}`} className="text-brand hover:underline">
                  {m.email}
                </a>
                &gt;
              </p>
              <p className="mt-2 text-sm whitespace-pre-wrap">{m.message}</p>
              <ActionForm action={markMessageAction} actionName="message.mark" className="mt-2">
                <input type="hidden" name="id" value={m.id} />
                <input type="hidden" name="read" value={m.readAt ? '0' : '1'} />
                <SubmitButton variant="secondary">{m.readAt ? 'Mark as unread' : 'Mark as read'}</SubmitButton>
              </ActionForm>
            </article>
          </li>
        ))}
      </ol>
      <Pagination page={page} pageCount={pageCount} href={(n) => withParam('/admin/inbox', params, 'page', n)} />
    </>
  );
}
