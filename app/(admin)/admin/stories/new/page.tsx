import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/page-header';
import { StoryForm } from '@/components/admin/story-form';
import { listAuthors } from '@/db/queries/admin-stories';
import { listSections } from '@/db/queries/sections';
import { requireStaff } from '@/lib/auth/staff';
import { saveStoryAction } from '../actions';

export const metadata: Metadata = { title: 'New story' };

export default async function NewStoryPage() {
  const user = await requireStaff('story.write');
  const authors = await listAuthors();
  // A writer linked to an author page writes under its name (users page: "Author page and byline").
  const byline = authors.find((a) => a.id === user.authorId)?.name ?? user.name;
  return (
    <>
      <PageHeader title="New story" back={{ href: '/admin/stories', label: 'Stories' }} />
      <StoryForm
        action={saveStoryAction}
        role={user.role}
        sections={await listSections()}
        authors={authors}
        story={{
          title: '',
          slug: '',
          standfirst: '',
          byline,
          dateline: '',
          body: '',
          tags: [],
          related: [],
          status: 'draft',
          publishedAt: null,
          authorId: user.authorId,
        }}
      />
    </>
  );
}
