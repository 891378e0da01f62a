/*
 * Progress on stderr for long runs: only when stderr is a terminal, not
 * --quiet, and the run has gone on for over a second.
 */
#ifndef JZ_PROGRESS_H
#define JZ_PROGRESS_H

#include <stdbool.h>

void progress_start(bool quiet);
/* Say "what: count" now and then; cheap enough to call per record. */
void progress_tick(const char *what, long long count);
/* Clear the progress line, if one was shown. */
void progress_done(void);

#endif
