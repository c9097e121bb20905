import type { Framework } from '../../analysis/cyber/framework.ts';
import { metiScs } from './frameworks/metiScs.ts';
import { semiE187 } from './frameworks/semiE187.ts';

/**
 * The catalogues chokepoint ships, each citing its sources and saying what it lacks. Not shipped: METI's
 * data-security assessment (nine items on how a system handles data, with a tree to pick the risks that apply):
 * no publication of it was found in any stored copy (docs/cyber.md).
 */
export const shippedFrameworks: readonly Framework[] = [metiScs, semiE187];
