import { z } from 'astro/zod';
import { CALCULATOR_IDS } from '../catalog';

/**
 * Frontmatter beyond Starlight's own fields. `pageType` picks the page kind;
 * a chapter must carry the full play header, so a missing field fails the build.
 */
const playHeader = z.object({
  chapter: z.number().int().min(1).max(14),
  purpose: z.string().min(1),
  whenToUse: z.string().min(1),
  roles: z.array(z.string().min(1)).min(1),
  timeToRun: z.string().min(1),
  difficulty: z.enum(['foundation', 'intermediate', 'advanced']),
  calculators: z.array(z.enum(CALCULATOR_IDS)),
  related: z.array(z.number().int().min(1).max(14)),
});

export const chapterPage = z.object({
  pageType: z.literal('chapter'),
  play: playHeader,
});

export const otherPage = z.object({
  pageType: z.enum(['home', 'guide', 'glossary', 'calculator']),
});

export const pageSchema = z.union([chapterPage, otherPage]);
export type PlayHeader = z.infer<typeof playHeader>;
