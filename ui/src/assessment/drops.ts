// The words for the drop the core flags on a map, built from the core's own threshold, so the
// screens say what the core checks wherever they name it.
import { DROP_FLAG_POINTS } from '../lib/bindings';
import { counted } from '../lib/counted';

/** "fell by 2 points or more", for a sentence about a dimension. */
export const FELL_BY_THE_FLAGGED_AMOUNT = `fell by ${counted(DROP_FLAG_POINTS, 'point', 'points')} or more`;
