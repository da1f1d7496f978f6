import { contentApiResponse } from '@/lib/content-api';

// Cached like the reader pages: each address is rendered once and kept until a story change refreshes
// every /api/v1 address (lib/admin/revalidate.ts), or for this long at most.
export const revalidate = 300;
export const generateStaticParams = async () => [];

export async function GET(_request: Request, { params }: RouteContext<'/api/v1/[[...path]]'>) {
  return contentApiResponse((await params).path ?? []);
}
