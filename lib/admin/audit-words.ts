// The audit log in words: each entry's action and detail as a sentence an editor reads at a glance,
// and who did it (an automatic release is the schedule's, not the command line's). Pure.

export type AuditEntryView = {
  action: string;
  objectType: string;
  objectId: string;
  detail: string;
  userName: string | null;
};

type Detail = Record<string, unknown>;

const FIELD_NAMES: Record<string, string> = {
  title: 'headline',
  slug: 'address',
  standfirst: 'standfirst',
  sectionId: 'section',
  authorId: 'author page',
  byline: 'byline',
  dateline: 'dateline',
  body: 'text',
  status: 'status',
  publishedAt: 'publish time',
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const quoted = (v: unknown) => (str(v) ? `“${str(v)}”` : '');

function parse(detail: string): Detail {
  try {
    const value = JSON.parse(detail) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Detail) : {};
  } catch {
    return {};
  }
}

function story(d: Detail, id: string) {
  return quoted(d.title) || (str(d.slug) ? `the story at /news/${str(d.slug)}` : `story ${id}`);
}

function changedFields(d: Detail): string {
  const list = Array.isArray(d.changed) ? d.changed.map((k) => FIELD_NAMES[str(k)] ?? str(k)).filter(Boolean) : [];
  if (list.length === 0) return '';
  const last = list.pop();
  return `: changed the ${list.length ? `${list.join(', ')} and ${last}` : last}`;
}

const SENTENCES: Record<string, (d: Detail, id: string) => string> = {
  'story.create': (d, id) => `Started ${story(d, id)}`,
  'story.update': (d, id) => `Edited ${story(d, id)}${changedFields(d)}`,
  'story.publish': (d, id) => `Published ${story(d, id)}${changedFields(d)}`,
  'story.schedule': (d, id) => `Scheduled ${story(d, id)}`,
  'story.submit': (d, id) => `Sent ${story(d, id)} for review`,
  'story.to-draft': (d, id) => `Moved ${story(d, id)} back to draft`,
  'story.release': (d, id) => `Released ${story(d, id)} at its scheduled time`,
  'story.unpublish': (d, id) => `Took down ${story(d, id)}`,
  'story.set-hero': (d, id) => `Set the lead photo of story ${id}${str(d.alt) ? ` (${quoted(d.alt)})` : ''}`,
  'story.remove-hero': (_d, id) => `Removed the lead photo of story ${id}`,
  'story.update-hero-text': (_d, id) => `Edited the lead photo’s alt text, caption or credit on story ${id}`,
  'media.upload': (d, id) => `Uploaded photo ${id}${str(d.alt) ? ` (${quoted(d.alt)})` : ''}`,
  'media.delete': (d, id) => `Deleted photo ${id}${Number(d.uses) > 0 ? `, which ${str(d.uses)} stories showed` : ''}`,
  'section.create': (d) => `Created the section ${quoted(d.name)}`,
  'section.update': (d, id) => `Edited the section ${quoted(d.name) || id}`,
  'section.move': (d, id) => `Moved the section ${quoted(d.name) || id}`,
  'section.reorder': (d, id) => `Moved section ${id} ${str(d.direction) || 'in the list'}`,
  'section.delete': (d, id) => `Deleted the section ${quoted(d.name) || id}`,
  'page.update': (d, id) => `Edited the page ${quoted(d.title) || id}`,
  'partner.create': (d) => `Added the partner ${quoted(d.name)}`,
  'partner.update': (d, id) => `Edited the partner ${quoted(d.name) || id}`,
  'partner.delete': (d, id) => `Removed the partner ${quoted(d.name) || id}`,
  'promo.create': (d) => `Created the promo ${quoted(d.title)}`,
  'promo.update': (d, id) => `Edited the promo ${quoted(d.title) || id}`,
  'promo.delete': (d, id) => `Removed the promo ${quoted(d.title) || id}`,
  'settings.update': () => 'Changed the site settings',
  'message.mark-read': (_d, id) => `Marked contact message ${id} as read`,
  'message.mark-unread': (_d, id) => `Marked contact message ${id} as unread`,
  'user.create': (d, id) => `Created the account ${quoted(d.email) || id}${str(d.role) ? ` (${str(d.role)})` : ''}`,
  'user.update': (d, id) => `Edited the account ${quoted(d.email) || id}`,
  'user.set-role': (d, id) =>
    `Changed the role of account ${quoted(d.email) || id}${str(d.role) ? ` to ${str(d.role)}` : ''}`,
  'user.disable': (_d, id) => `Disabled account ${id}`,
  'user.enable': (_d, id) => `Enabled account ${id}`,
  'user.reset-password': (_d, id) => `Reset the password of account ${id}`,
  'user.change-own-password': () => 'Changed their own password',
  'user.invite': (_d, id) => `Sent account ${id} an invitation by email`,
  'user.reset-link': (_d, id) => `Sent account ${id} a link to choose a new password`,
  'user.accept-invitation': () => 'Took up their invitation and chose a password',
  'user.reset-password-by-link': () => 'Chose a new password through an emailed link',
  'user.link-author': (d, id) =>
    str(d.authorName)
      ? `Linked account ${id} to the author page ${quoted(d.authorName)}`
      : `Unlinked account ${id} from its author page`,
  'votes.void': (d, id) => `Voided ${str(d.voided) || 'some'} votes on story ${id}`,
  'votes.pause': (_d, id) => `Paused voting on story ${id}`,
  'votes.resume': (_d, id) => `Resumed voting on story ${id}`,
};

/** One sentence for an entry; an action this list does not know is named as it is stored. */
export function describeAudit(entry: AuditEntryView): string {
  const sentence = SENTENCES[entry.action];
  const detail = parse(entry.detail);
  // Edits record { before, after }: the sentence names the result.
  const after = detail.after && typeof detail.after === 'object' ? (detail.after as Detail) : {};
  const text = sentence
    ? sentence({ ...after, ...detail }, entry.objectId)
    : `${entry.action} on ${entry.objectType} ${entry.objectId}`;
  return `${text}.`;
}

/** Who made the change: the account, or what acts without one. */
export function auditActor(entry: Pick<AuditEntryView, 'action' | 'userName'>): string {
  if (entry.userName) return entry.userName;
  if (entry.action === 'user.reset-link') return '“Forgot your password?”';
  return entry.action === 'story.release' ? 'The schedule' : 'Command line';
}
