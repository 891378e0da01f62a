# jiuzhu: social-assistance toolkit.  `make deps`, `make`, `make check`,
# `make demo`, `make install PREFIX=... DESTDIR=...`; SANITIZE=1 builds with
# AddressSanitizer and UndefinedBehaviorSanitizer; `make check VALGRIND=1`
# runs the tests' commands under valgrind; `make crash` (tests/crash.mk).

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
DATADIR  = $(PREFIX)/share/jiuzhu
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  = $(PREFIX)/share/zsh/site-functions

CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS     = sqlite3 libcjson libcrypto xlsxwriter
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CPPFLAGS += -D_GNU_SOURCE -DJZ_VERSION='"$(VERSION)"' -Ilib
LDLIBS  += -lcsv

ifeq ($(SANITIZE),1)
BUILD    = build/san
CFLAGS  += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS += -fsanitize=address,undefined
else
BUILD    = build/out
endif

COMMANDS = enrol assess grant settle report
LIBSRC   = $(wildcard lib/*/*.c)
GENSRC   = $(BUILD)/gen/migrations.c $(BUILD)/gen/default_policy.c
LIBOBJ   = $(LIBSRC:lib/%.c=$(BUILD)/lib/%.o) $(GENSRC:.c=.o)
BINS     = $(COMMANDS:%=$(BUILD)/bin/%)
UNITS    = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(wildcard tests/unit/test_*.c))
MANPAGES = $(wildcard man/*.[157])
MIGRATIONS = $(sort $(wildcard schemas/[0-9][0-9][0-9]-*.sql))

all: $(BINS) $(UNITS)

# Library flags come from pkg-config when it is there (make deps installs it).
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3 -lcjson -lcrypto -lxlsxwriter -lz)

$(BUILD)/lib/%.o: lib/%.c $(wildcard lib/*/*.h)
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) -c -o $@ $<

# The schema migrations and the default policy are built into the programs,
# so that an installed command needs no file from the source tree.
$(BUILD)/gen/migrations.c: $(MIGRATIONS) tools/embed.sh | $(BUILD)/gen
	sh tools/embed.sh migrations $(MIGRATIONS) > $@

$(BUILD)/gen/default_policy.c: policies/chaoyang-2007.json tools/embed.sh | $(BUILD)/gen
	sh tools/embed.sh policy policies/chaoyang-2007.json > $@

$(BUILD)/libjiuzhu.a: $(LIBOBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/bin/%: cmd/%.c $(BUILD)/libjiuzhu.a | $(BUILD)/bin
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libjiuzhu.a $(PKG_LIBS) $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libjiuzhu.a | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libjiuzhu.a $(PKG_LIBS) $(LDLIBS)

$(BUILD)/bin $(BUILD)/gen $(BUILD)/tests:
	mkdir -p $@

# Install what is missing (as root), or say what to install.
deps:
	@sh tools/deps.sh

# Every test: C unit tests, bats tests of the commands, man page lint.
# Ends with one line "N passed, N failed".
check: deps
	@$(MAKE) --no-print-directory all
	@sh tools/check.sh $(BUILD) $(UNITS)

demo: deps
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh $(BUILD)/bin

# Speed and memory beside the floor and the peers (bench/run.sh); never
# part of make check.  BENCH_SCALE=4 for the memory check at 4M rows.
BENCH_TOOLS = $(patsubst bench/%.c,build/bench/bin/%,$(wildcard bench/*.c))

build/bench/bin/%: bench/%.c | build/bench/bin
	$(CC) $(CPPFLAGS) $(WARN) -O2 $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS) $(LDLIBS)

build/bench/bin:
	mkdir -p $@

bench: deps
	@sh tools/deps.sh miller
	@$(MAKE) --no-print-directory all $(BENCH_TOOLS)
	@sh bench/run.sh $(BUILD) build/bench/bin

# Byte-identical outputs: the bench pipeline on a synthetic district of
# SAME_SIZE persons and claims, and the demo, with the binaries in SAME_BASE
# (say, an older build's bin/) and with this build's (bench/same.sh).
SAME_SIZE ?= 100000

same: all $(BENCH_TOOLS)
	@test -n "$(SAME_BASE)" || { echo "make same: say SAME_BASE=DIR, the other build's bin/" >&2; exit 64; }
	@test -f build/bench/same-$(SAME_SIZE)/done || { build/bench/bin/synth -s 2007 \
		-p $(SAME_SIZE) -c $(SAME_SIZE) build/bench/same-$(SAME_SIZE) && touch build/bench/same-$(SAME_SIZE)/done; }
	@sh bench/same.sh $(SAME_BASE) $(BUILD)/bin build/bench/same-$(SAME_SIZE)

install: $(BINS)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(DATADIR)/policies $(DESTDIR)$(DATADIR)/schemas
	install -m 755 $(BINS) $(DESTDIR)$(BINDIR)
	install -m 644 $(filter %.1,$(MANPAGES)) $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(filter %.5,$(MANPAGES)) $(DESTDIR)$(MANDIR)/man5
	install -m 644 $(filter %.7,$(MANPAGES)) $(DESTDIR)$(MANDIR)/man7
	install -m 644 policies/*.json $(DESTDIR)$(DATADIR)/policies
	install -m 644 schemas/*.json $(DESTDIR)$(DATADIR)/schemas
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	for c in $(COMMANDS); do install -m 644 completion/jiuzhu.bash $(DESTDIR)$(BASHCOMPDIR)/$$c; done
	install -m 644 completion/_jiuzhu $(DESTDIR)$(ZSHCOMPDIR)/_jiuzhu

uninstall:
	rm -f $(COMMANDS:%=$(DESTDIR)$(BINDIR)/%)
	rm -f $(MANPAGES:man/%=$(DESTDIR)$(MANDIR)/man*/%)
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(COMMANDS:%=$(DESTDIR)$(BASHCOMPDIR)/%) $(DESTDIR)$(ZSHCOMPDIR)/_jiuzhu

clean:
	rm -rf build

include fuzz/fuzz.mk

.PHONY: all deps check demo bench same install uninstall clean
.SECONDARY: $(GENSRC)

include tests/crash.mk
