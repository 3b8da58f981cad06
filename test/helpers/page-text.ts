/**
 * What a reader sees of a page, as one line: markup, scripts and styles removed and runs of white space
 * made one space, so that a test of a sentence does not depend on how the template wraps its lines.
 */
export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:!?)])/g, '$1');
}

/**
 * The page with each tag on one line (`<a class="x" href="y">`) and no white space just inside an
 * element (`<a …>text</a>`), however the template wraps it.
 */
export function compactMarkup(html: string): string {
  return html
    .replace(/<[^>]+>/g, (tag) => tag.replace(/\s+/g, ' ').replace(/ (\/?>)$/, '$1'))
    .replace(/(<[^/!][^>]*>)\s+/g, '$1')
    .replace(/\s+(<\/)/g, '$1');
}

/** The words a page gives its script in `data-words` (the map's labels, pop-ups and place names), read back. */
export function scriptWords(html: string): Record<string, unknown> {
  const attribute = /data-words="([^"]*)"/.exec(html)![1]!;
  return JSON.parse(
    attribute
      .replaceAll('&#34;', '"')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&'),
  ) as Record<string, unknown>;
}
