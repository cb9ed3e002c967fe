/**
 * glued-words, punctuation-spacing and stray-period beyond their documented examples:
 * white space the examples cannot hold, formats, the house vocabulary, one message per
 * defect between the two rules, and fixes that settle.
 */
import {describe, expect, it} from 'vitest'
import {fixText} from '../../src/fix/text.js'
import {lint} from '../../src/index.js'
import {parseVocabulary} from '../../src/vocabulary.js'
import type {Format} from '../../src/parse/document.js'

const ours = {extends: 'none', rules: {'glued-words': 'error', 'punctuation-spacing': 'warn', 'stray-period': 'warn'}}

function messages(text: string, format: Format = 'txt', vocabulary?: string): Array<{rule: string; actual: string; expected: string[]}> {
  return lint(text, {format, config: ours, vocabulary: vocabulary === undefined ? undefined : parseVocabulary(vocabulary)}).messages.map((message) => ({
    rule: message.ruleId ?? '',
    actual: message.actual ?? '',
    expected: message.expected ?? [],
  }))
}

describe('punctuation-spacing: lines', () => {
  it('flags spaces at the end of a line and lines of spaces only, in plain text', () => {
    expect(messages('Titre\nUne phrase. \n \t\nFin.')).toEqual([
      {rule: 'punctuation-spacing', actual: ' ', expected: ['']},
      {rule: 'punctuation-spacing', actual: ' \t', expected: ['']},
    ])
    expect(fixText('Titre\nUne phrase. \n \t\nFin.', {config: ours}).output).toBe('Titre\nUne phrase.\n\nFin.')
  })

  it('leaves a Markdown hard break (two spaces) but not one trailing space', () => {
    expect(messages('Une ligne  \nsuite du paragraphe.\n\nAutre ligne \nsuite.\n', 'md')).toEqual([
      {rule: 'punctuation-spacing', actual: ' ', expected: ['']},
    ])
  })

  it('leaves code blocks alone in Markdown', () => {
    const markdown = 'Avant le code.\n\n```\ndu code ,avec  des espaces   \n  \nsuite ,,\n```\n\nAprès le code.\n'
    expect(messages(markdown, 'md')).toEqual([])
  })

  it('flags a line of spaces between two Markdown paragraphs', () => {
    expect(messages('Premier paragraphe.\n   \nSecond paragraphe.\n', 'md')).toEqual([
      {rule: 'punctuation-spacing', actual: '   ', expected: ['']},
    ])
  })

  it('does not flag doubled spaces in HTML, where the reader never sees them', () => {
    expect(messages('<p>Une  phrase  ici.</p>', 'html')).toEqual([])
    expect(messages('<p>Il a parlé,il est parti.</p>', 'html')).toEqual([
      {rule: 'punctuation-spacing', actual: ',', expected: [', ']},
    ])
  })

  it('leaves the no-break spaces of French typography to french-spacing', () => {
    expect(messages('Il a dit : « oui » ; vraiment ? Oui !')).toEqual([])
    expect(messages('Il a dit\u00A0\u00A0: oui.')).toEqual([])
  })
})

describe('glued-words and punctuation-spacing share the work', () => {
  it('gives one message per defect', () => {
    const text = 'Il est en France.Le ministre a parlé,il est parti (AFP).Le soir, RussieLa ville.'
    const found = messages(text)
    expect(found.map((message) => `${message.rule} ${message.actual}`)).toEqual([
      'glued-words France.Le',
      'punctuation-spacing ,',
      'punctuation-spacing ).',
      'glued-words RussieLa',
    ])
  })

  it('never flags URLs, e-mail addresses, domains, handles, hashtags, numbers or code', () => {
    const text =
      'Voir https://exemple.fr/France.Le?a=b,c et www.Exemple.com/RussieLa, écrire à Jean.Dupont@exemple.fr, ' +
      'suivre @BFMTVce et #RussieLa, lire LINFO.re, BFMTV.com et oui.sncf ; 3,5 %, 1.000.000, 20h30, 20:30 et 12,5km.'
    expect(messages(text)).toEqual([])
    expect(messages('Le code `France.Le`, `parlé,il` et `RussieLa` reste tel quel.\n', 'md')).toEqual([])
  })

  it('safe fixes settle: fixing twice changes nothing the second time', () => {
    const text = 'Titre\nIl est en France.Le ministre a parlé,il est parti .  Voilà ,,enfin. \n'
    const once = fixText(text, {config: ours}).output
    expect(once).toBe('Titre\nIl est en France. Le ministre a parlé, il est parti. Voilà, enfin.\n')
    expect(fixText(once, {config: ours}).output).toBe(once)
  })
})

describe('glued-words and the house vocabulary', () => {
  it('a camel-case name of the vocabulary is not split, in that lint only', () => {
    expect(messages('Son service monEspace est ouvert.').map((message) => message.actual)).toEqual(['monEspace'])
    expect(messages('Son service monEspace est ouvert.', 'txt', 'monEspace\n')).toEqual([])
    expect(messages('Son service monEspace est ouvert.').map((message) => message.actual)).toEqual(['monEspace'])
  })

  it('stray-period reads the house vocabulary through the document too', () => {
    const text = 'Le communiqué a été publié par la rédaction. Zorgnews.\n'
    expect(messages(text)).toEqual([])
    expect(messages(text, 'txt', 'Zorgnews\n')).toEqual([{rule: 'stray-period', actual: '. Zorgnews', expected: [' Zorgnews', ' (Zorgnews)']}])
    expect(messages(text)).toEqual([])
  })

  it('a capitalised camel-case word is a name unless its second part opens sentences', () => {
    expect(messages('La start-up PlumeTech et le restaurant GrandCoeur ont ouvert.')).toEqual([])
    expect(messages('Il vit à ParisLe maire a parlé.').map((message) => message.actual)).toEqual(['ParisLe'])
  })

  it('splits a paragraph join after a heading in capitals', () => {
    expect(messages('LES MESURES PRÉVUESLe gouvernement a tranché.')).toEqual([
      {rule: 'glued-words', actual: 'PRÉVUESLe', expected: ['PRÉVUES Le', 'PRÉVUES. Le']},
    ])
  })
})

describe('stray-period', () => {
  it('is quiet on answers, credits in parentheses and names after an ellipsis', () => {
    expect(messages('Faut-il partir ? Non. Il reste.\nLe texte est signé (AFP).\nIls ont visité Lyon et... Paris.')).toEqual([])
  })
})

describe('on any input', () => {
  it('never throws, and every message covers exactly its actual text', async () => {
    const fc = await import('fast-check')
    const pieces = ['France', 'Le', 'la', 'RussieLa', 'BFMTV', 'ce', '3', 'mars', '.', ',', ';', ':', '?', '!', '…', '...', '"', '“', '”', '«', '»', '(', ')', ' ', '  ', '\n', ' \n', '\t', 'https://a.fr/b', '@x', '#Y', 'l’', "d'", 'KCNA', '\u00A0']
    for (const format of ['txt', 'md', 'html'] as const) {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 40}), (parts) => {
          const text = parts.join('')
          for (const message of lint(text, {format, config: ours}).messages) {
            const place = message.place as {start: {offset: number}; end: {offset: number}}
            expect(text.slice(place.start.offset, place.end.offset)).toBe(message.actual)
          }
        }),
        {numRuns: 150},
      )
    }
  })

  it('safe fixes settle: a second fix changes nothing', async () => {
    const fc = await import('fast-check')
    const pieces = ['France', 'Le', 'la', 'il', 'parlé', '3', 'mars', '.', ',', ',,', '..', ';', ':', '?', '…', '"', '“', '”', ')', '(', ' ', '  ', '\n', ' \n', 'sacrée']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), (parts) => {
        const once = fixText(parts.join(''), {config: ours}).output
        expect(fixText(once, {config: ours}).output).toBe(once)
      }),
      {numRuns: 200},
    )
  })
})
