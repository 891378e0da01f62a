# Fuzzing (included by the Makefile).
#
# make fuzz [FUZZ_SECONDS=60] [FUZZ_TARGETS='csv idn']: build each harness
# fuzz/fuzz_<target>.c with clang's libFuzzer, ASan and UBSan, over the
# library built again with clang into build/fuzz/obj, and run it for
# FUZZ_SECONDS on build/fuzz/corpus/<target> (kept between runs), the
# seeds of fuzz/seed.sh and tests/fuzz/<target>.  A crash is written to
# build/fuzz/crash/<target>/; keep it in tests/fuzz/<target>/ once fixed.
#
# Every build also makes $(BUILD)/fuzz/replay-<target>, the same harness
# without libFuzzer, which make check runs over those inputs.

FUZZ_ALL      = csv jsonl idn money date policy
FUZZ_TARGETS ?= $(FUZZ_ALL)
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_DIR      = build/fuzz
FUZZ_SAN      = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CFLAGS   = -O1 -g -fno-omit-frame-pointer $(FUZZ_SAN)
FUZZ_HELPERS  = fuzz/fuzz_util.c fuzz/fuzz.h
REPLAYS       = $(FUZZ_ALL:%=$(BUILD)/fuzz/replay-%)

all: $(REPLAYS)

$(BUILD)/fuzz/replay-%: fuzz/replay.c fuzz/fuzz_%.c $(FUZZ_HELPERS) $(BUILD)/libjiuzhu.a | $(BUILD)/fuzz
	$(CC) $(CPPFLAGS) -Ifuzz $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ fuzz/replay.c \
		fuzz/fuzz_$*.c fuzz/fuzz_util.c $(BUILD)/libjiuzhu.a $(PKG_LIBS) $(LDLIBS)

$(FUZZ_DIR)/fuzz-%: fuzz/fuzz_%.c $(FUZZ_HELPERS) $(FUZZ_DIR)/obj/libjiuzhu.a
	$(FUZZ_CC) $(CPPFLAGS) -Ifuzz $(WARN) $(FUZZ_CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ \
		fuzz/fuzz_$*.c fuzz/fuzz_util.c $(FUZZ_DIR)/obj/libjiuzhu.a $(PKG_LIBS) $(LDLIBS)

$(BUILD)/fuzz:
	mkdir -p $@

fuzz: deps
	@printf 'int LLVMFuzzerTestOneInput(const char *d, long n);\nint LLVMFuzzerTestOneInput(const char *d, long n) { return d && n; }\n' | \
		$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -x c -o /dev/null - 2>/dev/null || \
		{ echo "make fuzz: needs $(FUZZ_CC) with libFuzzer; as root run:" >&2; \
		  echo "  apt-get install -y --no-install-recommends clang libclang-rt-14-dev" >&2; exit 1; }
	@# The library by the main rules, compiled with coverage for libFuzzer.
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_DIR)/obj CC=$(FUZZ_CC) SANITIZE= \
		CFLAGS='$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link' $(FUZZ_DIR)/obj/libjiuzhu.a
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(FUZZ_DIR)/fuzz-%)
	@sh fuzz/seed.sh $(FUZZ_DIR)/seeds
	@sh fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

.PHONY: fuzz
