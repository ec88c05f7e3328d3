/** `/zh-cn/plan-labels.json`: the Chinese import preview's strings and labels (src/lib/plan/field-labels.ts). */
import type { APIRoute } from 'astro';
import { importLabels } from '~/lib/plan/field-labels';

export const GET: APIRoute = () => new Response(JSON.stringify(importLabels('zh-CN')), { headers: { 'Content-Type': 'application/json' } });
