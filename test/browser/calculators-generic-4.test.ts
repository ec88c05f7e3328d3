/** Generic calculator checks, part 4 of 4 (see calculator-checks.ts). */
import { defineCalculatorChecks } from './calculator-checks';

defineCalculatorChecks(4, 4);
