/** Plan block: target share path (C01.1). */
import { shareCascade } from '../../calculators/c01-1-share-cascade';
import { computeScenario } from '../../kit/scenario-compute';
import { figure, firstRows, hasErrors, named, num, type Summarise } from '../summary';

const summarise: Summarise = ({ scenario, defaultNames }) => {
  const { raw, read, rowReads, output } = computeScenario(named(shareCascade, defaultNames), scenario);
  const r = output.results;
  const years = r.years ?? [];
  const last = years.at(-1);
  const growth = raw.reading === 'points' ? r.firstYearGrowthPoints : r.firstYearGrowthRelative;
  return {
    figures: [
      ...figure('shareToday', 'percent', years[0]?.share),
      ...(last && last.year > 0 ? [...figure('shareFinal', 'percent', last.share, { year: last.year }), ...figure('finalRevenue', 'money', r.finalRevenue, { year: last.year })] : []),
      ...figure('firstYearGrowth', 'percent', growth),
    ],
    columns: ['year', 'marketSize', 'share', 'revenue'],
    ...firstRows(years.filter((y) => y.year > 0).map((y) => [num('integer', y.year), num('money', y.marketSize), num('percent', y.share), num('money', y.revenue)])),
    hasErrors: hasErrors(output.issues, read.errors, rowReads),
  };
};
export default summarise;
