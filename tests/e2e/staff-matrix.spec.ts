// The role × action matrix, generated from lib/permissions.ts: anonymous, writer, editor and admin
// against every admin page, every server action and every route handler. Allowed calls must succeed
// (and, for actions, write); refused ones must write nothing at all (PRAGMA data_version unchanged),
// including a direct POST with no session. A page, action or route added without a row here fails
// the coverage checks at the end.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { recomputeVoteRollups } from '../../db/vote-rollups';
import { can, canEditStory, canViewStoryInsights, type Permission } from '../../lib/permissions';
import { e2eDb } from '../helpers/e2e-db';
import { ensureStaffUsers, STAFF, type StaffRole } from '../helpers/staff';
import {
  callActionDirectly,
  e2eDatabasePath,
  hiddenInputsOf,
  postForm,
  signInThroughForm,
  WriteWatcher,
  type FilePart,
} from '../helpers/staff-e2e';

type Actor = 'anonymous' | StaffRole;
const ACTORS: Actor[] = ['anonymous', 'writer', 'editor', 'admin'];
const STAFF_ROLES: StaffRole[] = ['writer', 'editor', 'admin'];

type Fixtures = {
  ids: Record<StaffRole, number>;
  writerStory: number;
  editorStory: number;
  targetUser: number;
  /** an account whose invitation is waiting: the target's password reset would void its link */
  invitedUser: number;
  section: number;
  sectionParent: number;
  reorderB: number;
  weiboWire: number;
  partner: number;
  promo: number;
  message: number;
  mediaKey: string;
};

let fx: Fixtures;
let db: WriteWatcher;
const cookies: Partial<Record<StaffRole, string>> = {};
const n = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`;
const now = () => Date.now();

function allowedBy(permission: Permission) {
  return (actor: Actor) => actor !== 'anonymous' && can(STAFF[actor].role, permission);
}
function mayEditStory(story: () => { createdBy: number; status: string }, permission: Permission = 'story.write') {
  return (actor: Actor) =>
    actor !== 'anonymous' &&
    can(STAFF[actor].role, permission) &&
    canEditStory({ id: fx.ids[actor], role: STAFF[actor].role }, story());
}
function mayViewInsights(story: () => { createdBy: number }) {
  return (actor: Actor) =>
    actor !== 'anonymous' && canViewStoryInsights({ id: fx.ids[actor], role: STAFF[actor].role }, story());
}
const burstPool: Fields[] = [];
/** Library photos no story shows, planted ahead for the delete action: each call takes one. */
const mediaPool: number[] = [];
/** 25 votes on the editor's story from one fresh address within two minutes: a burst to void. */
function plantBurst(): Fields {
  const ip = `matrix-burst-${n()}`;
  const start = Date.now() - 10 * 60_000;
  for (let i = 0; i < 25; i++)
    db.run(
      'insert into votes (article_id, reader_id, mood, ip_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
      fx.editorStory,
      `${ip}-${i}`,
      'angry',
      ip,
      start + i * 5000,
      start + i * 5000,
    );
  recomputeVoteRollups(e2eDb(), fx.editorStory);
  return {
    kind: 'ip',
    articleId: String(fx.editorStory),
    ipHash: ip,
    from: String(start),
    to: String(start + 24 * 5000),
  };
}
/** A fresh webhook for an action that changes or removes one. */
function matrixWebhook(): number {
  return Number(
    db.run(
      "insert into webhooks (url, secret, active, created_at, updated_at) values ('https://hooks.example.com/matrix', 'matrix-secret', 1, ?, ?)",
      now(),
      now(),
    ).lastInsertRowid,
  );
}
const writerStory = () => ({ createdBy: fx.ids.writer, status: 'draft' });
const editorStory = () => ({ createdBy: fx.ids.editor, status: 'published' });

// ---------- pages ----------
type PageCase = { file: string; path: () => string; allowed: (a: Actor) => boolean };
const PAGES: PageCase[] = [
  { file: 'page.tsx', path: () => '/admin', allowed: allowedBy('admin.enter') },
  { file: 'account/page.tsx', path: () => '/admin/account', allowed: allowedBy('admin.enter') },
  { file: 'stories/page.tsx', path: () => '/admin/stories', allowed: allowedBy('story.write') },
  { file: 'stories/new/page.tsx', path: () => '/admin/stories/new', allowed: allowedBy('story.write') },
  { file: 'stories/[id]/page.tsx', path: () => `/admin/stories/${fx.writerStory}`, allowed: mayEditStory(writerStory) },
  { file: 'stories/[id]/page.tsx', path: () => `/admin/stories/${fx.editorStory}`, allowed: mayEditStory(editorStory) },
  {
    file: 'stories/[id]/preview/page.tsx',
    path: () => `/admin/stories/${fx.writerStory}/preview`,
    allowed: mayEditStory(writerStory),
  },
  {
    file: 'stories/[id]/preview/page.tsx',
    path: () => `/admin/stories/${fx.editorStory}/preview`,
    allowed: allowedBy('story.edit-any'),
  },
  {
    file: 'stories/[id]/revisions/page.tsx',
    path: () => `/admin/stories/${fx.writerStory}/revisions`,
    allowed: mayEditStory(writerStory),
  },
  {
    file: 'stories/[id]/revisions/page.tsx',
    path: () => `/admin/stories/${fx.editorStory}/revisions`,
    allowed: mayEditStory(editorStory),
  },
  { file: 'media/page.tsx', path: () => '/admin/media', allowed: allowedBy('media.upload') },
  { file: 'sections/page.tsx', path: () => '/admin/sections', allowed: allowedBy('section.manage') },
  { file: 'sections/[id]/page.tsx', path: () => `/admin/sections/${fx.section}`, allowed: allowedBy('section.manage') },
  { file: 'pages/page.tsx', path: () => '/admin/pages', allowed: allowedBy('furniture.manage') },
  { file: 'pages/[slug]/page.tsx', path: () => '/admin/pages/about', allowed: allowedBy('furniture.manage') },
  { file: 'partners/page.tsx', path: () => '/admin/partners', allowed: allowedBy('furniture.manage') },
  { file: 'promos/page.tsx', path: () => '/admin/promos', allowed: allowedBy('furniture.manage') },
  { file: 'inbox/page.tsx', path: () => '/admin/inbox', allowed: allowedBy('inbox.read') },
  { file: 'users/page.tsx', path: () => '/admin/users', allowed: allowedBy('users.manage') },
  { file: 'users/[id]/page.tsx', path: () => `/admin/users/${fx.targetUser}`, allowed: allowedBy('users.manage') },
  { file: 'settings/page.tsx', path: () => '/admin/settings', allowed: allowedBy('settings.manage') },
  { file: 'webhooks/page.tsx', path: () => '/admin/webhooks', allowed: allowedBy('webhooks.manage') },
  { file: 'audit/page.tsx', path: () => '/admin/audit', allowed: allowedBy('audit.read') },
  { file: 'insights/page.tsx', path: () => '/admin/insights', allowed: allowedBy('insights.view') },
  {
    file: 'insights/stories/[id]/page.tsx',
    path: () => `/admin/insights/stories/${fx.writerStory}`,
    allowed: mayViewInsights(writerStory),
  },
  {
    file: 'insights/stories/[id]/page.tsx',
    path: () => `/admin/insights/stories/${fx.editorStory}`,
    allowed: mayViewInsights(editorStory),
  },
  { file: 'moderation/page.tsx', path: () => '/admin/moderation', allowed: allowedBy('votes.moderate') },
  { file: 'front-page/page.tsx', path: () => '/admin/front-page', allowed: allowedBy('story.publish') },
  // The sign-in page is for everyone; signed-in staff are sent on to the dashboard.
  { file: 'login/page.tsx', path: () => '/admin/login', allowed: () => true },
  // "Forgot your password?" and the page of a password link: for everyone, signed in or not.
  { file: 'login/forgot/page.tsx', path: () => '/admin/login/forgot', allowed: () => true },
  { file: 'login/new-password/page.tsx', path: () => '/admin/login/new-password', allowed: () => true },
];
const OPEN_PAGES = new Set(['login/forgot/page.tsx', 'login/new-password/page.tsx']);

// ---------- server actions ----------
type Fields = Record<string, string | FilePart>;
type ActionCase = {
  label: string;
  form: string; // data-action of the form that carries the action
  exportName: string;
  page: () => string;
  fields: (actor: Actor) => Fields;
  allowed: (a: Actor) => boolean;
  /** public actions are listed for coverage; their behaviour has its own tests */
  public?: boolean;
};

const png = sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 200, g: 90, b: 40 } } })
  .png()
  .toBuffer();
let photo: Buffer;

const storyFields = (extra: Fields): Fields => ({
  title: `Matrix story ${n()}`,
  slug: '',
  standfirst: 'Written by the permission matrix.',
  body: 'Matrix body text.',
  sectionId: String(fx.weiboWire),
  authorId: '',
  byline: 'Matrix',
  dateline: '',
  tags: 'matrix',
  related: '',
  publishAt: '',
  status: 'draft',
  ...extra,
});

const ACTIONS: ActionCase[] = [
  {
    label: 'story.save: new draft',
    form: 'story.save',
    exportName: 'saveStoryAction',
    page: () => '/admin/stories/new',
    fields: () => storyFields({}),
    allowed: allowedBy('story.write'),
  },
  {
    label: 'story.save: new, published',
    form: 'story.save',
    exportName: 'saveStoryAction',
    page: () => '/admin/stories/new',
    fields: () => storyFields({ status: 'published' }),
    allowed: allowedBy('story.publish'),
  },
  {
    label: 'story.save: someone else’s published story',
    form: 'story.save',
    exportName: 'saveStoryAction',
    page: () => '/admin/stories/new',
    fields: () =>
      storyFields({
        id: String(fx.editorStory),
        title: 'Matrix editor story',
        slug: `matrix-editor-story-${fx.editorStory}`,
        status: 'published',
        // Each actor saves over the previous one's revision on purpose (the form is the new-story page's).
        overwrite: '1',
      }),
    allowed: mayEditStory(editorStory, 'story.write'),
  },
  // Both need the editor's story public: before story.unpublish.
  {
    label: 'story.correction',
    form: 'story.correction',
    exportName: 'addCorrectionAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({ id: String(fx.editorStory), kind: 'update', note: `Matrix note ${n()}` }),
    allowed: allowedBy('story.publish'),
  },
  {
    label: 'front-page.pins (a section)',
    form: 'front-page.pins',
    exportName: 'savePinsAction',
    page: () => '/admin/front-page',
    fields: () => ({ place: String(fx.weiboWire), add: String(fx.editorStory), 'add-expires': '2099-01-01T00:00' }),
    allowed: allowedBy('story.publish'),
  },
  {
    label: 'story.pin (its section)',
    form: 'story.pin',
    exportName: 'pinStoryAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({ id: String(fx.editorStory), place: String(fx.weiboWire), pin: '1' }),
    allowed: allowedBy('story.publish'),
  },
  {
    label: 'story.unpublish',
    form: 'story.unpublish',
    exportName: 'unpublishStoryAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({ id: String(fx.editorStory) }),
    allowed: allowedBy('story.publish'),
  },
  {
    label: 'story.upload-hero: own draft',
    form: 'story.upload-hero',
    exportName: 'uploadHeroAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({
      id: String(fx.writerStory),
      alt: 'Matrix photo',
      caption: '',
      credit: '',
      photo: { name: 'm.png', mimeType: 'image/png', buffer: photo },
    }),
    allowed: mayEditStory(writerStory, 'media.upload'),
  },
  {
    label: 'story.upload-hero: someone else’s story',
    form: 'story.upload-hero',
    exportName: 'uploadHeroAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({
      id: String(fx.editorStory),
      alt: 'Matrix photo',
      caption: '',
      credit: '',
      photo: { name: 'm.png', mimeType: 'image/png', buffer: photo },
    }),
    allowed: mayEditStory(editorStory, 'media.upload'),
  },
  {
    label: 'story.update-hero-text',
    form: 'story.update-hero-text',
    exportName: 'updateHeroTextAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({ id: String(fx.writerStory), alt: `Matrix alt ${n()}`, caption: 'c', credit: 'd' }),
    allowed: mayEditStory(writerStory, 'media.upload'),
  },
  {
    label: 'story.remove-hero',
    form: 'story.remove-hero',
    exportName: 'removeHeroAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({ id: String(fx.writerStory) }),
    allowed: mayEditStory(writerStory, 'media.upload'),
  },
  {
    label: 'story.upload-body-photo: own draft',
    form: 'story.upload-body-photo',
    exportName: 'uploadBodyPhotoAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({
      id: String(fx.writerStory),
      alt: 'Matrix body photo',
      caption: '',
      credit: '',
      bodyPhoto: { name: 'm.png', mimeType: 'image/png', buffer: photo },
    }),
    allowed: mayEditStory(writerStory, 'media.upload'),
  },
  {
    label: 'story.upload-body-photo: someone else’s story',
    form: 'story.upload-body-photo',
    exportName: 'uploadBodyPhotoAction',
    page: () => `/admin/stories/${fx.editorStory}`,
    fields: () => ({
      id: String(fx.editorStory),
      alt: 'Matrix body photo',
      caption: '',
      credit: '',
      bodyPhoto: { name: 'm.png', mimeType: 'image/png', buffer: photo },
    }),
    allowed: mayEditStory(editorStory, 'media.upload'),
  },
  {
    label: 'story.restore-revision',
    form: 'story.restore-revision',
    exportName: 'restoreRevisionAction',
    page: () => `/admin/stories/${fx.editorStory}/revisions`,
    fields: () => ({
      id: String(fx.editorStory),
      revision: String(
        db.get<{ id: number }>('select min(id) as id from story_revisions where article_id = ?', fx.editorStory)!.id,
      ),
    }),
    allowed: mayEditStory(editorStory, 'story.write'),
  },
  {
    label: 'media.delete (a photo no story shows)',
    form: 'media.delete',
    exportName: 'deletePhotoAction',
    page: () => '/admin/media',
    fields: () => ({ id: String(mediaPool.shift()) }),
    allowed: allowedBy('story.edit-any'),
  },
  {
    label: 'section.create',
    form: 'section.create',
    exportName: 'createSectionAction',
    page: () => '/admin/sections',
    fields: () => ({ name: `Matrix section ${n()}`, slug: '', parentId: String(fx.sectionParent), description: '' }),
    allowed: allowedBy('section.manage'),
  },
  {
    label: 'section.update',
    form: 'section.update',
    exportName: 'updateSectionAction',
    page: () => `/admin/sections/${fx.section}`,
    fields: () => ({
      id: String(fx.section),
      name: `Matrix renamed ${n()}`,
      slug: `matrix-fixture-${fx.section}`,
      parentId: String(fx.sectionParent),
      description: '',
    }),
    allowed: allowedBy('section.manage'),
  },
  {
    label: 'section.reorder',
    form: 'section.reorder',
    exportName: 'reorderSectionAction',
    page: () => '/admin/sections',
    fields: () => {
      const first = db.get<{ id: number }>(
        'select id from sections where parent_id = ? order by position, id limit 1',
        fx.sectionParent,
      );
      return { id: String(fx.reorderB), direction: first?.id === fx.reorderB ? 'down' : 'up' };
    },
    allowed: allowedBy('section.manage'),
  },
  {
    label: 'section.delete',
    form: 'section.delete',
    exportName: 'deleteSectionAction',
    page: () => `/admin/sections/${fx.section}`,
    fields: () => {
      const slug = `matrix-doomed-${n()}`;
      const id = db.run(
        'insert into sections (slug, name, parent_id, position, created_at, updated_at) values (?, ?, ?, 99, ?, ?)',
        slug,
        'Matrix doomed',
        fx.sectionParent,
        now(),
        now(),
      ).lastInsertRowid;
      return { id: String(id) };
    },
    allowed: allowedBy('section.manage'),
  },
  {
    label: 'page.save',
    form: 'page.save',
    exportName: 'savePageAction',
    page: () => '/admin/pages/privacy',
    fields: () => {
      const p = db.get<{ title: string; body: string }>("select title, body from pages where slug = 'privacy'")!;
      return { slug: 'privacy', title: p.title, body: p.body };
    },
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'partner.save',
    form: 'partner.save',
    exportName: 'savePartnerAction',
    page: () => '/admin/partners',
    fields: () => ({
      id: String(fx.partner),
      name: 'Matrix partner',
      url: 'https://matrix.example.org/',
      position: '900',
    }),
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'partner.create',
    form: 'partner.create',
    exportName: 'savePartnerAction',
    page: () => '/admin/partners',
    fields: () => ({ name: `Matrix partner ${n()}`, url: 'https://matrix.example.org/', position: '901' }),
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'partner.delete',
    form: 'partner.delete',
    exportName: 'deletePartnerAction',
    page: () => '/admin/partners',
    fields: () => ({
      id: String(
        db.run(
          "insert into partners (name, url, position) values ('Matrix doomed partner', 'https://x.example.org/', 950)",
        ).lastInsertRowid,
      ),
    }),
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'promo.save',
    form: 'promo.save',
    exportName: 'savePromoAction',
    page: () => '/admin/promos',
    fields: () => ({
      id: String(fx.promo),
      title: 'Matrix promo',
      body: '',
      linkLabel: '',
      linkUrl: '',
      position: '900',
    }),
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'promo.create',
    form: 'promo.create',
    exportName: 'savePromoAction',
    page: () => '/admin/promos',
    fields: () => ({ title: `Matrix promo ${n()}`, body: '', linkLabel: '', linkUrl: '', position: '901' }),
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'promo.delete',
    form: 'promo.delete',
    exportName: 'deletePromoAction',
    page: () => '/admin/promos',
    fields: () => ({
      id: String(
        db.run("insert into promos (title, active, position) values ('Matrix doomed promo', 0, 950)").lastInsertRowid,
      ),
    }),
    allowed: allowedBy('furniture.manage'),
  },
  {
    label: 'webhook.create',
    form: 'webhook.create',
    exportName: 'createWebhookAction',
    page: () => '/admin/webhooks',
    fields: () => ({ url: `https://hooks.example.com/matrix-${n()}` }),
    allowed: allowedBy('webhooks.manage'),
  },
  {
    label: 'webhook.toggle',
    form: 'webhook.toggle',
    exportName: 'toggleWebhookAction',
    page: () => '/admin/webhooks',
    fields: () => ({ id: String(matrixWebhook()), active: '0' }),
    allowed: allowedBy('webhooks.manage'),
  },
  {
    label: 'webhook.delete',
    form: 'webhook.delete',
    exportName: 'deleteWebhookAction',
    page: () => '/admin/webhooks',
    fields: () => ({ id: String(matrixWebhook()) }),
    allowed: allowedBy('webhooks.manage'),
  },
  {
    label: 'webhook.allow-private',
    form: 'webhook.allow-private',
    exportName: 'allowPrivateWebhooksAction',
    page: () => '/admin/webhooks',
    fields: () => ({ allow: '0' }),
    allowed: allowedBy('settings.manage'),
  },
  {
    label: 'settings.save',
    form: 'settings.save',
    exportName: 'saveSettingsAction',
    page: () => '/admin/settings',
    fields: () => {
      const v = (k: string) => db.get<{ value: string }>('select value from settings where key = ?', k)?.value ?? '';
      return {
        siteName: v('siteName'),
        tagline: v('tagline'),
        aboutBlurb: v('aboutBlurb'),
        copyrightHolder: v('copyrightHolder'),
      };
    },
    allowed: allowedBy('settings.manage'),
  },
  {
    label: 'message.mark',
    form: 'message.mark',
    exportName: 'markMessageAction',
    page: () => '/admin/inbox',
    fields: () => ({ id: String(fx.message), read: '1' }),
    allowed: allowedBy('inbox.read'),
  },
  {
    label: 'user.create',
    form: 'user.create',
    exportName: 'createUserAction',
    page: () => '/admin/users',
    fields: () => ({
      name: 'Matrix user',
      email: `matrix-${n()}@e2e.moodwire.test`,
      role: 'writer',
      password: 'Velvet-Canyon-Drum-88',
    }),
    allowed: allowedBy('users.manage'),
  },
  {
    label: 'user.update',
    form: 'user.update',
    exportName: 'updateUserAction',
    page: () => `/admin/users/${fx.targetUser}`,
    fields: () => ({
      id: String(fx.targetUser),
      name: `Matrix target ${n()}`,
      email: 'matrix-target@e2e.moodwire.test',
      role: 'writer',
    }),
    allowed: allowedBy('users.manage'),
  },
  {
    label: 'user.link-author',
    form: 'user.link-author',
    exportName: 'linkAuthorAction',
    page: () => `/admin/users/${fx.targetUser}`,
    fields: () => ({ id: String(fx.targetUser), authorId: '' }),
    allowed: allowedBy('users.manage'),
  },
  {
    label: 'user.set-disabled',
    form: 'user.set-disabled',
    exportName: 'setUserDisabledAction',
    page: () => `/admin/users/${fx.targetUser}`,
    fields: () => ({ id: String(fx.targetUser), disabled: '0' }),
    allowed: allowedBy('users.manage'),
  },
  {
    label: 'user.reset-password',
    form: 'user.reset-password',
    exportName: 'resetUserPasswordAction',
    page: () => `/admin/users/${fx.targetUser}`,
    fields: () => ({ id: String(fx.targetUser), password: 'Granite-Willow-Ferry-19' }),
    allowed: allowedBy('users.manage'),
  },
  {
    label: 'user.resend-invitation',
    form: 'user.resend-invitation',
    exportName: 'resendInvitationAction',
    page: () => `/admin/users/${fx.invitedUser}`,
    fields: () => ({ id: String(fx.invitedUser) }),
    allowed: allowedBy('users.manage'),
  },
  {
    label: 'moderation.void-burst',
    form: 'moderation.void-burst',
    exportName: 'voidBurstAction',
    page: () => '/admin/moderation',
    fields: () => burstPool.shift() ?? plantBurst(),
    allowed: allowedBy('votes.moderate'),
  },
  {
    label: 'moderation.set-voting',
    form: 'moderation.set-voting',
    exportName: 'setVotingPausedAction',
    page: () => '/admin/moderation',
    fields: () => ({ story: String(fx.editorStory), paused: '0' }),
    allowed: allowedBy('votes.moderate'),
  },
  {
    label: 'account.change-password (to the same password)',
    form: 'account.change-password',
    exportName: 'changeOwnPasswordAction',
    page: () => '/admin/account',
    fields: (actor) =>
      actor === 'anonymous'
        ? { current: 'x', password: 'Granite-Willow-Ferry-19', confirm: 'Granite-Willow-Ferry-19' }
        : { current: STAFF[actor].password, password: STAFF[actor].password, confirm: STAFF[actor].password },
    allowed: allowedBy('admin.enter'),
  },
  {
    label: 'auth.sign-in',
    form: 'auth.sign-in',
    exportName: 'signInAction',
    page: () => '/admin/login',
    fields: () => ({}),
    allowed: () => true,
    public: true,
  },
  {
    label: 'auth.sign-out',
    form: 'auth.sign-out',
    exportName: 'signOutAction',
    page: () => '/admin',
    fields: () => ({}),
    allowed: () => true,
    public: true,
  },
  {
    label: 'auth.request-reset',
    form: 'auth.request-reset',
    exportName: 'requestPasswordResetAction',
    page: () => '/admin/login/forgot',
    fields: () => ({}),
    allowed: () => true,
    public: true,
  },
  {
    label: 'auth.set-password',
    form: 'auth.set-password',
    exportName: 'setPasswordWithLinkAction',
    page: () => '/admin/login/new-password',
    fields: () => ({}),
    allowed: () => true,
    public: true,
  },
  {
    label: 'contact.send',
    form: 'contact.send',
    exportName: 'sendContactMessageAction',
    page: () => '/contact',
    fields: () => ({}),
    allowed: () => true,
    public: true,
  },
];

// ---------- route handlers ----------
type RouteCase = {
  file: string;
  call: (request: APIRequestContext, cookie?: string) => Promise<{ status: number; ok: boolean }>;
  allowed: (a: Actor) => boolean;
  deniedStatus: Record<'anonymous' | 'staff', number>;
};
const ROUTES: RouteCase[] = [
  {
    file: 'app/(admin)/admin/stories/[id]/autosave/route.ts',
    call: async (request, cookie) => {
      const res = await request.post(`/admin/stories/${fx.writerStory}/autosave`, {
        data: {
          title: 'Matrix',
          standfirst: '',
          byline: '',
          dateline: '',
          body: 'Autosaved by the matrix.',
          revision: null,
        },
        headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT || 3100}`, ...(cookie ? { cookie } : {}) },
        failOnStatusCode: false,
      });
      const body = res.status() === 200 ? ((await res.json()) as { savedAt?: number }) : {};
      return { status: res.status(), ok: typeof body.savedAt === 'number' };
    },
    allowed: mayEditStory(writerStory),
    deniedStatus: { anonymous: 401, staff: 403 },
  },
  {
    file: 'app/(admin)/admin/markdown-preview/route.ts',
    call: async (request, cookie) => {
      const res = await request.post('/admin/markdown-preview', {
        data: '**bold** <script>x()</script>',
        headers: { 'content-type': 'text/plain', ...(cookie ? { cookie } : {}) },
        failOnStatusCode: false,
      });
      const body = res.status() === 200 ? ((await res.json()) as { html: string }).html : '';
      return { status: res.status(), ok: body.includes('<strong>bold</strong>') && !body.includes('<script') };
    },
    allowed: allowedBy('story.write'),
    deniedStatus: { anonymous: 401, staff: 403 },
  },
  {
    file: 'app/media/[key]/[file]/route.ts',
    call: async (request, cookie) => {
      const res = await request.get(`/media/${fx.mediaKey}/640.webp`, {
        headers: cookie ? { cookie } : {},
        failOnStatusCode: false,
      });
      return { status: res.status(), ok: res.headers()['content-type'] === 'image/webp' };
    },
    allowed: () => true,
    deniedStatus: { anonymous: 404, staff: 404 },
  },
  {
    file: 'app/(admin)/admin/insights/export/[table]/route.ts',
    call: async (request, cookie) => {
      const res = await request.get('/admin/insights/export/shares?window=30d', {
        headers: cookie ? { cookie } : {},
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      return {
        status: res.status(),
        ok:
          (res.headers()['content-type'] ?? '').startsWith('text/csv') &&
          (await res.text()).startsWith('\uFEFFNetwork,Shares'),
      };
    },
    allowed: allowedBy('insights.view'),
    deniedStatus: { anonymous: 307, staff: 403 },
  },
  {
    file: 'app/(admin)/admin/insights/stories/[id]/export/[table]/route.ts',
    call: async (request, cookie) => {
      const res = await request.get(`/admin/insights/stories/${fx.editorStory}/export/moods`, {
        headers: cookie ? { cookie } : {},
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      return {
        status: res.status(),
        ok:
          (res.headers()['content-type'] ?? '').startsWith('text/csv') &&
          (await res.text()).startsWith('\uFEFFMood,Votes'),
      };
    },
    allowed: mayViewInsights(editorStory),
    deniedStatus: { anonymous: 307, staff: 403 },
  },
  {
    file: 'app/(admin)/admin/moderation/export/[table]/route.ts',
    call: async (request, cookie) => {
      const res = await request.get('/admin/moderation/export/bursts', {
        headers: cookie ? { cookie } : {},
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      return {
        status: res.status(),
        ok:
          (res.headers()['content-type'] ?? '').startsWith('text/csv') &&
          (await res.text()).startsWith('\uFEFFStory number,Story,Votes'),
      };
    },
    allowed: allowedBy('votes.moderate'),
    deniedStatus: { anonymous: 307, staff: 403 },
  },
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, baseURL }) => {
  const ids = await ensureStaffUsers(e2eDatabasePath());
  db = new WriteWatcher();
  photo = await png;
  const t = now();
  const weiboWire = db.get<{ id: number }>("select id from sections where slug = 'weibo-wire'")!.id;
  const heroMedia = db.get<{ id: number }>('select id from media order by id limit 1')!.id;
  const story = (slug: string, status: string, createdBy: number) =>
    Number(
      db.run(
        "insert into articles (slug, title, section_id, body, body_html, status, published_at, hero_media_id, created_by, created_at, updated_at) values (?, ?, ?, 'Matrix', '<p>Matrix</p>', ?, ?, ?, ?, ?, ?)",
        slug,
        `Matrix ${status} ${slug}`,
        weiboWire,
        status,
        status === 'published' ? t - 1000 : null,
        heroMedia,
        createdBy,
        t,
        t,
      ).lastInsertRowid,
    );
  const suffix = n();
  const sectionParent = Number(
    db.run(
      'insert into sections (slug, name, position, created_at, updated_at) values (?, ?, 999, ?, ?)',
      `matrix-parent-${suffix}`,
      'Matrix parent',
      t,
      t,
    ).lastInsertRowid,
  );
  const section = Number(
    db.run(
      'insert into sections (slug, name, parent_id, position, created_at, updated_at) values (?, ?, ?, 0, ?, ?)',
      `matrix-a-${suffix}`,
      'Matrix A',
      sectionParent,
      t,
      t,
    ).lastInsertRowid,
  );
  const reorderB = Number(
    db.run(
      'insert into sections (slug, name, parent_id, position, created_at, updated_at) values (?, ?, ?, 1, ?, ?)',
      `matrix-b-${suffix}`,
      'Matrix B',
      sectionParent,
      t,
      t,
    ).lastInsertRowid,
  );
  db.run("delete from users where email = 'matrix-target@e2e.moodwire.test'");
  const targetUser = Number(
    db.run(
      "insert into users (email, name, role, password_hash, sessions_valid_after, created_at, updated_at) values ('matrix-target@e2e.moodwire.test', 'Matrix target', 'writer', 'x', 0, ?, ?)",
      t,
      t,
    ).lastInsertRowid,
  );
  // An invitation waiting to be taken up, so that account's page offers to send it again. Not on the
  // target account: its password reset (an earlier row) voids an unused link.
  db.run("delete from users where email = 'matrix-invited@e2e.moodwire.test'");
  const invitedUser = Number(
    db.run(
      "insert into users (email, name, role, password_hash, sessions_valid_after, created_at, updated_at) values ('matrix-invited@e2e.moodwire.test', 'Matrix invited', 'writer', 'x', 0, ?, ?)",
      t,
      t,
    ).lastInsertRowid,
  );
  db.run(
    "insert into password_links (user_id, purpose, token_hash, created_at, expires_at) values (?, 'invite', ?, ?, ?)",
    invitedUser,
    `matrix-${suffix}`,
    t,
    t + 7 * 24 * 3_600_000,
  );
  const partner = Number(
    db.run("insert into partners (name, url, position) values ('Matrix partner', 'https://matrix.example.org/', 900)")
      .lastInsertRowid,
  );
  const promo = Number(
    db.run("insert into promos (title, active, position) values ('Matrix promo', 0, 900)").lastInsertRowid,
  );
  const message = Number(
    db.run(
      "insert into contact_messages (name, email, subject, message, created_at) values ('Matrix', 'm@example.com', 'Matrix message', 'Matrix message body', ?)",
      t,
    ).lastInsertRowid,
  );
  const mediaKey = `matrix${suffix}`.padEnd(22, 'x').slice(0, 22);
  const mediaDir = path.join(path.dirname(e2eDatabasePath()), 'media', mediaKey);
  fs.mkdirSync(mediaDir, { recursive: true });
  await sharp(photo).resize({ width: 640 }).webp().toFile(path.join(mediaDir, '640.webp'));
  fx = {
    ids,
    writerStory: story(`matrix-writer-${suffix}`, 'draft', ids.writer),
    editorStory: story(`matrix-editor-${suffix}`, 'published', ids.editor),
    targetUser,
    invitedUser,
    section,
    sectionParent,
    reorderB,
    weiboWire,
    partner,
    promo,
    message,
    mediaKey,
  };
  // Bursts planted ahead (a write in fields() would count as the action's): the page shows their
  // void forms, and each call takes a fresh one.
  for (let i = 0; i < 8; i++) burstPool.push(plantBurst());
  for (let i = 0; i < 8; i++)
    mediaPool.push(
      Number(
        db.run(
          "insert into media (path, mime, width, height, alt, variants, created_at) values (?, 'image/webp', 640, 400, 'Matrix library photo', '[]', ?)",
          `/media/${`pool${suffix}${i}`.padEnd(22, 'x').slice(0, 22)}/1600.webp`,
          t,
        ).lastInsertRowid,
      ),
    );
  for (const role of STAFF_ROLES) cookies[role] = await cookieFor(browser, baseURL!, role);
});

async function cookieFor(browser: import('@playwright/test').Browser, baseURL: string, role: StaffRole) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, role);
  const jar = await context.cookies();
  await context.close();
  return jar
    .filter((c) => c.name.includes('authjs.session-token'))
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

test.afterAll(() => {
  // Leave the shared e2e database as the other spec files expect it.
  db.run("delete from partners where name like 'Matrix%'");
  db.run("delete from promos where title like 'Matrix%'");
  db.run("delete from webhooks where url like 'https://hooks.example.com/matrix%'");
  db.run("update articles set status = 'draft' where title like 'Matrix %'");
  db.close();
});

test('pages: each actor gets the page, a 403, or the sign-in page', async ({ request }) => {
  const table: string[] = [];
  for (const p of PAGES) {
    const row: string[] = [];
    for (const actor of ACTORS) {
      const cookie = actor === 'anonymous' ? undefined : cookies[actor];
      const res = await request.get(p.path(), {
        headers: cookie ? { cookie } : {},
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const status = res.status();
      const where = `${actor} GET ${p.path()}`;
      if (p.file === 'login/page.tsx') {
        expect(status, where).toBe(actor === 'anonymous' ? 200 : 307);
      } else if (OPEN_PAGES.has(p.file)) {
        expect(status, where).toBe(200);
      } else if (actor === 'anonymous') {
        expect(status, where).toBe(307);
        expect(res.headers().location, where).toContain('/admin/login');
      } else {
        expect(status, where).toBe(p.allowed(actor) ? 200 : 403);
      }
      row.push(String(status));
    }
    table.push(`${p.path().padEnd(36)} ${row.join('  ')}`);
  }
  console.log(`page                                 ${ACTORS.join(' ')}\n${table.join('\n')}`);
});

test('pages also check the session themselves: a forged cookie gets past the proxy, not the page', async ({
  request,
}) => {
  for (const p of PAGES.filter((x) => x.file !== 'login/page.tsx' && !OPEN_PAGES.has(x.file))) {
    const res = await request.get(p.path(), {
      headers: { cookie: 'authjs.session-token=forged.not.a.jwt' },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    expect(res.status(), p.path()).toBe(307);
    expect(res.headers().location).toContain('/admin/login');
  }
});

test('server actions: allowed ones write, refused ones write nothing (including a POST with no session)', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await signInThroughForm(page, 'admin');
  const lines: string[] = [];
  for (const action of ACTIONS.filter((a) => !a.public)) {
    await page.goto(action.page());
    const hidden = await hiddenInputsOf(page, action.form);
    const actionId = actionIdOf(hidden);
    const row: string[] = [];
    let checkedDirect = false;
    for (const actor of ACTORS) {
      const cookie = actor === 'anonymous' ? undefined : cookies[actor];
      const fields = { ...hidden, ...action.fields(actor) };
      const before = db.version();
      const res = await postForm(request, action.page(), fields, cookie);
      const wrote = db.version() !== before;
      const where = `${actor} → ${action.label} (${res.status()})`;
      expect(res.status(), where).toBeLessThan(500);
      expect(wrote, where).toBe(action.allowed(actor));
      row.push(wrote ? 'wrote' : `refused ${res.status()}`);
      if (actor === 'anonymous') {
        // The way the browser's JavaScript calls an action: the Next-Action header, straight at it.
        const direct = await callActionDirectly(request, action.page(), actionId, action.fields(actor));
        expect(direct.status(), `anonymous Next-Action POST → ${action.label}`).toBeLessThan(500);
        expect(db.version(), `anonymous Next-Action POST → ${action.label}`).toBe(before);
      } else if (!checkedDirect && action.allowed(actor) && action.form !== 'account.change-password') {
        // The same call with a session does reach the action and write: the refusal above is the
        // action's own check, not a malformed request.
        checkedDirect = true;
        const beforeDirect = db.version();
        const direct = await callActionDirectly(request, action.page(), actionId, action.fields(actor), cookie);
        expect(direct.status(), `${actor} Next-Action POST → ${action.label}`).toBe(200);
        expect(db.version(), `${actor} Next-Action POST → ${action.label}`).not.toBe(beforeDirect);
      }
      if (action.form === 'account.change-password' && actor !== 'anonymous' && wrote) {
        // Changing a password ends that user's sessions; sign in again for the rest of the run.
        cookies[actor] = await cookieFor(page.context().browser()!, new URL(page.url()).origin, actor);
      }
    }
    lines.push(`${action.label.padEnd(48)} ${row.join(' | ')}`);
  }
  console.log(`action                                           ${ACTORS.join(' | ')}\n${lines.join('\n')}`);
});

test('route handlers: allowed ones answer, the others are refused', async ({ request }) => {
  for (const route of ROUTES) {
    for (const actor of ACTORS) {
      const result = await route.call(request, actor === 'anonymous' ? undefined : cookies[actor]);
      const where = `${actor} → ${route.file}`;
      if (route.allowed(actor)) {
        expect(result.status, where).toBe(200);
        expect(result.ok, where).toBe(true);
      } else {
        expect(result.status, where).toBe(route.deniedStatus[actor === 'anonymous' ? 'anonymous' : 'staff']);
      }
    }
  }
});

function actionIdOf(hidden: Record<string, string>): string {
  for (const [name, value] of Object.entries(hidden)) {
    if (name.startsWith('$ACTION_ID_')) return name.slice('$ACTION_ID_'.length);
    if (/^\$ACTION_\d+:0$/.test(name)) return (JSON.parse(value) as { id: string }).id;
  }
  throw new Error(`no action id among ${Object.keys(hidden).join(', ')}`);
}

test('coverage: every admin page, server action and route handler has a row in this matrix', () => {
  const root = process.cwd();
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const adminDir = path.join(root, 'app', '(admin)', 'admin');
  const pageFiles = walk(adminDir)
    .filter((f) => f.endsWith('page.tsx'))
    .map((f) => path.relative(adminDir, f));
  expect(new Set(pageFiles)).toEqual(new Set(PAGES.map((p) => p.file)));

  const sources = [...walk(path.join(root, 'app')), ...walk(path.join(root, 'components'))].filter((f) =>
    /\.tsx?$/.test(f),
  );
  const exported = sources
    .filter((f) => /^\s*['"]use server['"]/.test(fs.readFileSync(f, 'utf8')))
    .flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/export async function (\w+)/g)].map((m) => m[1]!));
  expect(new Set(exported)).toEqual(new Set(ACTIONS.map((a) => a.exportName)));

  const routeFiles = walk(path.join(root, 'app'))
    .filter((f) => f.endsWith('route.ts'))
    .map((f) => path.relative(root, f));
  const covered = new Set(ROUTES.map((r) => r.file));
  for (const f of routeFiles.filter((f) => f.includes('(admin)') || f.startsWith('app/media')))
    expect(covered, f).toContain(f);
});
