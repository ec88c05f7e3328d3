/**
 * What a reader must never see in a calculator: methodology ids (E6), the allocation symbols λ
 * and B_alloc, and "seed" for the source deck (or its Chinese renderings). Used by the unit test
 * over the interface strings and the browser test over every rendered calculator.
 */
export const JARGON = /\bE\d{1,2}\b|λ|B_alloc|\bseed(?:ed|s|ing)?\b|种子|方法论规则|原始资料/i;
