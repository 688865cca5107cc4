# Whole-program timings: every bench/hyperfine/<name>.sh, called as
#   <name>.sh BUILD RESULTS RUN
# writes $(RESULTS)/$(RUN)-hyperfine-<name>.json (hyperfine --export-json).
# Under HOTPATH_QUICK=1 the scripts use small inputs and few runs.
# HYPERFINE_SCRIPTS picks other scripts (the tests give a tiny one).
HYPERFINE_SCRIPTS ?= $(sort $(wildcard bench/hyperfine/*.sh))

.PHONY: bench-hyperfine
BENCH_AFTER += bench-hyperfine

# The scripts write into a staging directory; only when every one has
# succeeded are their files synced and moved into $(RESULTS), so a failed
# write (hyperfine exits non-zero), a failing script or a signal leaves
# $(RESULTS) as it was and no staging directory behind.
bench-hyperfine: build ## whole programs timed by hyperfine (JSON into results/)
	@mkdir -p $(RESULTS)
	@stage=$(RESULTS)/.hyperfine.tmp.$$$$; \
	trap 'rm -rf "$$stage"' EXIT; \
	for sig in HUP INT PIPE TERM; do trap "rm -rf '$$stage'; trap - $$sig EXIT; kill -$$sig $$$$" $$sig; done; \
	trap '' XFSZ; \
	mkdir "$$stage" || exit 1; \
	for s in $(HYPERFINE_SCRIPTS); do \
	  echo "== hyperfine: $$s"; \
	  HOTPATH_QUICK=$(HOTPATH_QUICK) bash $$s $(BUILD) "$$stage" $(RUN) || exit $$?; \
	done; \
	files=("$$stage"/*.json); \
	[ -e "$${files[0]}" ] || { echo "bench-hyperfine: no result written" >&2; exit 1; }; \
	sync -- "$${files[@]}" || { echo "bench-hyperfine: sync failed; nothing moved" >&2; exit 1; }; \
	mv -f -- "$${files[@]}" $(RESULTS)/
