import { NotFoundMessage } from '@/components/layout/not-found-message';
import { SiteChrome } from '@/components/layout/site-chrome';

// Addresses no route matches land here, outside the (site) layout: give them the reader's masthead and
// footer too, so a mistyped link still leads somewhere.
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}
