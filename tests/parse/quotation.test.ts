/**
 * The quotation spans other rules read: `quotationSpans(index)` and `quotationAt(index, offset)`,
 * computed once per document index; and the structure the `quotes` rule reports from.
 */
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {coquilleParse, type DocumentIndex, type Format} from '../../src/parse/index.js'
import {quotationAt, quotationSpans, quoteStructure} from '../../src/parse/quotation.js'

function indexOf(text: string, format: Format = 'txt'): DocumentIndex {
  const file = new VFile({value: text})
  unified().use(coquilleParse, {format}).parse(file)
  return file.data.coquille!
}

/** Spans as `depth:quoted text with its marks`, for compact expectations. */
function spansOf(text: string, format: Format = 'txt'): string[] {
  const index = indexOf(text, format)
  return quotationSpans(index).map((span) => `${span.depth}:${index.source.slice(span.start, span.end)}`)
}

/** Problems as `kind:mark@offset`. */
function problemsOf(text: string, format: Format = 'txt'): string[] {
  return quoteStructure(indexOf(text, format)).problems.map((problem) => `${problem.kind}:${problem.mark.value}@${problem.mark.start}`)
}

describe('quotationSpans', () => {
  it('gives each quotation with its marks, depth and parent, in source order', () => {
    const index = indexOf('Titre\nIl a dit « non, “jamais” » puis « oui ».')
    const spans = quotationSpans(index)
    expect(spans.map((span) => [span.openMark, span.closeMark, span.depth, span.parent, span.family])).toEqual([
      ['«', '»', 0, -1, 'guillemet'],
      ['“', '”', 1, 0, 'english'],
      ['«', '»', 0, -1, 'guillemet'],
    ])
    const first = spans[0]!
    expect(index.source.slice(first.start, first.end)).toBe('« non, “jamais” »')
    expect(index.source.slice(first.openEnd, first.closeStart)).toBe(' non, “jamais” ')
    expect(first.block).toBe(1)
    expect(index.tokens[first.open.token]!.value).toBe('«')
  })

  it('is computed once per document index and cached', () => {
    const index = indexOf('Il a dit « non ».')
    expect(quotationSpans(index)).toBe(quotationSpans(index))
    expect(quotationSpans(indexOf('Il a dit « non ».'))).not.toBe(quotationSpans(index))
  })

  it('pairs straight quotes by their neighbours, nested ones too', () => {
    expect(spansOf('Il a dit "oui" puis "il a crié "non" hier".')).toEqual(['0:"oui"', '0:"il a crié "non" hier"', '1:"non"'])
  })

  it('never takes apostrophes or inches for quotes', () => {
    expect(spansOf("L’accord d’aujourd’hui, les années ’90, le rock’n’roll, 5'11\" et 6\" ; l’« affaire ».")).toEqual(['0:« affaire »'])
    expect(spansOf('Elle a dit ‘no’ et ‘l’accord’ tient.')).toEqual(['0:‘no’', '0:‘l’accord’'])
  })

  it('keeps a misdirected or mismatched pair as a quotation', () => {
    expect(spansOf('Il promet de «tenir jusqu’à la Victoire« . Une « affaire” close.')).toEqual([
      '0:«tenir jusqu’à la Victoire«',
      '0:« affaire”',
    ])
  })

  it('runs an unclosed quotation to the end of its block, one span per continued paragraph', () => {
    const text = 'Titre\n« Nous resterons mobilisés.\n« Rien n’est réglé », dit-elle.\nFin.'
    expect(spansOf(text)).toEqual(['0:« Nous resterons mobilisés.', '0:« Rien n’est réglé »'])
    expect(problemsOf(text)).toEqual([])
  })

  it('reads a token of repeated marks mark by mark', () => {
    expect(spansOf('Il a dit "on le fera.""Il y a des infractions".')).toEqual(['0:"on le fera."', '0:"Il y a des infractions"'])
  })

  it('ignores quotes in code and markup (Markdown, HTML)', () => {
    expect(spansOf('Tapez `echo "a` puis « Entrée ».\n\n```\nprint("x)\n```\n\nUn [« lien »](https://a.fr "titre").', 'md')).toEqual([
      '0:« Entrée »',
      '0:« lien »',
    ])
    expect(spansOf('<p>Un &quot;mot&quot; et <code>"x</code> et <em>«&nbsp;oui&nbsp;»</em>.</p>', 'html')).toEqual([
      '0:&quot;mot&quot;',
      '0:«&nbsp;oui&nbsp;»',
    ])
  })
})

describe('quotationAt', () => {
  const index = indexOf('Il a dit « non, “jamais” » hier.')
  const at = (text: string) => quotationAt(index, index.source.indexOf(text))
  it('finds the innermost quotation around an offset', () => {
    expect(at('jamais')?.openMark).toBe('“')
    expect(at('non')?.openMark).toBe('«')
    expect(at('» hier')?.openMark).toBe('«')
  })
  it('is undefined outside quotations', () => {
    expect(at('Il a')).toBeUndefined()
    expect(at('hier')).toBeUndefined()
  })
})

describe('quote structure problems', () => {
  it('an opening mark never closed, a closing mark never opened', () => {
    expect(problemsOf('Il parle d’un « tournant.')).toEqual(['unclosed:«@14'])
    expect(problemsOf('Une réforme » brutale.')).toEqual(['unopened:»@12'])
  })
  it('blames the straight quote that lacks its pair, not the last one', () => {
    expect(problemsOf('Il veut "un minimum. "Nous veillons", dit-il. "Notre pays"Sur ce point.')).toEqual(['unclosed:"@8', 'glued:"@57'])
  })
  it('a closer-shaped mark that opens, an opener-shaped mark that closes', () => {
    expect(problemsOf('Il a dit »Bonjour » en entrant.')).toEqual(['misdirected:»@9'])
    expect(problemsOf('Il tiendra «jusqu’à la Victoire« .')).toEqual(['misdirected:«@31'])
  })
  it('a closer of another kind, a doubled straight quote, a glued mark', () => {
    expect(problemsOf('Une « affaire” close.')).toEqual(['mismatch:”@13'])
    expect(problemsOf('Il a dit «non merci" hier.')).toEqual(['mismatch:"@19'])
    expect(problemsOf('Il a dit ""Merci" en sortant.')).toEqual(['doubled:"@9'])
    expect(problemsOf('Une «lutte sacrée“Elle a dit.”sagesse» ici.')).toEqual(['glued:“@17', 'glued:”@29'])
  })
  it('a paragraph that closes a quotation left open without reopening it: one problem', () => {
    expect(problemsOf('Titre\n« Nous resterons mobilisés.\nRien n’est réglé », dit-elle.')).toEqual(['continuation:»@51'])
  })
  it('a heading does not continue a quotation', () => {
    expect(problemsOf('# Le « titre\n\nLa suite », dit-il.', 'md')).toEqual(['unclosed:«@5', 'unopened:»@23'])
  })
})
