/** Modules loaded on first use (src/lazy.ts): synchronously, or ahead with `preload`. */
import {describe, expect, it} from 'vitest'
import {lazy} from '../src/lazy.js'
import {lint, preloadFormats} from '../src/index.js'

describe('lazy modules', () => {
  it('loads synchronously on first call, once', () => {
    const module = lazy('vfile-location', () => import('vfile-location'))
    const first = module()
    expect(typeof first.location).toBe('function')
    expect(module()).toBe(first)
  })

  it('preload loads ahead; the call then returns what was preloaded', async () => {
    let loads = 0
    const module = lazy('not-a-package-at-all', async () => {
      loads++
      return {answer: 42}
    })
    expect(await module.preload()).toEqual({answer: 42})
    expect(module()).toEqual({answer: 42})
    await module.preload()
    expect(loads).toBe(1)
  })

  it('a CommonJS module split into a bundle chunk ({default: exports}) gives its exports', async () => {
    const cjs = lazy('not-a-package-either', async () => ({default: {parse: 'yes'}}))
    expect(await cjs.preload()).toEqual({parse: 'yes'})
    const native = lazy('nor-this-one', async () => ({default: {parse: 'yes'}, parse: 'yes'}))
    expect(await native.preload()).toEqual({default: {parse: 'yes'}, parse: 'yes'})
  })

  it('an unknown module fails when first needed, not before', () => {
    const missing = lazy('coquille-no-such-module', () => import('node:fs'))
    expect(() => missing()).toThrow(/coquille-no-such-module/)
  })

  it('Markdown and HTML parse with or without preloading their parsers', async () => {
    const markdown = '---\ntitle: Le le titre\n---\n\nIl a vu le le chat.\n'
    const html = '<p>Il a vu le le chat.</p>'
    const ids = (text: string, format: 'md' | 'html'): string[] => lint(text, {format}).messages.map((message) => `${message.line}:${message.ruleId}`)
    const before = [ids(markdown, 'md'), ids(html, 'html')]
    await preloadFormats()
    expect([ids(markdown, 'md'), ids(html, 'html')]).toEqual(before)
    expect(before).toEqual([['2:repeated-words', '5:repeated-words'], ['1:repeated-words']])
  })
})
