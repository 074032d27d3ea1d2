// State and work behind "Your articles": reads picked files, runs one build job at a time in a
// worker, tells the background to reload the index, and keeps the list of sources current.
import { useEffect, useRef, useState } from 'preact/hooks';
import { sendToBackground } from '../messaging/send';
import type { IndexStatus } from '../messaging/types';
import { downloadText } from '../sidepanel/download';
import type { BuildPhase } from '../storage/corpus-build';
import { formatProblem, newSourceId, sourceNameFor, type CorpusSource } from '../storage/corpus-model';
import { t } from '../ui/i18n';
import { indexForExport, listSources, readPickedFiles, startBuild, type JobResult, type RunningJob } from './corpus-client';
import type { ToBuildWorker } from './build-worker-protocol';
import { articleCount, CorpusView, type CorpusMessage, type CorpusProgress, type PickedEntry } from './CorpusView';
import { errorLine } from '../core/errors';

/** The bar: reading files fills it to 50 %, checking 55 %, building 60-95 % (by articles read), saving 95 %. */
function phaseLabel(phase: BuildPhase, share?: number): CorpusProgress {
  if (phase === 'checking') return { label: t('optionsProgressChecking'), value: 55 };
  if (phase === 'building') return { label: t('optionsProgressBuilding'), value: share === undefined ? null : Math.round(60 + 35 * share) };
  return { label: t('optionsProgressSaving'), value: 95 };
}

export function Corpus() {
  const [sources, setSources] = useState<CorpusSource[] | null>(null);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [progress, setProgress] = useState<CorpusProgress | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setShown] = useState<CorpusMessage | null>(null);
  const seq = useRef(0);
  /** Every message gets a new number, so a repeated one is still a new one (tests wait on it). */
  const setMessage = (m: { text: string; tone: 'info' | 'error' } | null) => setShown(m && { ...m, seq: ++seq.current });
  const job = useRef<RunningJob | null>(null);
  const stopReading = useRef(false);

  const refresh = async () => {
    try {
      setSources(await listSources());
    } catch (err) {
      setSources([]);
      setMessage({ text: t('optionsCorpusDbError', errorLine(err)), tone: 'error' });
    }
  };

  useEffect(() => {
    void refresh();
    sendToBackground({ type: 'crosscheck:index-status' }).then(setStatus, () => undefined);
  }, []);

  /** Runs a build job; on success the background reloads the index. `failKey` words a failure. */
  const build = async (
    request: ToBuildWorker,
    done: (r: JobResult & { ok: true }) => string,
    failKey: 'optionsCorpusFailed' | 'optionsIndexRejectedLine' = 'optionsCorpusFailed',
  ): Promise<void> => {
    setProgress({ label: t('optionsProgressChecking'), value: 55 });
    const running = startBuild(request, (phase, share) => setProgress(phaseLabel(phase, share)));
    job.current = running;
    const result = await running.result;
    job.current = null;
    setProgress(null);
    if (!result.ok) {
      setMessage('cancelled' in result ? { text: t('optionsCorpusCancelled'), tone: 'info' } : { text: t(failKey, result.error), tone: 'error' });
      return;
    }
    setProblems((ps) => [...ps, ...result.outcome.problems.map(formatProblem)]);
    if (result.outcome.changed) {
      try {
        setStatus(await sendToBackground({ type: 'crosscheck:index-changed' }));
      } catch {
        // the background reads IndexedDB again when it next starts
      }
    }
    setMessage({ text: done(result), tone: 'info' });
    await refresh();
  };

  const onImport = async (entries: PickedEntry[], folder: string | null) => {
    if (job.current || progress) return;
    setMessage(null);
    setProblems([]);
    stopReading.current = false;
    const name = folder ?? sourceNameFor(entries.map((e) => ({ name: e.file.name, webkitRelativePath: e.path })));
    setProgress({ label: t('optionsProgressReading', [0, entries.length]), value: 0 });
    let read;
    try {
      read = await readPickedFiles(
        entries,
        (n, total) => setProgress({ label: t('optionsProgressReading', [n, total]), value: Math.round((n / Math.max(1, total)) * 50) }),
        () => stopReading.current,
      );
    } catch (err) {
      setProgress(null);
      setMessage({ text: t('optionsCorpusFailed', errorLine(err)), tone: 'error' });
      return;
    }
    if (!read) {
      setProgress(null);
      setMessage({ text: t('optionsCorpusCancelled'), tone: 'info' });
      return;
    }
    const problemsRead = read.problems.map(formatProblem);
    setProblems(problemsRead);
    if (!read.articles.length) {
      setProgress(null);
      setMessage({ text: t('optionsCorpusNothing'), tone: 'error' });
      return;
    }
    const source = { id: newSourceId(Date.now(), Math.random()), name, enabled: true, addedAt: new Date().toISOString(), kind: 'files' as const };
    await build({ type: 'add', source, articles: read.articles }, (r) =>
      r.outcome.changed ? t('optionsCorpusImported', [articleCount(r.outcome.added), name, r.outcome.documents]) : t('optionsCorpusNothingNew'),
    );
  };

  const onImportIndex = async (file: File) => {
    if (job.current || progress) return;
    setMessage(null);
    setProblems([]);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      setMessage({ text: t('optionsIndexRejected', [file.name, 'not UTF-8 text']), tone: 'error' });
      return;
    }
    const source = { id: newSourceId(Date.now(), Math.random()), name: file.name, enabled: true, addedAt: new Date().toISOString(), kind: 'index-file' as const };
    await build(
      { type: 'add-index-file', source, fileName: file.name, text },
      (r) => (r.outcome.changed ? t('optionsCorpusImported', [articleCount(r.outcome.added), file.name, r.outcome.documents]) : t('optionsCorpusNothingNew')),
      'optionsIndexRejectedLine',
    );
  };

  const onCancel = () => {
    stopReading.current = true;
    job.current?.cancel();
  };

  const onToggle = (id: string, enabled: boolean) => {
    if (job.current || progress) return;
    setMessage(null);
    setProblems([]);
    // the switch shows the new state at once; refresh() puts it back if the build does not finish
    setSources((list) => list && list.map((s) => (s.id === id ? { ...s, enabled } : s)));
    void build({ type: 'toggle', id, enabled }, (r) => t('optionsCorpusUpdated', r.outcome.documents)).finally(() => void refresh());
  };

  const onRemove = (id: string) => {
    if (job.current || progress) return;
    setMessage(null);
    setProblems([]);
    void build({ type: 'remove', id }, (r) => t('optionsCorpusUpdated', r.outcome.documents));
  };

  const onRebuild = () => {
    if (job.current || progress) return;
    setMessage(null);
    void build({ type: 'rebuild' }, (r) => t('optionsCorpusUpdated', r.outcome.documents));
  };

  const onExport = async () => {
    try {
      downloadText(document, 'crosscheck-index.json', 'application/json', await indexForExport());
    } catch (err) {
      setMessage({ text: t('optionsCorpusFailed', errorLine(err)), tone: 'error' });
    }
  };

  return (
    <CorpusView
      sources={sources}
      status={status}
      progress={progress}
      problems={problems}
      message={message}
      onImport={(entries, folder) => void onImport(entries, folder)}
      onImportIndex={(file) => void onImportIndex(file)}
      onCancel={onCancel}
      onToggle={onToggle}
      onRemove={onRemove}
      onExport={() => void onExport()}
      onRebuild={onRebuild}
    />
  );
}
