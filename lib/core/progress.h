/*
 * Progress on stderr for long runs: only when stderr is a terminal, not
 * --quiet, and the run has gone on for over a second (at once with
 * JIUZHU_PROGRESS=now).  One line, redrawn at most five times a second:
 *
 *   enrol: 412,000 records, 41% of 98 MB, ETA 0:12     (files of known size)
 *   assess: 41,000 of 98,000 households, 41%, ETA 0:03  (a known number of rows)
 *   enrol: 412,000 records, 35,000/s                    (a pipe: no total)
 *
 * diag clears the line before every message; the next check redraws it.
 */
#ifndef JZ_PROGRESS_H
#define JZ_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

void progress_start(bool quiet);
/* The run reads these files (none, or "-": standard input): the total is
 * their size when every one is a regular file, else unknown. */
void progress_files(char *const *names, int n);
/* Bytes read so far of those files (input_read says each chunk). */
void progress_bytes(size_t n);
/* The run now goes through total rows (<= 0: unknown); the bytes'
 * total, if any, no longer counts, and the ETA starts afresh. */
void progress_total(long long total);
/* Say "count what" now and then; cheap enough to call per record (the
 * clock is read every 1024 calls). */
void progress_tick(const char *what, long long count);
/* The run now does what (a stage of several: "audit 3/14: policies"),
 * shown with the time it has taken while nothing is counted. */
void progress_stage(const char *what);
/* A long step, no count: redraw (the database's progress handler calls
 * it; the clock is read each time, so not per record). */
void progress_busy(void);
/* Clear the line before some other message (diag); it comes back. */
void progress_clear(void);
/* Clear the progress line, if one was shown, and stop. */
void progress_done(void);

#endif
