// Background (Chrome MV3 service worker / Firefox event page): runs the engine for
// content scripts, keeps per-tab state, handles commands. Page text arrives by message
// and never leaves the browser.
import browser from 'webextension-polyfill';
import { analyze } from '../core/engine';
import type { AnalysisResult } from '../core/types';
import { isCrosscheckMessage } from '../messaging/send';
import { loadSettings, onSettingsChanged } from '../messaging/settings-store';
import type { LoadedIndex } from '../core/index/load';
import type { AnalyzeReply, PageAnalysis, Result, Settings, StateReply, TabUpdatedBroadcast, ToBackground, ToContent } from '../messaging/types';
import { ensureIndex, getIndex, indexStatus, reloadIndex } from './bundled-index';
import { runCommand, openSidePanel } from './commands';
import { forgetTab, getTab, toPageAnalysis, updateTab } from './tab-state';
import { errorLine } from '../core/errors';
import { countMarks, markableClaims } from '../page/marks';

/** Longest text the engine is given (about 30,000 words); longer pages are cut. */
const MAX_TEXT = 200_000;

/** Counters for tests and debugging (how often pages asked for analysis). */
const stats = { analyses: 0 };

/** First words of each matched document: the card's source label when outlet and title are null. */
function openingsFor(result: AnalysisResult, index: LoadedIndex): Record<string, string> {
  const wanted = new Set(result.claims.flatMap((c) => c.matches.map((m) => m.doc)));
  const out: Record<string, string> = {};
  for (const d of index.file.documents) {
    if (wanted.has(d.id)) out[d.id] = d.text.trim().split(/\s+/).slice(0, 8).join(' ');
  }
  return out;
}

/** What the tab will report once it has marked this analysis (assumed in AnalyzeReply). */
function assumedState(analysis: AnalysisResult, url: string, markEntities: boolean): AnalyzeReply['assumed'] {
  const highlighted = markableClaims(analysis);
  const entities = markEntities ? analysis.entities.flatMap((e, i) => (e.mentions.length ? [i] : [])) : [];
  const c = countMarks(analysis, highlighted, entities);
  return { state: { ready: true, url, enabled: true, entities: c.entities, claims: c.claims, matches: c.matches }, highlighted };
}

async function runAnalysis(text: string, title: string | null, url: string): Promise<Result<AnalyzeReply>> {
  stats.analyses++;
  const loaded = await ensureIndex();
  if (!loaded.ok) return { ok: false, error: loaded.error };
  const settings = await loadSettings();
  try {
    const analysis = analyze(text.slice(0, MAX_TEXT), loaded.index, { title, sensitivity: settings.sensitivity });
    return { ok: true, value: { analysis, openings: openingsFor(analysis, loaded.index), assumed: assumedState(analysis, url, settings.markEntities) } };
  } catch (err) {
    console.warn('Crosscheck: analysis failed', err);
    return { ok: false, error: `analysis failed: ${errorLine(err)}` };
  }
}

async function showBadge(tabId: number, state: StateReply): Promise<void> {
  const marked = state.enabled ? state.claims : 0;
  try {
    await browser.action.setBadgeText({ tabId, text: marked > 0 ? String(marked) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: state.matches.conflicts > 0 ? '#b3261e' : '#1c4e8c' });
  } catch {
    // Tab closed meanwhile.
  }
}

function broadcast(msg: TabUpdatedBroadcast): void {
  // Nobody listening (popup and panel closed) is the normal case.
  browser.runtime.sendMessage(msg).catch(() => undefined);
}

async function handle(msg: ToBackground, sender: browser.Runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  switch (msg.type) {
    case 'crosscheck:analyze': {
      const reply = await runAnalysis(String(msg.text ?? ''), msg.title ?? null, String(msg.url ?? ''));
      if (tabId !== undefined && reply.ok) {
        const { state, highlighted } = reply.value.assumed;
        await updateTab(tabId, {
          url: msg.url,
          title: msg.title ?? null,
          analysis: reply.value.analysis,
          openings: reply.value.openings,
          highlighted,
          state,
        });
        await showBadge(tabId, state);
        broadcast({ type: 'crosscheck:tab-updated', tabId, state });
      }
      return reply;
    }
    case 'crosscheck:page-updated': {
      if (tabId === undefined) return undefined;
      const highlighted: unknown = msg.highlighted;
      await updateTab(tabId, {
        url: msg.state.url,
        state: msg.state,
        ...(Array.isArray(highlighted) ? { highlighted: highlighted.filter((n): n is number => typeof n === 'number') } : {}),
      });
      await showBadge(tabId, msg.state);
      broadcast({ type: 'crosscheck:tab-updated', tabId, state: msg.state });
      return undefined;
    }
    case 'crosscheck:get-settings':
      return loadSettings();
    case 'crosscheck:open-sidepanel':
      return openSidePanel(msg.tabId !== undefined ? { id: msg.tabId } : sender.tab);
    case 'crosscheck:command':
      return runCommand(msg.command, msg.tabId !== undefined ? { id: msg.tabId } : sender.tab);
    case 'crosscheck:tab-analysis': {
      const known = toPageAnalysis(await getTab(msg.tabId));
      if (known) return known;
      // a restarted worker keeps no page text: the tab's content script still has it
      try {
        return ((await browser.tabs.sendMessage(msg.tabId, { type: 'crosscheck:analysis' })) as PageAnalysis | null) ?? null;
      } catch {
        return null;
      }
    }
    case 'crosscheck:tab-state':
      return (await getTab(msg.tabId))?.state ?? null;
    case 'crosscheck:index-changed':
      return reloadIndex();
    case 'crosscheck:index-status':
      await ensureIndex();
      return indexStatus();
    default:
      return undefined;
  }
}

const BACKGROUND_TYPES = new Set<string>([
  'crosscheck:analyze',
  'crosscheck:page-updated',
  'crosscheck:get-settings',
  'crosscheck:open-sidepanel',
  'crosscheck:command',
  'crosscheck:tab-analysis',
  'crosscheck:tab-state',
  'crosscheck:index-changed',
  'crosscheck:index-status',
]);

browser.runtime.onMessage.addListener((msg: unknown, sender: browser.Runtime.MessageSender) => {
  // Returning undefined leaves other messages (e.g. broadcasts) to other listeners.
  if (!isCrosscheckMessage(msg) || !BACKGROUND_TYPES.has(msg.type)) return undefined;
  return handle(msg as ToBackground, sender);
});

browser.commands.onCommand.addListener((command: string, tab?: browser.Tabs.Tab) => {
  void runCommand(command, tab);
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  void forgetTab(tabId);
});

/**
 * Content scripts do not use storage (its API bindings cost every page a few milliseconds
 * at start): they ask for the settings ('crosscheck:get-settings') and are sent each change.
 */
async function sendSettingsToTabs(settings: Settings): Promise<void> {
  const msg: ToContent = { type: 'crosscheck:settings-changed', settings };
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    // A tab without our content script (a browser page, not loaded yet) cannot answer.
    tabs.map((t) => (t.id === undefined ? undefined : browser.tabs.sendMessage(t.id, msg).catch(() => undefined))),
  );
}
onSettingsChanged((settings) => void sendSettingsToTabs(settings));

// Test hook: commands cannot be pressed from a page, so e2e tests call this through the
// service worker (Chrome) or background page.
declare global {
  // eslint-disable-next-line no-var
  var crosscheck:
    | {
        runCommand: typeof runCommand;
        getTab: typeof getTab;
        getIndex: typeof getIndex;
        ensureIndex: typeof ensureIndex;
        indexStatus: typeof indexStatus;
        stats: typeof stats;
      }
    | undefined;
}
globalThis.crosscheck = { runCommand, getTab, getIndex, ensureIndex, indexStatus, stats };
// Load the stored index as the worker starts, so the first page does not wait for it.
void ensureIndex();
