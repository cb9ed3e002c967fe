/**
 * A table's own entry for a key that comes from the text: `table[word]` on a plain object
 * answers "constructor" or "toString" with Object's own functions.
 */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}
