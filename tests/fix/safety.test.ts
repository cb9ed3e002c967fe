/**
 * "Safe means safe": each way a fix once lost text, markup or links (issue 16), as an
 * example. The property tests over generated articles are in tests/robustness/markup.test.ts.
 */
import {describe, expect, it} from 'vitest'
import {fixText} from '../../src/pipeline/fix-text.js'
import {lint} from '../../src/index.js'
import type {Format} from '../../src/parse/index.js'

const strict = {extends: 'strict'}

function fixed(text: string, format: Format, options: {suggestions?: boolean; config?: object} = {}): string {
  const include = options.suggestions ? () => true : undefined
  return fixText(text, {format, config: options.config ?? strict, include}).output
}

describe('character references are read as the HTML standard reads them', () => {
  it('&nbsp without a semicolon is one character: no text is lost', () => {
    const text = '<p>Quoi&nbsp ? Il a vu le&nbsp;ministre hier soir.</p>\n'
    expect(fixed(text, 'html')).toBe(text)
    expect(fixed(text, 'html', {suggestions: true})).toContain('Il a vu le&nbsp;ministre hier soir.')
  })
  it('&#160 without a semicolon, and &notit; (¬ then "it;"), keep every word', () => {
    const text = '<p>Elle a payé 12000&#160 euros et&notit; le reste, soit 12000 euros.</p>\n'
    const output = fixed(text, 'html')
    expect(output).toContain('&#160 euros et&notit')
    expect(output).toContain('le reste, soit')
    expect(output.match(/12/g)).toHaveLength(2)
  })
  it('places a message after a reference without semicolon exactly', () => {
    const {messages} = lint('<p>Le&nbsp le chat dort.</p>', {format: 'html', config: {extends: 'none', rules: {'repeated-words': 'error'}}})
    expect(messages.map((message) => message.actual)).toEqual(['&nbsp le'])
  })
  it('a space wanted beside a guillemet written as a reference goes beside it, never inside', () => {
    const text = '<p>Il a dit&nbsp;: &laquo;oui&raquo;.</p>\n'
    expect(fixed(text, 'html')).toBe('<p>Il a dit&nbsp;: &laquo;\u00A0oui\u00A0&raquo;.</p>\n')
    expect(fixed(text, 'html', {suggestions: true})).toContain('&laquo;')
  })
  it('an entity the article wrote is not replaced by another character', () => {
    for (const text of ['<p>Quoi&#x202F;? Oui&nbsp;!</p>\n', '<p>Il a dit&#160;: « non ».</p>\n', '<p>Le &quot;oui&quot; gagne.</p>\n']) {
      const output = fixed(text, 'html')
      for (const entity of text.match(/&[#\w]+;/g) ?? []) expect(output).toContain(entity)
    }
  })
})

describe('markup is untouchable', () => {
  it('a comment or an empty element between words is not deleted with the spaces around it', () => {
    const text = '<p>Il a dit <!-- more --> : oui.</p>\n<p>Il a dit <a id="note1"></a> : oui.</p>\n'
    const output = fixed(text, 'html', {suggestions: true})
    expect(output).toContain('<!-- more -->')
    expect(output).toContain('<a id="note1"></a>')
  })
  it('an autolink is not split by a spacing fix', () => {
    for (const text of ['Voir <https://exemple.fr/page>-ici.\n', 'Voir [https://exemple.fr/page](https://exemple.fr/page) ici.\n']) {
      expect(fixed(text, 'md', {suggestions: true})).toContain('https://exemple.fr/page')
    }
  })
  it('YAML front matter still parses, with the same keys', () => {
    const text = '---\ntitle: Le ministre a dit:oui\n---\n\nTexte.\n'
    expect(fixed(text, 'md', {suggestions: true})).toBe(text)
  })
  it('TOML front matter is data, never fixed', () => {
    const text = '+++\ntitle = "Le ministre a dit:oui..."\n+++\n\nTexte.\n'
    expect(fixed(text, 'md', {suggestions: true})).toBe(text)
  })
  it('inline code and link targets survive every fix', () => {
    const text = 'Lancez `npm install coquille` ici.\n\nVoir [le le site](https://exemple.fr/a:b) ou `le le`.\n'
    const output = fixed(text, 'md', {suggestions: true})
    expect(output).toContain('`npm install coquille`')
    expect(output).toContain('](https://exemple.fr/a:b)')
    expect(output).toContain('`le le`')
  })
})

describe('technical tokens are left alone by safe fixes', () => {
  const tokens = ['.NET', './configure', 'ISO 27001', '+33612345678', 'Rapport.PDF', 'node.js', 'C#', 'contact@exemple.fr', 'https://exemple.fr/a?b=1', 'v2.3.1', '01 23 45 67 89']
  for (const format of ['txt', 'md', 'html'] as const) {
    it(`${format}: each token is kept as written`, () => {
      const body = `Une version de .NET ; lancez ./configure ; norme ISO 27001 ; le +33612345678 ; Rapport.PDF ; node.js et C# ; écrivez à contact@exemple.fr ; voir https://exemple.fr/a?b=1 ; la v2.3.1 ; appelez le 01 23 45 67 89.`
      const text = format === 'html' ? `<h1>Titre</h1>\n<p>${body.replace(/&/g, '&amp;')}</p>\n` : `Titre\n\n${body}\n`
      const output = fixed(text, format)
      for (const token of tokens) expect(output).toContain(token)
    })
  }
  it('a glued word next to a technical token is still a safe fix', () => {
    expect(fixed('Titre\n\nIl est parti.Le lendemain, il a lu Rapport.PDF.\n', 'txt')).toBe('Titre\n\nIl est parti. Le lendemain, il a lu Rapport.PDF.\n')
  })
})

describe('a duplicate is a duplicate of the source', () => {
  it('paragraphs with the same words but other code, links or images are kept', () => {
    for (const text of [
      'Lancez `npm install coquille` ici.\n\nLancez `rm -rf node_modules` ici.\n',
      'Le rapport est [en ligne](https://exemple.fr/2023.pdf).\n\nLe rapport est [en ligne](https://exemple.fr/2024.pdf).\n',
      'Voici la carte ![carte](a.png) du jour.\n\nVoici la carte ![carte](b.png) du jour.\n',
      'Il a dit <b>oui</b> hier.\n\nIl a dit <i>oui</i> hier.\n',
    ]) {
      expect(fixed(text, 'md', {suggestions: true})).toBe(text)
      const duplicate = lint(text, {format: 'md', config: strict}).messages.find((message) => message.ruleId === 'duplicate')
      if (duplicate) expect([duplicate.fix, duplicate.expected]).toEqual([undefined, undefined])
    }
    const html = '<p>Le rapport est <a href="/2023">en ligne</a> ici.</p>\n<p>Le rapport est <a href="/2024">en ligne</a> ici.</p>\n'
    expect(fixed(html, 'html', {suggestions: true})).toBe(html)
    const sentences = 'Le rapport complet est [en ligne](/2023) depuis hier. Il fait cent pages.\n\nLe rapport complet est [en ligne](/2024) depuis hier.\n'
    expect(fixed(sentences, 'md', {suggestions: true})).toBe(sentences)
  })
  it('an exact copy is still deleted', () => {
    const text = 'Le rapport est [en ligne](https://exemple.fr/2023.pdf).\n\nLe rapport est [en ligne](https://exemple.fr/2023.pdf).\n'
    expect(fixed(text, 'md').trim()).toBe('Le rapport est [en ligne](https://exemple.fr/2023.pdf).')
  })
  it('a repeated setext heading goes with its underline', () => {
    const heading = 'La visite officielle du ministre au Japon\n=========================================\n'
    const text = `${heading}\n${heading}\nLe texte commence ici.\n`
    expect(lint(text, {format: 'md', config: strict}).messages.map((message) => [message.ruleId, message.fix])).toEqual([['duplicate', 'safe']])
    const output = fixed(text, 'md')
    expect(output.split(heading)).toHaveLength(2)
    expect(output).toBe(`${heading}\n\nLe texte commence ici.\n`)
  })
})

describe('--fix-suggestions deletes a whole link or nothing', () => {
  it('Markdown: a residue inside a link does not leave an empty link', () => {
    const text = 'Le texte.\n\n[Suivez-nous sur\nFacebook](https://facebook.com/x)\n'
    expect(lint(text, {format: 'md', config: strict}).messages.map((message) => message.ruleId)).toEqual(['boilerplate'])
    expect(fixed(text, 'md', {suggestions: true})).toBe(text)
  })
  it('Markdown: a whole residue line with its link goes', () => {
    expect(fixed('Le texte.\n\nFollow us on [Google\nNews](https://news.google.com/x) ici.\n', 'md')).toBe('Le texte.\n\n')
  })
  it('HTML: a residue that starts inside an anchor, or is all of its text, is left', () => {
    const text = '<p>Le texte.</p>\n<p><a href="https://x.fr/a">PREV</a> Les prix du lait s’envolent en Bretagne</p>\n<p><a href="https://x.fr/b">Suivez-nous sur\nFacebook</a></p>\n'
    expect(lint(text, {format: 'html', config: strict}).messages.filter((message) => message.ruleId === 'boilerplate')).toHaveLength(2)
    expect(fixed(text, 'html', {suggestions: true})).toBe(text)
  })
})

describe('the markup guard drops only the edits at fault', () => {
  it('a front-matter fix that would break the YAML is dropped, the body is still fixed', () => {
    const text = '---\ntitle: Le ministre a dit:oui\n---\n\nIl a vu le le chat.\n'
    expect(fixed(text, 'md', {suggestions: true})).toBe('---\ntitle: Le ministre a dit:oui\n---\n\nIl a vu le chat.\n')
  })
  it('keepsMarkup: an edit inside a link is fine, one that cuts it is not, one that deletes it whole is', async () => {
    const {keepsMarkup, markupAtoms} = await import('../../src/parse/markup-guard.js')
    const {preloadFormats} = await import('../../src/parse/index.js')
    await preloadFormats(['md'])
    const source = 'Voir [le le site](https://exemple.fr) ici.\n'
    const check = (start: number, end: number, replacement: string): boolean => {
      const after = source.slice(0, start) + replacement + source.slice(end)
      return keepsMarkup(markupAtoms(source, 'md'), [{ruleId: 'x', start, end, actual: source.slice(start, end), expected: [replacement], safe: true}], markupAtoms(after, 'md'))
    }
    expect(check(6, 9, '')).toBe(true) // "le " inside the link text
    expect(check(0, 12, '')).toBe(false) // "Voir [le le " : cuts the link
    expect(check(5, 38, '')).toBe(true) // the whole link
    expect(check(5, 16, '')).toBe(false) // "[le le site" : leaves "](…)"
    expect(check(6, 16, '')).toBe(false) // the link emptied of its text
  })
})

describe('writes keep the file they write', () => {
  it('a vocabulary file behind a symbolic link: the target is written, the link kept', async () => {
    const {mkdtempSync, readFileSync, lstatSync, symlinkSync, writeFileSync} = await import('node:fs')
    const {join} = await import('node:path')
    const {tmpdir} = await import('node:os')
    const {writeFileAtomic} = await import('../../src/io/write.js')
    const folder = mkdtempSync(join(tmpdir(), 'coquille-write-'))
    writeFileSync(join(folder, 'shared-vocabulary.txt'), 'BlaBlaCar\n')
    symlinkSync('shared-vocabulary.txt', join(folder, '.coquille-vocabulary.txt'))
    await writeFileAtomic(join(folder, '.coquille-vocabulary.txt'), 'BlaBlaCar\nQuotidien.fr\n')
    expect(lstatSync(join(folder, '.coquille-vocabulary.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(folder, 'shared-vocabulary.txt'), 'utf8')).toBe('BlaBlaCar\nQuotidien.fr\n')
  })
})

describe('technical tokens: only what a fix changes counts', () => {
  it('a glued sentence after a phone number is still fixed; thousands with dots are still numbers', async () => {
    const {editsTechnicalToken, findTechnicalSpans} = await import('../../src/rules/technical.js')
    const source = 'Appelez le 0800 06 66 66.Jeudi, 5.862.890 votants et la v2.3.1 de .NET.'
    const spans = findTechnicalSpans(source)
    const at = (text: string): number => source.indexOf(text)
    expect(editsTechnicalToken(spans, source, at('66.J'), at('66.J') + 8, '66. Jeudi')).toBe(false)
    expect(spans.some(([start]) => start === at('5.862'))).toBe(false)
    expect(editsTechnicalToken(spans, source, at('2.3.1'), at('2.3.1') + 3, '2,3')).toBe(true)
    expect(editsTechnicalToken(spans, source, at(' .NET'), at(' .NET') + 2, '.')).toBe(true) // "de .NET" → "de.NET"
  })
})
