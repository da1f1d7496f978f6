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
  return (
    <>
      <PageHeader title="New story" back={{ href: '/admin/stories', label: 'Stories' }} />
      <StoryForm
        action={saveStoryAction}
        role={user.role}
        sections={await listSections()}
        authors={await listAuthors()}
        story={{
          title: '',
          slug: '',
          standfirst: '',
          byline: user.name,
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
