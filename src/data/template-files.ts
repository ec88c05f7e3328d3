/** The static paths of every template file in one language, for the endpoints under `src/routes/`. */
import { TEMPLATES, templateCsv, templateMarkdown, type TemplateLang } from './templates';

export function templateFiles(lang: TemplateLang) {
  return TEMPLATES.flatMap((t) => [
    { params: { file: `${t.id}.csv` }, props: { body: templateCsv(t, lang), type: 'text/csv; charset=utf-8' } },
    { params: { file: `${t.id}.md` }, props: { body: templateMarkdown(t, lang), type: 'text/markdown; charset=utf-8' } },
  ]);
}
