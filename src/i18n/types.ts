/** Turns an English string tree into the shape every other language must fill (same keys, any text). */
export type Widen<T> = T extends string ? string : T extends readonly (infer U)[] ? readonly Widen<U>[] : { [K in keyof T]: Widen<T[K]> };
