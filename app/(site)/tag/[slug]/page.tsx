import { tagListing } from '@/components/listing/kinds';
import { listingRoute } from '@/components/listing/story-listing';

// Rendered on first visit, then cached like every listing (decision 001).
export const revalidate = 300;
export const generateStaticParams = async () => [];

const route = listingRoute(tagListing);
export const generateMetadata = route.generateMetadata;
export default route.Page;
