import { printableText } from '@astrotrack/fits';

/**
 * Text from headers and names is user text: it goes into the page as text, never as markup, and
 * its control characters and bidi overrides are shown as escapes (printableText).
 */
export function escapeHtml(text: string): string {
  return printableText(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
