// Text with marked spans, built as DOM nodes (never as HTML strings: the text is untrusted).

// spans: [{start, end, kind, text}] as offsets into `text`; overlapping spans keep the first.
export function markedText(text, spans) {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < at) continue;
    fragment.append(text.slice(at, span.start));
    const mark = document.createElement('mark');
    mark.className = span.kind;
    mark.title = span.kind;
    mark.textContent = text.slice(span.start, span.end);
    fragment.append(mark);
    at = span.end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

// `style` is an object of CSS properties, set through the CSSOM: the server's Content-Security-Policy
// refuses style attributes. `href` takes only http(s) URLs (see webUrl); anything else leaves it out.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else if (key === 'style') Object.assign(node.style, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'href') { if (webUrl(value)) node.setAttribute(key, webUrl(value)); }
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// The URL when it is an absolute http(s) one, else null: a stored article URL may be javascript: or
// data: (a JSONL `url` is stored as given), which would run script when clicked.
export function webUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
