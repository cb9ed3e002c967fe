/**
 * The `quotes` rule's straight-quote fixes, as properties: on prose with straight quotations
 * (nested or not, glued to punctuation or not), `--fix` leaves no straight quote, balanced
 * « » with the house space inside, “ ” inside them, and a second fix changes nothing.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {fixText} from '../src/fix/text.js'
import {lint} from '../src/index.js'

const strict = {extends: 'none', rules: {quotes: ['error', {straight: true}]}}
const structure = {extends: 'none', rules: {quotes: 'error'}}

const word = fc.constantFrom('réforme', 'nous', 'jamais', 'gilets', 'jaunes', 'l’accord', 'acte', '2', 'Paris', 'aujourd’hui')
const words = fc.array(word, {minLength: 1, maxLength: 4}).map((list) => list.join(' '))
/** A quotation, perhaps ending with its sentence's punctuation, perhaps holding another. */
const quotation = fc
  .tuple(words, fc.option(words, {nil: undefined}), words, fc.constantFrom('', '.', ' !', '?'))
  .map(([head, inner, tail, stop]) => `"${head}${inner ? ` "${inner}" ` : ' '}${tail}${stop}"`)
const sentence = fc
  .tuple(words, quotation, fc.constantFrom(', a-t-il dit.', '.', ' et rien de plus.', ''), fc.constantFrom('', ' dit-elle.'))
  .map(([before, quoted, after, more]) => `Il a parlé de ${before} ${quoted}${after}${more}`)
const article = fc.array(sentence, {minLength: 1, maxLength: 4}).map((lines) => ['Titre de l’article', ...lines].join('\n'))

describe('straight quotes fixed to guillemets', () => {
  it('leave balanced « » with no-break spaces inside, “ ” nested, and nothing to fix twice', () => {
    fc.assert(
      fc.property(article, (text) => {
        const {output} = fixText(text, {format: 'txt', config: strict})
        expect(output).not.toContain('"')
        for (const line of output.split('\n')) {
          expect(line.split('«').length).toBe(line.split('»').length)
          expect(line.split('“').length).toBe(line.split('”').length)
        }
        expect(output).not.toMatch(/«(?!\u00A0)|(?<!\u00A0)»/)
        expect(lint(output, {format: 'txt', config: structure}).messages).toEqual([])
        expect(fixText(output, {format: 'txt', config: strict}).output).toBe(output)
      }),
      {numRuns: 60},
    )
  })

  it('never guesses a lone straight quote', () => {
    const text = 'Titre\nIl mesure 6" et 5\'11". Elle a lancé un "appel solennel aux élus.'
    expect(fixText(text, {format: 'txt', config: strict}).output).toBe(text)
    expect(lint(text, {format: 'txt', config: strict}).messages.map((message) => message.reason)).toEqual([
      'Guillemet ouvrant jamais fermé dans le paragraphe.',
    ])
  })

  it('writes the house space chosen by the `space` option', () => {
    const fix = (space: string) =>
      fixText('Titre\nIl a dit "oui".', {format: 'txt', config: {extends: 'none', rules: {quotes: ['error', {straight: true, space}]}}}).output
    expect(fix('nbsp')).toBe('Titre\nIl a dit «\u00A0oui\u00A0».')
    expect(fix('nnbsp')).toBe('Titre\nIl a dit «\u202Foui\u202F».')
    expect(fix('none')).toBe('Titre\nIl a dit «oui».')
  })

  it('rejects an unknown house mark as a configuration error', () => {
    // Options are checked when the configuration is resolved (one error, not one per article).
    expect(() => lint('Titre\nIl a dit « oui ».', {format: 'txt', config: {extends: 'none', rules: {quotes: ['error', {outer: '<>'}]}}})).toThrow(
      'configuration : règle « quotes » : option « outer » : valeur "<>" non permise (valeurs permises : "«»", "“”", "‹›", "‘’")',
    )
  })
})
