/** Generic calculator checks, part 3 of 4 (see calculator-checks.ts). */
import { defineCalculatorChecks } from './calculator-checks';

defineCalculatorChecks(3, 4);
