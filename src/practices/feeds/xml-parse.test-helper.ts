// For tests only: a strict reader for the small XML subset our documents use (declaration,
// elements, attributes, text, the five named entities and character references). It throws on
// anything not well-formed, so a test that reads a document also proves it parses, and it returns
// a tree with decoded text, so tests check structure instead of matching strings.

export interface XmlNode {
  name: string
  attrs: Record<string, string>
  children: XmlNode[]
  /** The decoded text directly inside this element. */
  text: string
}

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*'
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/y
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string, where: string): string {
  let out = ''
  for (let i = 0; i < raw.length; ) {
    const c = raw[i]!
    if (c === '<') throw new Error(`raw "<" in ${where}`)
    if (c !== '&') {
      out += c
      i++
      continue
    }
    ENTITY.lastIndex = i
    const m = ENTITY.exec(raw)
    if (!m) throw new Error(`bare "&" in ${where}: ${raw.slice(i, i + 12)}`)
    out += m[1] ? NAMED[m[1]] : String.fromCodePoint(parseInt(m[2] ?? m[3]!, m[2] ? 10 : 16))
    i += m[0].length
  }
  return out
}

export function parseXml(xml: string): XmlNode {
  // eslint-disable-next-line no-control-regex -- finding these characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(xml)) throw new Error('a character XML 1.0 does not allow')
  let rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n?/, '')
  if (/<\?|<!/.test(rest)) throw new Error('processing instructions, comments, CDATA and doctypes are not expected')
  const tag = new RegExp(`^<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`)
  const attr = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g')
  const stack: XmlNode[] = []
  let root: XmlNode | null = null
  while (rest.length) {
    const lt = rest.indexOf('<')
    const text = lt === -1 ? rest : rest.slice(0, lt)
    if (text) {
      const parent = stack.at(-1)
      if (parent) parent.text += decode(text, `<${parent.name}>`)
      else if (text.trim()) throw new Error('text outside the root element')
    }
    if (lt === -1) break
    rest = rest.slice(lt)
    const m = tag.exec(rest)
    if (!m) throw new Error(`malformed tag near: ${rest.slice(0, 40)}`)
    rest = rest.slice(m[0].length)
    const [, closing, name, rawAttrs, selfClosing] = m
    if (closing) {
      const open = stack.pop()
      if (open?.name !== name || rawAttrs || selfClosing) throw new Error(`</${name}> does not close <${open?.name}>`)
      continue
    }
    const node: XmlNode = { name: name!, attrs: {}, children: [], text: '' }
    for (const a of rawAttrs!.matchAll(attr)) {
      if (a[1]! in node.attrs) throw new Error(`duplicate attribute ${a[1]}`)
      node.attrs[a[1]!] = decode(a[2] ?? a[3]!, `attribute ${a[1]}`)
    }
    const parent = stack.at(-1)
    if (parent) parent.children.push(node)
    else if (root) throw new Error('a second root element')
    else root = node
    if (!selfClosing) stack.push(node)
  }
  if (stack.length) throw new Error(`<${stack.at(-1)!.name}> is never closed`)
  if (!root) throw new Error('no root element')
  return root
}

/** The children named `name`. */
export const childrenNamed = (node: XmlNode, name: string) => node.children.filter((c) => c.name === name)
/** The first child named `name`; throws when there is none. */
export function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name)
  if (!found) throw new Error(`<${node.name}> has no <${name}>`)
  return found
}
