import {describe, expect, it} from 'vitest'
import {presets} from '../rules/index.js'
import {ConfigError, resolveConfig} from '../src/config.js'

describe('resolveConfig', () => {
  // Every preset's options pass the rules' schemas, as a user's copy of them does.
  const withOptions = Object.entries(presets).flatMap(([preset, settings]) =>
    Object.entries(settings)
      .filter(([, setting]) => Array.isArray(setting) && setting[1] !== undefined)
      .map(([id, setting]) => [`${preset}: ${id}`, id, setting] as const),
  )

  it('has presets with options to check', () => {
    expect(withOptions.length).toBeGreaterThan(0)
  })

  it.each(withOptions)('the options of %s pass the check of options given by a user', (_name, id, setting) => {
    expect(resolveConfig({extends: 'none', rules: {[id]: structuredClone(setting)}}).map((rule) => rule.id)).toEqual([id])
  })

  it('still checks options a user gives, also for a rule of the preset', () => {
    expect(() => resolveConfig({rules: {quotes: ['error', {outer: '<>'}]}})).toThrow(ConfigError)
  })
})
