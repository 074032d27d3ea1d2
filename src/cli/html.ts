// HTML file -> the article text the content script would analyse (for `check FILE.html`).
import { parseHTML } from 'linkedom';
import { extractArticle, type ArticleText } from '../page/article';

export function htmlToArticle(html: string): ArticleText | null {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document);
}
