/** Inline configuration comments in Markdown and HTML work for every rule. */
import {describe, expect, it} from 'vitest'
import {lint} from '../src/index.js'

const config = {extends: 'none', rules: {'repeated-words': 'error', duplicate: 'error'}}
const ids = (text: string, format: 'md' | 'html') =>
  lint(text, {format, config}).messages.map((message) => `${message.line}:${message.ruleId}`)

describe('inline comments', () => {
  it('disable / enable one rule', () => {
    const text = 'Il a vu le le chat.\n\n<!-- coquille-disable repeated-words -->\n\nIl a vu le le chien.\n\n<!-- coquille-enable repeated-words -->\n\nIl a vu le le loup.\n'
    expect(ids(text, 'md')).toEqual(['1:repeated-words', '9:repeated-words'])
  })
  it('disable every rule', () => {
    const text = '<!-- coquille-disable -->\n\nIl a vu le le chat.\n'
    expect(ids(text, 'md')).toEqual([])
  })
  it('disable-next-line, with a reason', () => {
    const text = '<!-- coquille-disable-next-line repeated-words -- citation exacte -->\nIl a vu le le chat.\n\nIl a vu le le chien.\n'
    expect(ids(text, 'md')).toEqual(['4:repeated-words'])
  })
  it('works in HTML and for any rule', () => {
    const sentence = 'Le gouvernement a présenté mardi un plan de relance ambitieux.'
    const text = `<p>${sentence}</p>\n<!-- coquille-disable duplicate -->\n<p>${sentence}</p>\n<p>Il a vu le le chat.</p>`
    expect(ids(text, 'html')).toEqual(['4:repeated-words'])
  })
  it('an unknown rule id is reported', () => {
    const {messages} = lint('<!-- coquille-disable repeated-word -->\n\nTexte.\n', {format: 'md', config})
    expect(messages.map((message) => [message.ruleId, message.reason])).toEqual([['inline-config', 'Commentaire coquille-disable : règle inconnue « repeated-word ».']])
    // The stylish report prints `message`, which says the same.
    expect(messages[0]!.message).toBe(messages[0]!.reason)
  })
  it('other comments are ignored', () => {
    expect(ids('<!-- a note -->\n\nIl a vu le le chat.\n', 'md')).toEqual(['3:repeated-words'])
  })
})
