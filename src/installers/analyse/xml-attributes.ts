/*
 * Web Workers have no DOMParser, and the manifests read here are machine-written, so a tolerant scan for elements
 * and their attributes is enough.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Offset of the element's start in the text, and of the matching close tag end (or the start tag end when empty). */
  start: number;
  end: number;
}

/** Elements whose local name (namespace prefix ignored) is `localName`, in document order. */
export function findElements(xml: string, localName: string): XmlElement[] {
  const text = xml.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  const out: XmlElement[] = [];
  const open = new RegExp(`<((?:[\\w.-]+:)?${localName})(\\s[^>]*?)?(/?)>`, 'g');
  for (let m = open.exec(text); m; m = open.exec(text)) {
    const attributes: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
      attributes[(a[1] ?? '').replace(/^[\w.-]+:/, '')] = decodeXmlText(a[3] ?? a[4] ?? '');
    }
    const name = m[1] ?? localName;
    let end = m.index + m[0].length;
    if (m[3] !== '/') {
      const close = text.indexOf(`</${name}>`, end);
      if (close >= 0) end = close + name.length + 3;
    }
    out.push({ name, attributes, start: m.index, end });
  }
  return out;
}

/** The text content of the first `localName` element, entity-decoded and trimmed. */
export function elementText(xml: string, localName: string): string | undefined {
  const m = new RegExp(`<(?:[\\w.-]+:)?${localName}(?:\\s[^>]*)?>([^<]*)</`).exec(xml);
  return m ? decodeXmlText(m[1] ?? '').trim() : undefined;
}
