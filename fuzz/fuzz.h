/*
 * What the fuzz harnesses share.  Each fuzz/fuzz_<target>.c defines the
 * libFuzzer entry point; built with clang -fsanitize=fuzzer it is a fuzzer
 * (make fuzz), built with $(CC) and fuzz/replay.c it replays the inputs
 * of tests/fuzz/<target>/ in make check.
 */
#ifndef JZ_FUZZ_H
#define JZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "io/rec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* data as a NUL-terminated string (cut at its first NUL, as C callers see
 * it); free() it. */
char *fuzz_str(const uint8_t *data, size_t size);

/* A path whose file holds exactly data[0..size): an in-memory file, for the
 * readers that open files by name.  Valid until the next call. */
const char *fuzz_file(const uint8_t *data, size_t size);

/* The fixed "today" of the harnesses, so that a run is reproducible. */
jz_date fuzz_today(void);

/* A rec_fn that checks every cell of a record as its field, the way the
 * commands do; ctx is the struct kind the record was read as. */
void fuzz_record(struct rec *r, void *ctx);

#endif
