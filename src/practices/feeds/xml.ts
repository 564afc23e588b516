// A minimal XML writer for the sitemap and the feed. Documents are built as trees, and only
// renderXml turns them into text: every text node and attribute value is escaped there, so no
// builder can forget to escape a title, a slug or a name.

type Child = XmlElement | string | null | undefined

export interface XmlElement {
  name: string
  attrs?: Record<string, string | undefined>
  children?: Child[]
}

// Characters XML 1.0 does not allow at all (not even escaped): C0 controls other than tab, LF and
// CR, the non-characters U+FFFE/U+FFFF and lone surrogates. A pasted control character in a
// practice text would otherwise make the whole feed unreadable for every subscriber.
// eslint-disable-next-line no-control-regex -- finding these characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text safe inside an element or a quoted attribute value. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/** An element; undefined attributes and null/undefined children are left out. */
export function el(name: string, attrs?: XmlElement['attrs'], ...children: Child[]): XmlElement {
  return { name, attrs, children }
}

/** The document: XML declaration and the root element, one element per line for readable diffs. */
export function renderXml(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderElement(root)}\n`
}

function renderElement(node: XmlElement): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
  const children = (node.children ?? []).filter((c): c is XmlElement | string => c !== null && c !== undefined)
  if (children.length === 0) return `<${node.name}${attrs}/>`
  const onlyText = children.every((c) => typeof c === 'string')
  const inner = children.map((c) => (typeof c === 'string' ? escapeXml(c) : renderElement(c)))
  return onlyText ? `<${node.name}${attrs}>${inner.join('')}</${node.name}>` : `<${node.name}${attrs}>\n${inner.join('\n')}\n</${node.name}>`
}

/** W3C Datetime / RFC 3339 in UTC, to the second: 2026-11-26T10:00:00Z. */
export function w3cDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
