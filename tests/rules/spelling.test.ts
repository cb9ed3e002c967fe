/** The spelling rule and its suggestion engine, beyond the examples of rules/spelling.ts. */
import {describe, expect, it} from 'vitest'
import {lint, parseVocabulary} from '../../src/index.js'
import {frequencyRank, suggest} from '../../src/lexicon/suggest.js'

const config = {extends: 'none', rules: {spelling: 'warn'}}
const flags = (text: string, options: {format?: 'txt' | 'md' | 'html'; vocabulary?: string} = {}) =>
  lint(text, {format: options.format ?? 'txt', config, vocabulary: options.vocabulary === undefined ? undefined : parseVocabulary(options.vocabulary)}).messages.map(
    (message) => `${message.actual} → ${(message.expected ?? []).join(' | ')}`,
  )

describe('suggest', () => {
  it('finds the word one slip away, likeliest first', () => {
    expect(suggest('minsitre')[0]?.word).toBe('ministre')
    expect(suggest('gouvernment')[0]?.word).toBe('gouvernement')
    expect(suggest('dévelopement')[0]?.word).toBe('développement')
    expect(suggest('ecole')[0]?.word).toBe('école')
    expect(suggest('aujourdhui')[0]?.word).toBe('aujourd’hui')
    expect(suggest('connection')[0]?.word).toBe('connexion')
    // Several accents restored at once count as one slip.
    expect(suggest('evenement').map(({word}) => word)).toContain('événement')
  })
  it('gives at most the number asked, in order of score', () => {
    const found = suggest('mase', 3)
    expect(found.length).toBeLessThanOrEqual(3)
    expect(found.map(({score}) => score)).toEqual([...found.map(({score}) => score)].sort((a, b) => a - b))
  })
  it('orders near ties by frequency', () => {
    expect(frequencyRank('ministre')).toBeLessThan(frequencyRank('minerve') ?? Infinity)
  })
  it('stays bounded: nothing for a long token or a word with no neighbour', () => {
    expect(suggest('a'.repeat(40))).toEqual([])
    expect(suggest('zxqwkj')).toEqual([])
  })
})

describe('spelling', () => {
  it('keeps the case and the elided article', () => {
    expect(flags('Ecrivez-moi. Minsitre et élus ont parlé de l’ecole.')).toEqual(['Minsitre → Ministre', 'ecole → école'])
  })
  it('reads text in decomposed Unicode (NFD) and replaces the token as written', () => {
    const decomposed = 'Le dévelopement du réseau est lent.'.normalize('NFD')
    const messages = lint(decomposed, {config}).messages
    expect(messages).toHaveLength(1)
    expect(messages[0]!.expected).toEqual(['développement'])
    const {start, end} = messages[0]!.place as {start: {offset: number}; end: {offset: number}}
    expect(decomposed.slice(start.offset, end.offset)).toBe('dévelopement'.normalize('NFD'))
  })
  it('leaves names, acronyms, words with digits, English and foreign phrases alone', () => {
    expect(flags('Le ministre Jean Castexx a reçu la CGTT et le groupe BTS2 ; la minsitre a dit "the end".')).toEqual(['minsitre → ministre'])
    expect(flags('Il a suivi le streaming du match et lu les tweets.')).toEqual([])
    expect(flags('La série tenure tracks et la fiesta de los muertos.')).toEqual([])
  })
  it('takes a word repeated in the article as meant', () => {
    expect(flags('Le tractopel est arrivé. Le tractopel est reparti.')).toEqual([])
  })
  it('takes a capitalised word at the start of a sentence as a name when it is capitalised elsewhere', () => {
    expect(flags('Gouvernment a signé. Le groupe Gouvernment est coté.')).toEqual([])
    expect(flags('Gouvernment et syndicats ont signé.')).toEqual(['Gouvernment → Gouvernement'])
  })
  it('is silenced by the house vocabulary', () => {
    expect(flags('Le minsitre est là.', {vocabulary: 'minsitre\n'})).toEqual([])
  })
  it('never looks into code, links or addresses', () => {
    expect(flags('Le code `minsitre` et [le lien](https://exemple.fr/minsitre) ; écrivez à minsitre@exemple.fr.', {format: 'md'})).toEqual([])
  })
  it('gives suggestions, never safe fixes', () => {
    const [message] = lint('Le minsitre parle.', {config}).messages as Array<{fix?: string}>
    expect(message?.fix).toBe('suggestion')
  })
})

describe('spelling with œ typed "oe"', () => {
  it('suggests in the writer’s spelling', () => {
    expect(flags('Il a accepté à contercoeur.')).toEqual(['contercoeur → contrecoeur'])
  })
})

describe('spelling in HTML', () => {
  it('flags a typo in prose, and never cuts a word written with an entity', () => {
    expect(flags('<p>Le minsitre a parlé.</p>', {format: 'html'})).toEqual(['minsitre → ministre'])
    expect(flags('<p>Le d&eacute;velopement du réseau.</p>', {format: 'html'})).toEqual([])
  })
})
