/** Chinese templates as static files: `/zh-cn/templates/<id>.csv` and `.md` (see src/data/templates.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { templateFiles } from '~/data/template-files';

export const getStaticPaths: GetStaticPaths = () => templateFiles('zh');
export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
