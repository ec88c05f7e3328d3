/**
 * C08.1 off the main thread: reading and scoring a large CSV (up to 100,000 transactions). The
 * island sends the text and the settings; this worker posts progress, then the run. It keeps the
 * last text's rows, so a change of settings (bins, a cut-off, the date) only re-scores, and sends
 * back a light run (the scored list as CSV text, the first customers as objects). All maths is
 * the pure module's, so results equal the page's.
 */
import { lightRun, readRfmCsv, scoreReads, type RfmAliases, type RfmDataRun, type RfmPhase, type RfmValues, type ScoredListLabels } from '../../lib/calculators/c08-1-rfm-data';

export interface RfmJob {
  job: number;
  text: string;
  values: RfmValues;
  aliases: RfmAliases;
  /** For the scored list sent back as CSV text, and how many customers to send as objects. */
  labels: ScoredListLabels;
  preview: number;
}

export type RfmReply =
  | { job: number; type: 'progress'; phase: RfmPhase; fraction: number }
  | { job: number; type: 'run'; run: RfmDataRun }
  | { job: number; type: 'error' };

// Typed loosely on purpose: the project's type check uses the DOM library, not the worker one.
const scope = self as unknown as { postMessage(message: RfmReply): void; onmessage: ((event: MessageEvent<RfmJob>) => void) | null };

let cached: { text: string; aliases: string; read: ReturnType<typeof readRfmCsv> } | null = null;

scope.onmessage = (event) => {
  const { job, text, values, aliases, labels, preview } = event.data;
  const progress = (phase: RfmPhase, fraction: number) => scope.postMessage({ job, type: 'progress', phase, fraction });
  try {
    const aliasKey = JSON.stringify(aliases);
    if (!cached || cached.text !== text || cached.aliases !== aliasKey) {
      cached = { text, aliases: aliasKey, read: readRfmCsv(text, aliases, progress) };
    }
    const read = cached.read;
    let run: RfmDataRun;
    if (!read.ok) run = { output: null, importError: read.error, badCells: [], badCellCount: 0, rowCount: 0 };
    else {
      progress('score', 0);
      run = { output: scoreReads(read.reads, values), importError: null, badCells: read.badCells, badCellCount: read.badCells.length, rowCount: read.reads.length };
    }
    scope.postMessage({ job, type: 'run', run: lightRun(run, labels, preview) });
  } catch {
    scope.postMessage({ job, type: 'error' });
  }
};
