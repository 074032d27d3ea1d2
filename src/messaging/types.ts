// The typed message contract between extension contexts. Every message has a `type`
// starting with "crosscheck:". Replies that can fail travel as {ok, value | error}.
import type { AnalysisResult } from '../core/types';

export interface Settings {
  /** Global switch. */
  enabled: boolean;
  /** Hostnames where Crosscheck stays off. */
  disabledSites: string[];
  /** 0..1, how close a match must be (passed to the engine). */
  sensitivity: number;
  /** In-page keys (next/previous claim, open/close card). */
  pageKeys: boolean;
  /** Whether entity mentions are marked (claims are always marked when enabled). */
  markEntities: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  sensitivity: 0.5,
  pageKeys: true,
  markEntities: true,
};

/** shared/contracts.md §2: what the content script answers to {type: 'crosscheck:state'}. */
export interface StateReply {
  ready: boolean;
  url: string;
  enabled: boolean;
  entities: number;
  claims: number;
  matches: { corroborates: number; conflicts: number; related: number };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sent to a tab's content script. */
export type ToContent =
  | { type: 'crosscheck:state' }
  | { type: 'crosscheck:analysis' } // -> PageAnalysis | null
  | { type: 'crosscheck:focus-claim'; claim: number } // scroll to claim i and open its card
  | { type: 'crosscheck:toggle' } // toggle highlights on this page -> StateReply
  | { type: 'crosscheck:settings-changed'; settings: Settings };

/** Sent to the background. */
export type ToBackground =
  | { type: 'crosscheck:analyze'; text: string; title: string | null; url: string } // -> Result<AnalyzeReply>
  | { type: 'crosscheck:page-updated'; state: StateReply; highlighted?: number[] } // content -> background, so panel/popup follow
  | { type: 'crosscheck:get-settings' } // -> Settings
  | { type: 'crosscheck:open-sidepanel'; tabId?: number }
  | { type: 'crosscheck:command'; command: string; tabId?: number } // test hook: run a browser command
  | { type: 'crosscheck:tab-analysis'; tabId: number } // -> PageAnalysis | null (kept by the background)
  | { type: 'crosscheck:tab-state'; tabId: number } // -> StateReply | null (last state the tab reported)
  | { type: 'crosscheck:index-changed' } // options page -> background: reload the stored index -> IndexStatus
  | { type: 'crosscheck:index-status' }; // -> IndexStatus

/** Browser commands (manifest `commands`), also runnable through 'crosscheck:command'. */
export type CommandName = 'toggle-highlights' | 'open-side-panel';

/** Broadcast by the background to extension pages (popup, side panel) when a tab's state changes. */
export interface TabUpdatedBroadcast {
  type: 'crosscheck:tab-updated';
  tabId: number;
  state: StateReply;
}

/** The background's answer to 'crosscheck:analyze'. */
export interface AnalyzeReply {
  analysis: AnalysisResult;
  /** Opening words of each matched index document, by doc id: the source label of last resort. */
  openings: Record<string, string>;
  /**
   * The state the background recorded for the tab (badge, popup, side panel), taking every
   * markable claim and mention as marked: the tab sends 'crosscheck:page-updated' only when
   * what it marked differs (one message less per page).
   */
  assumed: { state: StateReply; highlighted: number[] };
}

/** What the popup and side panel show for a tab. */
export interface PageAnalysis {
  url: string;
  title: string | null;
  analysis: AnalysisResult;
  /** Which claims are currently highlighted (indexes into analysis.claims). */
  highlighted: number[];
  /** Opening words of each matched index document, by doc id (when outlet and title are null). */
  openings?: Record<string, string>;
}

/** Which index the background analyses with (the options page shows it). */
export interface IndexStatus {
  /** 'merged': bundled seeds + the user's enabled imports, from IndexedDB; else the bundled index. */
  source: 'bundled' | 'merged';
  documents: number;
  statements: number;
  /** One line for the options page: a broken stored index, or one rebuilt after an update. */
  notice: string | null;
}
