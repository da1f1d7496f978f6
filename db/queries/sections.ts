import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { db } from '@/db/engine';
import { sections } from '@/db/schema';

export type SectionNode = {
  id: number;
  slug: string;
  name: string;
  description: string;
  parentId: number | null;
  position: number;
};

const sectionColumns = {
  id: sections.id,
  slug: sections.slug,
  name: sections.name,
  description: sections.description,
  parentId: sections.parentId,
  position: sections.position,
};

/** Every section, ordered by position; the tree is small, so callers walk it in memory. */
export function listSections(): Promise<SectionNode[]> {
  return db().select(sectionColumns).from(sections).orderBy(asc(sections.position), asc(sections.id));
}

export async function getSectionBySlug(slug: string): Promise<SectionNode | undefined> {
  return (await listSections()).find((s) => s.slug === slug);
}

export async function getSectionById(id: number): Promise<SectionNode | undefined> {
  const [section] = await db().select(sectionColumns).from(sections).where(eq(sections.id, id)).limit(1);
  return section;
}

/** The path from the top-level section down to `sectionId`, for breadcrumbs. Stops on a cycle. */
export function sectionTrail(all: SectionNode[], sectionId: number): SectionNode[] {
  const byId = new Map(all.map((s) => [s.id, s]));
  const trail: SectionNode[] = [];
  const seen = new Set<number>();
  let current = byId.get(sectionId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    trail.unshift(current);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return trail;
}

/** `sectionId` and every section below it. */
export function sectionAndDescendantIds(all: SectionNode[], sectionId: number): number[] {
  const ids = [sectionId];
  for (let i = 0; i < ids.length; i++) {
    for (const s of all) if (s.parentId === ids[i] && !ids.includes(s.id)) ids.push(s.id);
  }
  return ids;
}

export const topLevelSections = (all: SectionNode[]) => all.filter((s) => s.parentId === null);
export const childSections = (all: SectionNode[], parentId: number) => all.filter((s) => s.parentId === parentId);
