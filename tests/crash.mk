# make crash: enrol, grant --period and settle on large inputs, each killed
# with SIGKILL at CRASH_KILLS moments drawn from CRASH_SEED (from the clock
# when empty; printed), checked for none or all of the run, integrity and
# report audit after each kill (tools/crash.sh).  Some minutes at the
# default size; make check runs a small one (tests/bats/crash.bats).
#   make crash CRASH_KILLS=20 CRASH_SEED=12345 CRASH_SIZE=100000
CRASH_KILLS ?= 20
CRASH_SEED  ?=
CRASH_SIZE  ?= 100000

crash: deps
	@$(MAKE) --no-print-directory all
	@CRASH_KILLS='$(CRASH_KILLS)' CRASH_SEED='$(CRASH_SEED)' CRASH_SIZE='$(CRASH_SIZE)' \
		sh tools/crash.sh $(BUILD)

.PHONY: crash
