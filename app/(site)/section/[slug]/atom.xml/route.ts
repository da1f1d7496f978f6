import { sectionFeedResponse } from '@/lib/syndication';

export const revalidate = 300;
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: RouteContext<'/section/[slug]/atom.xml'>) {
  return sectionFeedResponse('atom', (await params).slug);
}
