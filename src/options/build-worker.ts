// The options page's worker: builds the merged index off the page's main thread and writes
// it to IndexedDB with the change that caused it, in one transaction. One job per worker;
// the page cancels by terminating it, which leaves the database as it was.
import { validateIndex, type CrosscheckIndexFile } from '../core/index/schema';
import { bundledIndexRaw } from '../background/seed-index-data';
import { readIndexFile, runBuild, type BuildOutcome, type BuildPhase } from '../storage/corpus-build';
import { openCorpusDb, withBuildLock } from '../storage/corpus-db';
import type { FromBuildWorker, ToBuildWorker } from './build-worker-protocol';
import { errorLine } from '../core/errors';

const post = (msg: FromBuildWorker) => (self as unknown as Worker).postMessage(msg);

async function run(job: ToBuildWorker): Promise<void> {
  let seed: CrosscheckIndexFile;
  try {
    seed = validateIndex(bundledIndexRaw());
  } catch (err) {
    throw new Error(`the bundled index is missing or invalid (${errorLine(err)})`);
  }
  const seedInfo = { documents: seed.documents, statements: seed.statements.length };
  const db = await openCorpusDb();
  try {
    // the share of the build done goes out in steps of 1 %, not once per article
    let sent = -1;
    const phase = (p: BuildPhase, share?: number) => {
      if (share !== undefined) {
        const pct = Math.floor(share * 100);
        if (pct === sent) return;
        sent = pct;
      }
      post({ type: 'phase', phase: p, share });
    };
    let outcome: BuildOutcome;
    if (job.type === 'add') outcome = await runBuild(db, seedInfo, { kind: 'add', add: { source: job.source, articles: job.articles } }, phase);
    else if (job.type === 'add-index-file') {
      const { file, articles } = readIndexFile(job.fileName, job.text, new Set(seed.documents.map((d) => d.id)));
      outcome = await runBuild(db, seedInfo, { kind: 'add', add: { source: job.source, articles }, prebuilt: file }, phase);
    } else if (job.type === 'toggle') outcome = await runBuild(db, seedInfo, { kind: 'toggle', id: job.id, enabled: job.enabled }, phase);
    else if (job.type === 'remove') outcome = await runBuild(db, seedInfo, { kind: 'remove', id: job.id }, phase);
    else outcome = await runBuild(db, seedInfo, { kind: 'rebuild' }, phase);
    post({ type: 'done', outcome });
  } finally {
    db.close();
  }
}

self.onmessage = (e: MessageEvent<ToBuildWorker>) => {
  withBuildLock(() => run(e.data)).catch((err: unknown) => post({ type: 'failed', error: errorLine(err) }));
};
