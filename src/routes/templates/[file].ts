/** English templates as static files: `/templates/<id>.csv` and `/templates/<id>.md` (see src/data/templates.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { templateFiles } from '~/data/template-files';

export const getStaticPaths: GetStaticPaths = () => templateFiles('en');
export const GET: APIRoute = ({ props }) => new Response(props.body as string, { headers: { 'Content-Type': props.type as string } });
