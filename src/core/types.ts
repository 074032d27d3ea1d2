// Shapes shared by every door into the engine (CLI, content script, panel).
// The analysis result is exactly the `check --json` contract (shared/contracts.md §1).

export type EntityType = 'person' | 'organization' | 'place' | 'other';
export type ClaimKind = 'quote' | 'attributed' | 'figure' | 'statement';
export type Stance = 'corroborates' | 'conflicts' | 'related';

export interface Mention {
  text: string;
  start: number;
  end: number;
}

export interface EntityResult {
  /** Stable id of the entity in the index. Not part of the contract, but handy for filters. */
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
}

export interface MatchResult {
  doc: string;
  outlet: string | null;
  title: string | null;
  statement: string;
  stance: Stance;
  score: number;
  reasons: string[];
  /** Word-level diff for the same quote worded differently (for the card). */
  diff?: DiffPart[];
}

export interface DiffPart {
  op: 'same' | 'del' | 'add';
  text: string;
}

export interface ClaimResult {
  text: string;
  start: number;
  end: number;
  kind: ClaimKind;
  speaker: string | null;
  /** Ids of the entities mentioned inside the claim (not in the contract; used by filters). */
  entities: string[];
  matches: MatchResult[];
}

export interface AnalysisResult {
  document: {
    title: string | null;
    words: number;
    matchedIndexDoc: string | null;
  };
  entities: EntityResult[];
  claims: ClaimResult[];
}

export interface AnalyzeOptions {
  /** Title of the page, if known (HTML <title> or headline). */
  title?: string | null;
  /** 0..1: how close a match must be. 0.5 is the default; higher shows fewer, closer matches. */
  sensitivity?: number;
}
