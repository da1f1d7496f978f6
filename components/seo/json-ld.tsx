import { serializeJsonLd, type JsonLd as JsonLdData } from '@/lib/seo';

/** Structured data for search engines, escaped so no value can break out of the script element. */
export function JsonLd({ data }: { data: JsonLdData }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
