import { defineHastPlugin } from 'satteri';

/**
 * Markdown output fixes found by axe (WCAG 2.2 AA):
 * - GFM task-list checkboxes get the item's text as their accessible name (`label`);
 * - tables, which Starlight lets scroll sideways on narrow screens, become keyboard-focusable
 *   (`scrollable-region-focusable`).
 */
export const accessibleMarkdown = defineHastPlugin({
  name: 'accessible-markdown',
  element: {
    filter: ['input', 'table'],
    visit(node, ctx) {
      if (node.tagName === 'table') {
        ctx.setProperty(node, 'tabIndex', 0);
        return;
      }
      if (node.properties?.type !== 'checkbox') return;
      const item = ctx.parent(node);
      const label = item ? ctx.textContent(item).trim().replace(/\s+/g, ' ') : '';
      if (label) ctx.setProperty(node, 'ariaLabel', label.slice(0, 200));
    },
  },
});
