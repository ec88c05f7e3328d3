/** Generic calculator checks, part 2 of 4 (see calculator-checks.ts). */
import { defineCalculatorChecks } from './calculator-checks';

defineCalculatorChecks(2, 4);
