/** The `stopword` package ships no types: its per-language lists, as used here. */
declare module 'stopword' {
  export const fra: string[]
  export const eng: string[]
  export const spa: string[]
  export const deu: string[]
  export const ita: string[]
  export const por: string[]
  export const nld: string[]
}
