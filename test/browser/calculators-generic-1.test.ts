/** Generic calculator checks, part 1 of 4 (see calculator-checks.ts). */
import { defineCalculatorChecks } from './calculator-checks';

defineCalculatorChecks(1, 4);
