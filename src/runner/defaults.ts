/**
 * The numeric harness's defaults, in a module without dependencies so that the result cache can
 * read them without loading the evaluation machinery.
 */

/** Random runs of one declaration. */
export const DEFAULT_RUNS = 1000;
/** Random runs of a conjecture's literal statement. */
export const DEFAULT_CONJECTURE_RUNS = 10000;
/** Wall-clock limit of one declaration's random runs. */
export const DEFAULT_TIME_LIMIT_MS = 4000;
