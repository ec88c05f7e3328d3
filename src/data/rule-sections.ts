/**
 * The numbered chapter section (e.g. "4.1") that states each calculator's rule, so the rule line
 * under a calculator links to where the playbook says it. Both languages number sections alike;
 * Calculator.astro finds the heading in the page's language and fails the build if it is missing.
 */
import type { CalculatorId } from '../catalog';

export const RULE_SECTIONS: Record<CalculatorId, string> = {
  'C01.1': '1.2',
  'C01.2': '1.3',
  'C02.1': '2.2',
  'C02.2': '2.1',
  'C02.3': '2.1',
  'C03.1': '3.2',
  'C03.2': '3.2',
  'C03.3': '3.1',
  'C04.1': '4.1',
  'C04.2': '4.2',
  'C04.3': '4.3',
  'C05.1': '5.1',
  'C05.2': '5.2',
  'C05.3': '5.2',
  'C06.1': '6.1',
  'C06.2': '6.2',
  'C07.1': '7.3',
  'C07.2': '7.2',
  'C08.1': '8.3',
  'C08.2': '8.3',
  'C08.3': '8.1',
  'C09.1': '9.3',
  'C09.2': '9.2',
  'C10.1': '10.1',
  'C10.2': '10.2',
  'C10.3': '10.2',
  'C11.1': '11.1',
  'C11.2': '11.3',
  'C12.1': '12.1',
  'C12.2': '12.3',
  'C12.3': '12.3',
  'C13.1': '13.1',
  'C13.2': '13.1',
  'C13.3': '13.2',
  'C14.1': '14.2',
  'C14.2': '14.3',
};
