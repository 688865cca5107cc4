# libFuzzer targets (fuzz/*.c: milestone 6's base64 codecs, and
# hotpath-stats' input readers in stats_input.c): each is built
# with clang -fsanitize=fuzzer,address,undefined against a libhotpath.a
# that clang builds with coverage and the sanitizers in its own directory
# ($(FUZZ_BUILD), the project's CMake with CC=clang: every ISA file keeps
# its suffix flags), then runs FUZZ_SECONDS from the committed seeds in
# fuzz/corpus/<target>/ (with fuzz/<target>.dict when there is one).  New inputs go to $(FUZZ_BUILD)/corpus/<target>/,
# a crash's input to $(FUZZ_BUILD)/artifacts/.
# A target's own objects and libraries: FUZZ_LIBS_<target>.

FUZZ_SECONDS ?= 60
FUZZ_BUILD   ?= $(BUILD)-fuzz
FUZZ_TARGETS ?= $(sort $(basename $(notdir $(wildcard fuzz/*.c))))
FUZZ_CFLAGS  := -O2 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                -march=x86-64 -Wall -Wextra -Ishims -Ikernels -Ibench/stats
FUZZ_LIBS_stats_input := $(FUZZ_BUILD)/libhotpath_stats_lib.a -ljansson

.PHONY: fuzz
fuzz: deps ## libFuzzer targets, FUZZ_SECONDS (60) each; clang build in $(BUILD)-fuzz
	@cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Release -DHOTPATH_SANITIZE=ON \
	  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DCMAKE_C_FLAGS=-fsanitize=fuzzer-no-link >/dev/null
	@cmake --build $(FUZZ_BUILD) -j $(JOBS) --target hotpath hotpath_stats_lib
	@mkdir -p $(FUZZ_BUILD)/fuzz $(FUZZ_BUILD)/artifacts
	@$(foreach t,$(FUZZ_TARGETS),clang $(FUZZ_CFLAGS) fuzz/$(t).c $(FUZZ_LIBS_$(t)) \
	  $(FUZZ_BUILD)/libhotpath.a -lm -lpthread -o $(FUZZ_BUILD)/fuzz/$(t) &&) true
	@for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
	  $(FUZZ_BUILD)/fuzz/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=30 \
	    $$([ -f fuzz/$$t.dict ] && echo -dict=fuzz/$$t.dict) \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t- -print_final_stats=1 \
	    $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t 2>$(FUZZ_BUILD)/$$t.log \
	    || { tail -n 40 $(FUZZ_BUILD)/$$t.log; echo "fuzz: $$t failed (log: $(FUZZ_BUILD)/$$t.log)"; exit 1; }; \
	  grep -E '^(stat::number_of_executed_units|stat::new_units_added|INFO: Seed|Done)' \
	    $(FUZZ_BUILD)/$$t.log | tr '\n' ' '; echo; \
	done
