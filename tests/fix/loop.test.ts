/**
 * fixLoop: passes until the text settles, deferred edits coming back on the re-lint,
 * oscillation, the pass limit, suggestions, and asynchronous linters.
 */
import {describe, expect, it} from 'vitest'
import {fixLoop, type FixableMessage} from '../../src/fix/index.js'
import {fakeLint} from './fake-linter.js'

/** A linter proposing one whole-text replacement for each text in `table`. */
function tableLint(table: Record<string, string>, calls: string[] = []): (text: string) => FixableMessage[] {
  return (text) => {
    calls.push(text)
    const next = table[text]
    return next === undefined ? [] : [{ruleId: 'table', start: 0, end: text.length, actual: text, expected: [next], safe: true}]
  }
}

describe('fixLoop', () => {
  it('re-lints until the text settles, recording the pass of each fix', () => {
    // The doubled space and the space before the comma overlap: the comma waits for pass 2.
    const calls: string[] = []
    const lint = (text: string): FixableMessage[] => {
      calls.push(text)
      return fakeLint(text)
    }
    const result = fixLoop('Il a vu le le  , puis...', lint)
    expect(result.output).toBe('Il a vu le, puis…')
    expect(result.stop).toBe('settled')
    expect(result.passes).toBe(2)
    expect(result.applied.map((fix) => [fix.ruleId, fix.pass])).toEqual([
      ['repeated-le', 1],
      ['doubled-space', 1],
      ['three-dots', 1],
      ['space-before-comma', 2],
    ])
    expect(result.remaining).toEqual([])
    // One lint per text: the source, then each pass's output.
    expect(calls).toEqual(['Il a vu le le  , puis...', 'Il a vu le , puis…', 'Il a vu le, puis…'])
  })

  it('returns the messages of the final lint, suggestions included', () => {
    const result = fixLoop('«Bonjour» , dit-il', fakeLint)
    expect(result.output).toBe('«Bonjour», dit-il')
    expect(result.remaining).toEqual([{ruleId: 'guillemet-space', start: 1, end: 1, actual: '', expected: ['\u00A0'], safe: false}])
  })

  it('applies the suggestions `include` accepts', () => {
    const result = fixLoop('«Bonjour» , dit-il', fakeLint, {include: (message) => message.ruleId === 'guillemet-space'})
    expect(result.output).toBe('«\u00A0Bonjour», dit-il')
    expect(result.remaining).toEqual([])
  })

  it('makes no pass when nothing applies', () => {
    const calls: string[] = []
    const result = fixLoop('propre', tableLint({}, calls))
    expect(result).toEqual({output: 'propre', passes: 0, applied: [], remaining: [], stop: 'settled'})
    expect(calls).toEqual(['propre'])
  })

  it('stops when fixes undo each other, before producing a text seen before', () => {
    const calls: string[] = []
    const result = fixLoop('A', tableLint({A: 'B', B: 'C', C: 'A'}, calls))
    expect(result.stop).toBe('oscillation')
    expect(result.output).toBe('C')
    expect(result.passes).toBe(2)
    expect(result.applied.map((fix) => [fix.expected[0], fix.pass])).toEqual([
      ['B', 1],
      ['C', 2],
    ])
    // The remaining messages are those of the output: C would become A again.
    expect(result.remaining.map((message) => message.expected[0])).toEqual(['A'])
    expect(calls).toEqual(['A', 'B', 'C'])
  })

  it('stops after 10 passes, or `maxPasses`', () => {
    const grow = (text: string): FixableMessage[] => [{ruleId: 'grow', start: text.length, end: text.length, actual: '', expected: ['x'], safe: true}]
    const result = fixLoop('', grow)
    expect(result).toMatchObject({output: 'x'.repeat(10), passes: 10, stop: 'max-passes'})
    expect(result.remaining).toHaveLength(1)
    expect(fixLoop('', grow, {maxPasses: 3})).toMatchObject({output: 'xxx', passes: 3, stop: 'max-passes'})
    expect(fixLoop('', grow, {maxPasses: 0})).toMatchObject({output: '', passes: 0, stop: 'max-passes'})
  })

  it('awaits an asynchronous linter and gives the same result', async () => {
    const source = 'le le chat  , «Quoi?»...'
    const pending = fixLoop(source, async (text) => fakeLint(text))
    expect(pending).toBeInstanceOf(Promise)
    expect(await pending).toEqual(fixLoop(source, fakeLint))
  })

  it('follows a linter that turns asynchronous midway', async () => {
    let first = true
    const lint = (text: string): FixableMessage[] | Promise<FixableMessage[]> => {
      if (first) {
        first = false
        return fakeLint(text)
      }
      return Promise.resolve(fakeLint(text))
    }
    const source = 'le le chat  ,'
    expect(await fixLoop(source, lint)).toEqual(fixLoop(source, fakeLint))
  })

  it('propagates a linter failure', async () => {
    expect(() => fixLoop('x', () => { throw new Error('lint failed') })).toThrow('lint failed')
    await expect(fixLoop('x', async () => { throw new Error('lint failed') })).rejects.toThrow('lint failed')
  })
})

describe('fixLoop with a guard', () => {
  it('drops only the edits the guard refuses, found by halves, and keeps the rest of the pass', () => {
    // The guard refuses any output where "..." became "…" (as the markup oracle refuses a cut link).
    const guardCalls: number[] = []
    const guard = (before: string, edits: readonly FixableMessage[], after: string): boolean => {
      guardCalls.push(edits.length)
      return !(before.includes('...') && !after.includes('...'))
    }
    const result = fixLoop('Il a vu le le  , puis...', fakeLint, {guard})
    expect(result.output).toBe('Il a vu le, puis...')
    expect(result.applied.map((fix) => fix.ruleId)).not.toContain('three-dots')
    expect(result.stop).toBe('settled')
    // The whole first pass was refused once, then tried by halves.
    expect(guardCalls[0]).toBe(3)
    expect(guardCalls.length).toBeGreaterThan(1)
  })
  it('stops when the guard refuses every edit', () => {
    const result = fixLoop('Il a vu le le chat...', fakeLint, {guard: () => false})
    expect(result.output).toBe('Il a vu le le chat...')
    expect(result.applied).toEqual([])
  })
})
