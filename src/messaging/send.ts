// Typed senders. The polyfill gives promise-based `browser.*` in Chrome and Firefox alike.
import browser from 'webextension-polyfill';
import type { AnalyzeReply, IndexStatus, PageAnalysis, Result, Settings, StateReply, ToBackground, ToContent } from './types';

export { browser };

/** What each message to the background answers. */
export interface BackgroundReplies {
  'crosscheck:analyze': Result<AnalyzeReply>;
  'crosscheck:page-updated': void;
  'crosscheck:get-settings': Settings;
  'crosscheck:open-sidepanel': Result<true>;
  'crosscheck:command': Result<unknown>;
  'crosscheck:tab-analysis': PageAnalysis | null;
  'crosscheck:tab-state': StateReply | null;
  'crosscheck:index-changed': IndexStatus;
  'crosscheck:index-status': IndexStatus;
}

/** What each message to a content script answers. */
export interface ContentReplies {
  'crosscheck:state': StateReply;
  'crosscheck:analysis': PageAnalysis | null;
  'crosscheck:focus-claim': Result<true>;
  'crosscheck:toggle': StateReply;
  'crosscheck:settings-changed': StateReply;
}

export function sendToBackground<M extends ToBackground>(msg: M): Promise<BackgroundReplies[M['type']]> {
  return browser.runtime.sendMessage(msg) as Promise<BackgroundReplies[M['type']]>;
}

export function sendToTab<M extends ToContent>(tabId: number, msg: M): Promise<ContentReplies[M['type']]> {
  return browser.tabs.sendMessage(tabId, msg) as Promise<ContentReplies[M['type']]>;
}

export function isCrosscheckMessage(msg: unknown): msg is { type: string } {
  return (
    typeof msg === 'object' &&
    msg !== null &&
    typeof (msg as { type?: unknown }).type === 'string' &&
    (msg as { type: string }).type.startsWith('crosscheck:')
  );
}
