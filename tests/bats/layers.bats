#!/usr/bin/env bats
# tools/layers.sh, the layer check of make check (issue 13): each rule of
# jiuzhu(7) LAYERS fails on a tree that breaks it, naming the file and line,
# and passes on the same tree without the break.

bats_require_minimum_version 1.5.0

setup() {
	load 'test_helper/common-setup'; _common_setup
	mkdir -p tree/lib/core tree/lib/io tree/lib/store tree/lib/rules tree/lib/grant \
		tree/lib/report tree/cmd
	printf '#include "core/date.h"\n' > tree/lib/core/money.c
	printf '#include "core/date.h"\n#include "io/input.h"\n' > tree/lib/io/rec.c
	printf '#include <sqlite3.h>\n#include "io/rec.h"\nint f(void) { return SQLITE_OK; }\n' > tree/lib/store/db.c
	printf '#include "core/money.h"\n' > tree/lib/rules/rule.c
	printf '#include "rules/rule.h"\n#include "store/db.h"\n' > tree/lib/grant/grant.c
	printf '#include "report/report.h"\n#include "rules/rule.h"\n' > tree/lib/report/gaps.c
	printf '#include "grant/grant.h"\n#include "io/opts.h"\n#include "core/diag.h"\n' > tree/cmd/grant.c
}

@test "layers: a tree whose arrows point down passes every rule" {
	run -0 sh "$ROOT/tools/layers.sh" tree
	refute_output --partial 'not ok'
	assert_equal "$(grep -c '^ok' <<< "$output")" 3
}

@test "layers: an include that points up a layer fails, naming file and line" {
	printf '#include "core/date.h"\n#include "store/db.h"\n' > tree/lib/io/rec.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line 'not ok - layers: includes point down'
	assert_line --partial 'lib/io/rec.c:2: io/ may not include store/db.h'
}

@test "layers: rules/ includes only core/, not store/ or io/" {
	printf '#include "core/money.h"\n#include "io/rec.h"\n#include "store/db.h"\n' > tree/lib/rules/rule.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line --partial 'lib/rules/rule.c:2: rules/ includes only core/, not io/rec.h'
	assert_line --partial 'lib/rules/rule.c:3: rules/ includes only core/, not store/db.h'
}

@test "layers: a command's library includes no other command's" {
	printf '#include "report/report.h"\n#include "settle/settle.h"\n' > tree/lib/report/gaps.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line --partial 'lib/report/gaps.c:2: report/ may not include settle/settle.h'
}

@test "layers: an include without its folder fails" {
	printf '#include "date.h"\n' > tree/lib/core/money.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line --partial 'lib/core/money.c:1: "date.h" names no folder'
}

@test "layers: cmd/ sees only its command's header, io/opts.h and core/diag.h" {
	printf '#include "grant/grant.h"\n#include "store/db.h"\n' > tree/cmd/grant.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line 'not ok - layers: cmd/ sees its command'"'"'s header, opts and diag'
	assert_line --partial 'cmd/grant.c:2: cmd/ includes only grant/grant.h, io/opts.h and core/diag.h, not store/db.h'
}

@test "layers: SQLite named above store/ fails: a call, a constant, the header" {
	printf '#include "rules/rule.h"\nint g(void *st) { return sqlite3_step(st) == SQLITE_ROW; }\n' > tree/lib/grant/grant.c
	printf '#include <sqlite3.h>\n' > tree/cmd/grant.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line 'not ok - layers: only store/ calls SQLite'
	assert_line --partial 'lib/grant/grant.c:2: SQLite outside store/'
	assert_line --partial 'cmd/grant.c:1: SQLite outside store/'
}

@test "layers: a folder of lib/ that is no layer fails" {
	mkdir -p tree/lib/util
	printf '#include "report/report.h"\n' > tree/lib/util/x.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line --partial 'lib/util/x.c:1: lib/util/ is no layer of jiuzhu(7)'
}

@test "layers: a file straight in lib/ fails: it belongs in its layer's folder" {
	printf '#include "core/date.h"\n' > tree/lib/util.c
	run -0 sh "$ROOT/tools/layers.sh" tree
	assert_line --partial "lib/util.c:1: a file of lib/ belongs in its layer's folder"
}
