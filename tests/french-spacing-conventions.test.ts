/**
 * french-spacing with `space: "any"` (the default): each documented convention of no-break
 * spaces is one choice, neither flagged nor rewritten by --fix; a departure from the
 * convention an article follows is flagged and fixed to it.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'
import {fixText} from '../src/fix/text.js'

const nbsp = '\u00A0'
const narrow = '\u202F'
const config = {extends: 'none', rules: {'french-spacing': 'error'}}
/** An article with every mark: colon, guillemets, ; ! ?, with the spaces given. */
const article = (colon: string, guillemets: string, high: string): string =>
  `Titre\n\nLa ministre a dit${colon}: «${guillemets}Nous signerons${high}!${guillemets}» Quand${high}? Demain${high}; ou jamais.\n`

describe('french-spacing conventions under space "any"', () => {
  it.each([
    ['U+00A0 everywhere', article(nbsp, nbsp, nbsp)],
    ['U+202F everywhere', article(narrow, narrow, narrow)],
    ['Imprimerie nationale: U+202F before ; ! ?, U+00A0 before : and inside guillemets', article(nbsp, nbsp, narrow)],
    ['U+202F before ; ! ? and inside guillemets, U+00A0 before :', article(nbsp, narrow, narrow)],
  ])('%s: no message, nothing rewritten', (_name, text) => {
    expect(lint(text, {format: 'txt', config}).messages).toEqual([])
    expect(fixText(text, {format: 'txt', config}).output).toBe(text)
  })

  it('a slip from the Imprimerie nationale convention is flagged and fixed to it', () => {
    const text = article(nbsp, nbsp, narrow).replace(`Quand${narrow}?`, `Quand${nbsp}?`)
    const messages = lint(text, {format: 'txt', config}).messages
    expect(messages.map((message) => message.reason)).toEqual(['Espace insécable avant le point d’interrogation, mais espace fine insécable ailleurs dans l’article : un seul choix.'])
    expect(fixText(text, {format: 'txt', config}).output).toBe(article(nbsp, nbsp, narrow))
  })

  it('a missing space is written in the article’s convention', () => {
    const text = article(nbsp, nbsp, narrow).replace(`Demain${narrow};`, 'Demain;').replace(`dit${nbsp}:`, 'dit:')
    expect(fixText(text, {format: 'txt', config}).output).toBe(article(nbsp, nbsp, narrow))
  })
})
