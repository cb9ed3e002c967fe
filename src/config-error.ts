/**
 * A configuration mistake: reported in one line, exit code 2. A module of its own so that
 * what throws it (the vocabulary, read by rules) does not import the configuration, which
 * imports every rule.
 */
export class ConfigError extends Error {
  override name = 'ConfigError'
}
