/**
 * Property tests explore new random inputs on every local run (they found real bugs that
 * way); in CI (CI=true) the seed is fixed so that main stays reproducible. Set
 * FAST_CHECK_SEED to replay a failure.
 */
import fc from 'fast-check'

const seed = process.env['FAST_CHECK_SEED'] ?? (process.env['CI'] ? '20261126' : undefined)
if (seed !== undefined) fc.configureGlobal({seed: Number(seed)})
