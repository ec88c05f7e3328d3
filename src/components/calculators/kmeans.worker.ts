/**
 * C03.3 off the main thread: the elbow (k = 1…8), the chosen k and its exact silhouette for data
 * sets too large to cluster while the reader types. The island sends the prepared matrix; this
 * worker posts progress, then the clustering, then (for large data) the silhouette, which is the
 * slow part (n²/2 distances). All maths is the pure module's, so results equal the page's.
 */
import { addSilhouette, cluster, SILHOUETTE_ALL_K_MAX_ROWS, type ClusterProgress, type ClusterRun } from '../../lib/calculators/c03-3-kmeans';

export interface KMeansJob {
  job: number;
  data: Float64Array;
  n: number;
  d: number;
  k: number;
  seed: number;
}

export type KMeansReply =
  | { job: number; type: 'progress'; phase: ClusterProgress['phase']; fraction: number }
  /** `final` is false while the chosen k's silhouette is still being computed. */
  | { job: number; type: 'run'; run: ClusterRun; final: boolean }
  | { job: number; type: 'error' };

// Typed loosely on purpose: the project's type check uses the DOM library, not the worker one.
const scope = self as unknown as { postMessage(message: KMeansReply): void; onmessage: ((event: MessageEvent<KMeansJob>) => void) | null };

const PROGRESS_MS = 200;

scope.onmessage = (event) => {
  const { job, data, n, d, k, seed } = event.data;
  let lastPhase = '';
  let lastTime = 0;
  // Each message costs the page a render and a layout: about five a second at most (a new phase
  // and the end always go through).
  const progress = (phase: ClusterProgress['phase'], fraction: number) => {
    const now = performance.now();
    if (phase === lastPhase && fraction < 1 && now - lastTime < PROGRESS_MS) return;
    lastPhase = phase;
    lastTime = now;
    scope.postMessage({ job, type: 'progress', phase, fraction });
  };
  try {
    const matrix = { n, d, data };
    // Large data: show the clusters first, then add the silhouette when it is ready.
    const deferSilhouette = n > SILHOUETTE_ALL_K_MAX_ROWS;
    const run = cluster(matrix, { k, seed, silhouette: deferSilhouette ? 'none' : 'auto' }, (p) => progress(p.phase, p.fraction));
    scope.postMessage({ job, type: 'run', run, final: run.silhouetteDone });
    if (!run.silhouetteDone) {
      lastTime = 0;
      const done = addSilhouette(matrix, run, (f) => progress('silhouette', f));
      scope.postMessage({ job, type: 'run', run: done, final: true });
    }
  } catch {
    scope.postMessage({ job, type: 'error' });
  }
};
