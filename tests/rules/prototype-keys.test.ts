/**
 * Words of the text are looked up in tables: a plain object answers "constructor" or
 * "toString" with Object's own functions (determiner-agreement once suggested
 * « function Object() { [native code] } maisons »). Every rule, on text made of those names.
 */
import {describe, expect, it} from 'vitest'
import {lint} from '../../src/index.js'

const names = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__']
const text = [
  'Titre de l’article',
  '',
  ...names.map((name) => `Il voit ${name} maisons, ${name} maison et ${name} grand ami ; le ${name} maisons, la ${name} maison, ce ${name} et les ${name} ${name}s.`),
  '',
  names.map((name) => `${name[0]!.toUpperCase()}${name.slice(1)} est là ; ${name}.Le texte ; l’${name} de ${name}.`).join(' '),
  '',
].join('\n')

describe('words named like Object’s properties', () => {
  for (const preset of ['recommended', 'strict'] as const) {
    it(`${preset}: no rule answers with Object's own functions`, () => {
      const {messages} = lint(text, {format: 'txt', config: {extends: preset}})
      for (const message of messages) {
        expect(String(message.reason)).not.toMatch(/native code|function |\[object /)
        for (const expected of message.expected ?? []) expect(expected).not.toMatch(/native code|function |\[object /)
      }
    })
  }
})
