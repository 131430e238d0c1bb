// The shape every translation must have: the same keys as the bokmål source, any string
// values. Typing nn and en as Shape<typeof nb> makes a missing or extra key fail tsc.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
