// The stance rules, in the order they are tried. The first that decides wins.
import type { StanceRule } from '../types';
import { sameQuote } from './same-quote';
import { differentFigures } from './figures';
import { differentObject } from './different-object';
import { modality } from './modality';
import { polarity } from './polarity';

export const STANCE_RULES: StanceRule[] = [sameQuote, differentFigures, differentObject, modality, polarity];
