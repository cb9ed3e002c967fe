/**
 * Positions through every format construct: a message must point at the right characters
 * of the original file (`source.slice(start, end) === message.actual`), also after Markdown
 * escapes, entities, container prefixes, continuation lines and HTML entities.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/index.js'
import type {Format} from '../../src/parse/index.js'

const config = {extends: 'none', rules: {'repeated-words': 'error'}}

function check(source: string, format: Format, expectedActuals: string[]): void {
  const {messages, file} = lint(source, {format, config})
  const text = String(file.value)
  expect(messages.map((message) => message.actual)).toEqual(expectedActuals)
  for (const message of messages) {
    const {start, end} = message.place as {start: {offset: number}; end: {offset: number}}
    expect(text.slice(start.offset, end.offset)).toBe(message.actual)
  }
}

describe('plain text', () => {
  it('finds words on any line', () => check('Titre\n\nIl a vu le le chat.\nPuis de de là.', 'txt', [' le', ' de']))
  it('CRLF and lone CR line endings', () => {
    check('Titre\r\n\r\nIl a vu le le chat.\rPuis de de là.', 'txt', [' le', ' de'])
    const {messages} = lint('Titre\r\nIl a vu le le chat.', {format: 'txt', config})
    expect(messages[0]!.line).toBe(2)
    expect(messages[0]!.column).toBe(11)
  })
  it('a BOM is removed; positions count from the first character', () => {
    const {messages, file} = lint('\uFEFFle le titre', {format: 'txt', config})
    expect(messages[0]!.column).toBe(3)
    expect(messages[0]!.place).toMatchObject({start: {offset: 2}})
    expect(file.data.bom).toBe(true)
  })
})

describe('Markdown', () => {
  it('headings and paragraphs', () => check('# Le le titre\n\nIl a vu le le chat.', 'md', [' le', ' le']))
  it('escapes', () => check('Il a vu \\*le le\\* chat.', 'md', [' le']))
  it('entities', () => check('Tom &amp; Jerry ont vu le le chat.', 'md', [' le']))
  it('emphasis inside the sentence', () => check('Il a *vu* le le **chat**.', 'md', [' le']))
  it('blockquote with continuation lines', () => check('> Il a vu\n> le le chat et\n> de de là.', 'md', [' le', ' de']))
  it('list items with indented continuation lines', () => check('- Il a vu\n  le le chat.\n- Puis de de là.', 'md', [' le', ' de']))
  it('nested containers', () => check('> - Il a vu\n>   le le chat.', 'md', [' le']))
  it('code is not prose', () => check('Il a vu `le le` chat.\n\n```\nle le\n```\n\n    le le\n', 'md', []))
  it('HTML in Markdown is not prose', () => check('<div>le le</div>\n\nIl a vu <b>le</b> chat.', 'md', []))
  it('front matter: title and description are prose, the rest is not', () =>
    check('---\ntitle: "Le le titre"\nauthor: le le\ndescription: Il a vu de de chats.\n---\n\nTexte.', 'md', [' le', ' de']))
  it('links: the text is prose, the address is not', () => check('Voir [le le site](https://le.le/le%20le "le le") ici.', 'md', [' le']))
  it('tables (GFM)', () => check('| a | b |\n|---|---|\n| le le | x |', 'md', [' le']))
})

describe('HTML', () => {
  it('paragraphs and headings', () => check('<h1>Le le titre</h1><p>Il a vu le le chat.</p>', 'html', [' le', ' le']))
  it('entities', () => check('<p>Tom&nbsp;&amp;&#160;Jerry ont vu le le chat.</p>', 'html', [' le']))
  it('inline elements do not split sentences', () => check('<p>Il a <em>vu</em> le le <a href="/le le">chat</a>.</p>', 'html', [' le']))
  it('script, style and code are dropped', () =>
    check('<p>ok</p><script>le le</script><style>le le{}</style><p>Il a <code>le le</code> vu.</p><pre>le le</pre>', 'html', []))
  it('the title is prose', () => check('<html><head><title>Le le titre</title></head><body><p>Texte.</p></body></html>', 'html', [' le']))
  it('block elements separate blocks', () => check('<div>Il a vu le</div><div>le chat.</div>', 'html', []))
  it('line breaks in the source', () => check('<p>Il a vu\n  le le chat.</p>', 'html', [' le']))
})

describe('fix safety over markup', () => {
  it('a fix whose range holds markup is a suggestion, not a safe fix', async () => {
    const {spansMarkup} = await import('../../src/rules/kit.js')
    const {lint} = await import('../../src/index.js')
    const {file} = lint('Il a vu *le* **le** chat.', {format: 'md', config: {extends: 'none'}})
    const index = file.data.coquille!
    const source = index.source
    expect(spansMarkup(index, source.indexOf('le'), source.indexOf('le') + 2)).toBe(false)
    expect(spansMarkup(index, source.indexOf('le'), source.indexOf('chat'))).toBe(true)
    const entity = lint('<p>A&amp;B et C</p>', {format: 'html', config: {extends: 'none'}}).file.data.coquille!
    // A character reference the article wrote is kept as written, whole or cut.
    expect(spansMarkup(entity, 3, 10)).toBe(true) // "A&amp;B" whole
    expect(spansMarkup(entity, 3, 6)).toBe(true) // cuts "&amp;"
    expect(spansMarkup(entity, 11, 12)).toBe(false) // "C"
  })
})

describe('line breaks normalised by the HTML parser', () => {
  it('lone CR and CRLF inside HTML text keep exact positions', () => {
    check('<p>Il a vu\rle le chat.</p>', 'html', [' le'])
    check('<p>Il a vu\r\nle le chat\r\net de de la fenêtre.</p>', 'html', [' le', ' de'])
  })
})

describe('Markdown shapes the parser is quadratic on', () => {
  it('a paragraph up to 64 KB and nesting up to 100 levels are linted', () => {
    const long = 'Il a vu le le chat.\n'.repeat(3000)
    expect(long.length).toBeLessThan(65_536)
    expect(lint(long, {format: 'md', config}).messages).toHaveLength(3000)
    expect(lint('> '.repeat(100) + 'Il a vu le le chat.', {format: 'md', config}).messages.map((message) => message.actual)).toEqual([' le'])
    expect(lint('- 1. * > + 2) le le\n', {format: 'md', config}).messages.map((message) => message.actual)).toEqual([' le'])
  })
  it('a longer paragraph or deeper nesting is refused with the reason, not parsed for minutes', () => {
    const refused = (source: string): string[] => lint(source, {format: 'md', config}).messages.map((message) => `${message.fatal}: ${message.reason}`)
    expect(refused('Il a vu le le chat.\n'.repeat(3500))).toEqual(['true: Paragraphe Markdown de plus de 64 Ko sans ligne vide : non analysé (séparez les paragraphes par une ligne vide).'])
    expect(refused('Il a vu le le chat.\n\n'.repeat(3500))).toHaveLength(3500)
    expect(refused('> '.repeat(101) + 'texte')).toEqual(['true: Document trop profondément imbriqué pour être analysé (Markdown : plus de 100 niveaux de citations ou de listes).'])
    expect(refused('1. '.repeat(101) + 'texte')).toHaveLength(1)
  })
})

describe('HTML with old Mac line breaks (CR alone)', () => {
  it('positions stay exact after a CR, which the HTML parser turns into LF', () => {
    check('<p>Il a vu\rle le chat.</p>\r<p>Puis de de là.</p>', 'html', [' le', ' de'])
    check('<p>Il a vu\r\nle le chat.</p>', 'html', [' le'])
  })
})

describe('HTML text opening with a character reference after ignored white space', () => {
  it('positions are exact (parse5 starts such a text on the reference’s last character)', () => {
    check('\n&laquo;&nbsp;Il a vu le le chat.&nbsp;&raquo;', 'html', [' le'])
    check(' &amp; le le', 'html', [' le'])
    check('<head></head>\n&amp; le le', 'html', [' le'])
    check('<title>t</title>\n&#171; le le', 'html', [' le'])
    // A text that really starts with a semicolon is left where it is.
    check('<p>a&amp;</p>; le le', 'html', [' le'])
    check('<b>&amp;</b>; le le', 'html', [' le'])
  })
})
