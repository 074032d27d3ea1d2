// "Your articles" in the options page: import files, a folder or an index file; progress
// with cancel; the imported sources (switch off, remove); problems as file:line: message;
// which index is in use; export. Pure view: Corpus.tsx holds the state and does the work.
import { useState } from 'preact/hooks';
import type { IndexStatus } from '../messaging/types';
import type { CorpusSource } from '../storage/corpus-model';
import { t } from '../ui/i18n';
import { StatusLine } from '../ui/Summary';

export interface CorpusProgress {
  /** What is happening, in words (also the bar's aria-valuetext). */
  label: string;
  /** 0..100, or null while the length of the step is unknown (building). */
  value: number | null;
}

/** The outcome of the last action, in one line; `seq` grows with every message. */
export interface CorpusMessage {
  text: string;
  tone: 'info' | 'error';
  seq: number;
}

/** A file and where it sits in what was picked or dropped ("folder/sub/a.txt"). */
export interface PickedEntry {
  file: File;
  path: string;
}

export interface CorpusViewProps {
  /** null until read from IndexedDB. */
  sources: CorpusSource[] | null;
  status: IndexStatus | null;
  progress: CorpusProgress | null;
  /** Problems of the last import, each "file:line: message". */
  problems: string[];
  message: CorpusMessage | null;
  onImport: (entries: PickedEntry[], sourceName: string | null) => void;
  onImportIndex: (file: File) => void;
  onCancel: () => void;
  onToggle: (id: string, enabled: boolean) => void;
  onRemove: (id: string) => void;
  onExport: () => void;
  onRebuild: () => void;
}

/** "1 article", "29 articles". */
export function articleCount(n: number): string {
  return n === 1 ? t('optionsCorpusOne') : t('optionsCorpusCount', n);
}

export const ACCEPTED = '.txt,.html,.htm,.json,.jsonl,.csv';

function picked(input: HTMLInputElement): PickedEntry[] {
  return Array.from(input.files ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** Reads a dropped folder (recursively) or file into entries with their paths. */
async function entriesOf(items: DataTransferItemList): Promise<{ entries: PickedEntry[]; folder: string | null }> {
  const roots = Array.from(items)
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  const out: PickedEntry[] = [];
  const walk = async (entry: FileSystemEntry, path: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((res, rej) => (entry as FileSystemFileEntry).file(res, rej));
      out.push({ file, path });
      return;
    }
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    // readEntries answers in batches until it answers an empty one
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((res, rej) => reader.readEntries(res, rej));
      if (!batch.length) break;
      for (const e of batch) await walk(e, `${path}/${e.name}`);
    }
  };
  for (const r of roots) await walk(r, r.name);
  const folder = roots.length === 1 && roots[0].isDirectory ? roots[0].name : null;
  return { entries: out, folder };
}

export function CorpusView(props: CorpusViewProps) {
  const { sources, status, progress, problems, message } = props;
  const [dragging, setDragging] = useState(false);
  const busy = progress !== null;

  // Both pickers: import what was picked, then clear the input so the same files can be picked again.
  const onPicked = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const entries = picked(input);
    input.value = '';
    if (entries.length) props.onImport(entries, null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (busy || !e.dataTransfer) return;
    const files = Array.from(e.dataTransfer.files).map((file) => ({ file, path: file.name }));
    const items = e.dataTransfer.items;
    // folders come only as entries; a drop without entries (or a script's) has plain files
    if (items && items.length && typeof items[0].webkitGetAsEntry === 'function') {
      void entriesOf(items).then(({ entries, folder }) => (entries.length ? props.onImport(entries, folder) : files.length && props.onImport(files, null)));
    } else if (files.length) props.onImport(files, null);
  };

  return (
    <section aria-labelledby="opt-corpus">
      <h2 id="opt-corpus" class="cc-subtitle">
        {t('optionsCorpus')}
      </h2>
      <p class="cc-muted">{t('optionsCorpusHelp')}</p>

      {status && (
        <p data-testid="index-status">
          {t(status.source === 'merged' ? 'optionsIndexMerged' : 'optionsIndexBundled', [status.documents, status.statements])}
        </p>
      )}
      {status?.notice && (
        <div class="cc-actions">
          <StatusLine text={status.notice} tone={status.source === 'bundled' ? 'error' : 'info'} />
          {status.source === 'bundled' && (sources?.length ?? 0) > 0 && (
            <button type="button" class="cc-button" disabled={busy} onClick={props.onRebuild}>
              {t('optionsCorpusRebuild')}
            </button>
          )}
        </div>
      )}

      <div
        class={`cc-drop${dragging ? ' cc-drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          <label for="corpus-files">{t('optionsCorpusFiles')}</label>{' '}
          <input
            id="corpus-files"
            type="file"
            multiple
            accept={ACCEPTED}
            disabled={busy}
            onChange={onPicked}
          />
        </p>
        <p>
          <label for="corpus-folder">{t('optionsCorpusFolder')}</label>{' '}
          <input
            id="corpus-folder"
            type="file"
            {...{ webkitdirectory: true }}
            disabled={busy}
            onChange={onPicked}
          />
        </p>
        <p class="cc-muted">{t('optionsCorpusDrop')}</p>
      </div>

      {progress && (
        <div class="cc-progress">
          <label id="corpus-progress-label" for="corpus-progress">
            {progress.label}
          </label>
          <progress
            id="corpus-progress"
            max={100}
            {...(progress.value === null ? {} : { value: progress.value })}
            aria-valuetext={progress.label}
          />
          <button type="button" class="cc-button" onClick={props.onCancel}>
            {t('optionsCorpusCancel')}
          </button>
        </div>
      )}

      {message && (
        <div data-testid="corpus-message" data-seq={message.seq}>
          <StatusLine text={message.text} tone={message.tone} />
        </div>
      )}

      {problems.length > 0 && (
        <details class="cc-problems" open>
          <summary>{t('optionsCorpusProblems', problems.length)}</summary>
          <ul data-testid="import-problems">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </details>
      )}

      <h3 class="cc-subtitle">{t('optionsCorpusSources')}</h3>
      {sources === null ? null : sources.length === 0 ? (
        <p class="cc-muted" data-testid="corpus-sources-empty">
          {t('optionsCorpusNone')}
        </p>
      ) : (
        <ul class="cc-sources" data-testid="corpus-sources">
          {sources.map((s) => (
            <li key={s.id}>
              <label class="cc-switch">
                <input
                  type="checkbox"
                  checked={s.enabled}
                  disabled={busy}
                  aria-label={t('optionsCorpusUse', s.name)}
                  onChange={(e) => props.onToggle(s.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span class="cc-sources__name">{s.name}</span>
              </label>
              <span class="cc-muted">{articleCount(s.articleCount)}</span>
              <button type="button" class="cc-button" disabled={busy} aria-label={t('optionsCorpusRemove', s.name)} onClick={() => props.onRemove(s.id)}>
                {t('optionsSiteRemoveShort')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <h3 class="cc-subtitle">{t('optionsCorpusIndexFile')}</h3>
      <div class="cc-actions">
        <button type="button" class="cc-button" disabled={busy} onClick={props.onExport}>
          {t('optionsCorpusExport')}
        </button>
        <label for="corpus-index-file">{t('optionsCorpusImportIndex')}</label>
        <input
          id="corpus-index-file"
          type="file"
          accept=".json,application/json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) props.onImportIndex(file);
          }}
        />
      </div>
    </section>
  );
}
