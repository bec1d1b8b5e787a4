# mk/reliability.mk — bad input never crashes claimc, never yields invalid JSON, never loses output.
#
#   make fuzz FUZZ_SECONDS=N [FUZZ_TARGET=parse|records|check|api]   one libFuzzer target for N
#                              seconds (default 600); new units in build/fuzz/corpus/TARGET,
#                              findings in build/fuzz/artifacts/
#   make fuzz-long FUZZ_HOURS=N   every target for N hours at nice 19, over FUZZ_PROCS processes
#   make fuzz-merge            minimise the corpora found into tests/fuzz/corpus/ (to commit)
#   make test-fuzz             the check part: 60 s over the targets, then tests/regress/
#   make test-linear           time per byte is flat from 64 KiB to 1 MiB (tests/fuzz/linear.c)
#   make test-asan             unit tests, CLI on corpus/ and tests/bad/ under ASan+UBSan
#   make test-valgrind         CLI on corpus/ (json, jsonl, --jobs 2) under valgrind memcheck
#   make test-bad              the bad-input suite (tests/run_bad.sh)
#   make test-output           -o FILE is atomic: kill -9 leaves no truncated FILE; mode honours umask
#   make test-determinism      byte-identical output whatever --jobs
#   make test-big              a 200 MB single line: bounded time and memory
#   make test-scaling          one line of 1 and 16 MB with no sentence end: linear time, and
#                              --format jsonl's memory the text plus a bounded window
#
# Sanitised builds never share objects with the normal one: build/fuzz/ (libFuzzer coverage,
# ASan, UBSan) and build/asan/ (ASan, UBSan). Both use clang; the generated sources (lexer.c,
# claims.tab.c, units_table.c, water_table.c) are the normal build's, compiled again here.
# The re2c lexer is one function of ~180,000 lines: clang needs over 15 minutes to optimise
# it with sanitisers and 20 seconds not to, so it alone is compiled at -O0 (SAN_O_lexer).

CHECK_PARTS += test-fuzz test-linear test-asan test-valgrind test-bad test-output test-determinism \
               test-big test-scaling

# clang-14: libclang-rt-14-dev holds its libFuzzer and sanitizer runtimes
FUZZ_CC      ?= clang-14
FUZZ_SECONDS ?= 600
FUZZ_CHECK_SECONDS ?= 60
SAN_FLAGS    = $(or $(SAN_O_$(basename $(notdir $<))),-O1) -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=all
SAN_O_lexer  := -O0
# leaks are errors; a UBSan report aborts with a stack
export ASAN_OPTIONS  ?= detect_leaks=1:abort_on_error=1:strict_string_checks=1:check_initialization_order=1
export UBSAN_OPTIONS ?= print_stacktrace=1:halt_on_error=1

RESULTS := $(B)/test-results.txt
FZ   := $(B)/fuzz
AS   := $(B)/asan
SAN_LIB_C := $(LIB_SRC) $(GEN_SRC)
SAN_CPP   := $(CPPFLAGS) -I$(B)

.PHONY: fuzz fuzz-build fuzz-long fuzz-merge test-fuzz test-linear test-regress test-asan \
        asan-build test-valgrind test-bad test-output test-determinism test-big test-scaling

# -- the fuzzers (tests/fuzz/README.md) --------------------------------------------------------
# One libFuzzer target per way in: the pipeline (parse), the --input jsonl reader through the
# CLI's engine (records), claimc check (check), every function of claimc.h (api).
FUZZ_TARGETS := parse records check api
FUZZ_BINS    := $(addprefix $(FZ)/fuzz_,$(FUZZ_TARGETS))
FZ_OBJ := $(patsubst %.c,$(FZ)/obj/%.o,$(notdir $(SAN_LIB_C)))

$(FZ)/obj/%.o: src/%.c | $(FZ)/obj $(GEN_HDR)
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) -fsanitize=fuzzer-no-link $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(FZ)/obj/%.o: $(B)/%.c | $(FZ)/obj
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) -fsanitize=fuzzer-no-link $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/oracle.h $(FZ_OBJ)
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) -fsanitize=fuzzer $(CJSON_CFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)
$(FZ)/fuzz_records: $(FZ)/obj/cli.o   # the CLI's engine, src/cli.c
$(FZ)/claimc.dict: tests/fuzz/make_dict.sh grammar/keywords.tsv grammar/units.tsv | $(FZ)/obj
	tests/fuzz/make_dict.sh $@
$(FZ)/obj $(AS)/obj $(AS)/tests:
	mkdir -p $@
-include $(wildcard $(FZ)/obj/*.d $(AS)/obj/*.d)

fuzz-build: deps $(FUZZ_BINS) $(FZ)/claimc.dict
	@tools/ensure-packages.sh test

# Inputs up to 64 KiB. The super-linear guard is the targets' own (tests/fuzz/oracle.h): an
# input that uses more than FUZZ_CPU_MS of CPU time (4000 by default; the slowest 64 KiB
# seed takes 0.3 s) aborts and is kept as a crash; a path quadratic in the length needs
# seconds to minutes there. libFuzzer's -timeout counts wall time, which a fuzzer at nice 19
# on a busy machine spends waiting: FUZZ_TIMEOUT only catches a hang.
FUZZ_MAX_LEN ?= 65536
FUZZ_TIMEOUT ?= 120
FUZZ_FLAGS = -dict=$(FZ)/claimc.dict -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) \
             -rss_limit_mb=2048 -print_final_stats=1
# fuzz_run TARGET: new units go to build/fuzz/corpus/TARGET; it starts from the committed,
# minimised tests/fuzz/corpus/TARGET and the seeds (sentences of corpus/, tests/bad/,
# tests/regress/; as records for the records target).
# fuzz_run TARGET [WORKDIR]: WORKDIR is build/fuzz/corpus by default.
fuzz_run = mkdir -p $(or $(2),$(FZ)/corpus)/$(1) $(FZ)/artifacts tests/fuzz/corpus/$(1) && \
	$(FZ)/fuzz_$(1) $(FUZZ_FLAGS) -artifact_prefix=$(FZ)/artifacts/$(1)- \
	    $(or $(2),$(FZ)/corpus)/$(1) tests/fuzz/corpus/$(1) $(FZ)/seeds$(if $(filter records,$(1)),-records)
FUZZ_SEEDS = tests/fuzz/make_seeds.sh $(FZ)/seeds tests/bad/* tests/regress/* && \
	tests/fuzz/make_seeds.sh --records $(FZ)/seeds-records $(FZ)/seeds

# make fuzz [FUZZ_TARGET=parse] FUZZ_SECONDS=N: one target, in the foreground.
FUZZ_TARGET ?= parse
fuzz: fuzz-build
	$(FUZZ_SEEDS)
	$(call fuzz_run,$(FUZZ_TARGET)) -max_total_time=$(FUZZ_SECONDS)

# make fuzz-long FUZZ_HOURS=N [FUZZ_PROCS=cores]: every target for N hours, at nice 19, the
# targets shared out over FUZZ_PROCS processes in turns of FUZZ_SLICE seconds. Each turn's CPU
# time, executions and coverage go to build/fuzz/runs.tsv (tests/fuzz/README.md adds them up).
FUZZ_HOURS ?= 1
FUZZ_PROCS ?= $(shell nproc 2>/dev/null || echo 1)
FUZZ_SLICE ?= 900
fuzz-long: fuzz-build
	@$(FUZZ_SEEDS)
	FUZZ_FLAGS='$(FUZZ_FLAGS)' tests/fuzz/fuzz_long.sh $(FZ) $(FUZZ_HOURS) $(FUZZ_PROCS) \
	    $(FUZZ_SLICE) $(FUZZ_TARGETS)

# make fuzz-merge: minimise what runs found into the committed corpus (review, then commit).
fuzz-merge: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	  rm -rf $(FZ)/merged/$$t && mkdir -p $(FZ)/merged/$$t $(FZ)/corpus/$$t tests/fuzz/corpus/$$t && \
	  $(FZ)/fuzz_$$t -merge=1 -max_len=$(FUZZ_MAX_LEN) -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=2048 \
	      $(FZ)/merged/$$t tests/fuzz/corpus/$$t $(FZ)/corpus/$$t > $(FZ)/merge-$$t.log 2>&1 && \
	  rm -rf tests/fuzz/corpus/$$t && mv $(FZ)/merged/$$t tests/fuzz/corpus/$$t && \
	  echo "$$t: $$(ls tests/fuzz/corpus/$$t | wc -l) files, $$(du -sk tests/fuzz/corpus/$$t | cut -f1) KiB, $$(grep -o 'MERGE-OUTER: [0-9]* new files with [0-9]* new features' $(FZ)/merge-$$t.log)"; \
	done

# The check part: FUZZ_CHECK_SECONDS over the targets (a quarter each), starting from the
# committed corpus (not the working one of long runs, whose thousands of inputs take minutes
# to load), so each run goes on where the last committed one stopped. A finding fails the check
# and names the file to keep: copy it into tests/regress/ once fixed.
test-fuzz: fuzz-build test-regress
	@$(FUZZ_SEEDS)
	@for t in $(FUZZ_TARGETS); do \
	  log=$(FZ)/check-$$t.log; \
	  rm -rf $(FZ)/check-corpus/$$t; \
	  if ( $(call fuzz_run,$$t,$(FZ)/check-corpus) -max_total_time=$$(( $(FUZZ_CHECK_SECONDS) / 4 )) ) > $$log 2>&1; then \
	    echo "PASS fuzz $$t $$(grep -o 'stat::number_of_executed_units: [0-9]*' $$log | cut -d' ' -f2) execs, $$(grep '^#.*DONE' $$log | grep -o 'cov: [0-9]* ft: [0-9]*')" >> $(RESULTS); \
	  else \
	    tail -60 $$log; \
	    echo "FAIL fuzz $$t finding in $$(grep -o "Test unit written to .*" $$log | cut -d' ' -f5) (see $$log)" >> $(RESULTS); \
	  fi; \
	done

# Every saved reproducer replays cleanly through the pipeline, check and API targets; a
# records-* file (an --input jsonl file) through the records target.
test-regress: fuzz-build
	@for f in tests/regress/*; do \
	  case $$f in *.md|*.patch|*/\*) continue ;; esac; \
	  targets="parse check api"; case $$f in */records-*) targets=records ;; esac; \
	  ok=1; for t in $$targets; do \
	    $(FZ)/fuzz_$$t -timeout=20 -rss_limit_mb=2048 -runs=1 $$f > $(FZ)/regress.log 2>&1 || \
	      { tail -30 $(FZ)/regress.log; ok=0; }; \
	  done; \
	  if [ $$ok = 1 ]; then echo "PASS regress $$f" >> $(RESULTS); \
	  else echo "FAIL regress $$f" >> $(RESULTS); fi; \
	done

# The optimised library, the committed fuzz corpus and the reports as input: 1 MiB costs at
# most a few times as much per byte as 64 KiB (a quadratic path: 16 times).
$(B)/linear: tests/fuzz/linear.c $(B)/libclaimc.a
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(B)/libclaimc.a $(LDLIBS)
test-linear: $(B)/linear
	@$(B)/linear tests/fuzz/corpus/parse/* corpus/*.txt > $(B)/linear.log 2>&1; \
	cat $(B)/linear.log >> $(RESULTS); grep '^FAIL' $(B)/linear.log || true

# -- ASan + UBSan: unit tests and the CLI -----------------------------------------------------------
AS_OBJ  := $(patsubst %.c,$(AS)/obj/%.o,$(notdir $(SAN_LIB_C)))
AS_CLI  := $(patsubst %.c,$(AS)/obj/%.o,$(notdir $(CLI_SRC)))
AS_UNIT := $(patsubst tests/%.c,$(AS)/tests/%,$(wildcard tests/test_*.c))

$(AS)/obj/%.o: src/%.c | $(AS)/obj $(GEN_HDR)
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(AS)/obj/%.o: $(B)/%.c | $(AS)/obj
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(AS)/libclaimc.a: $(AS_OBJ)
	rm -f $@
	ar rcs $@ $^
$(AS)/claimc: $(AS_CLI) $(AS)/libclaimc.a
	$(FUZZ_CC) $(SAN_FLAGS) -o $@ $(AS_CLI) $(AS)/libclaimc.a $(LDLIBS)
$(AS)/tests/%: tests/%.c $(AS)/libclaimc.a | $(AS)/tests
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) $(CJSON_CFLAGS) -o $@ $< $(AS)/libclaimc.a $(LDLIBS)

asan-build: deps $(AS)/claimc $(AS_UNIT)
	@tools/ensure-packages.sh test

# Unit tests print PASS/FAIL lines of their own; a sanitizer report makes the binary exit non-zero.
test-asan: asan-build
	@for t in $(AS_UNIT); do \
	  if $$t > $(AS)/unit.log 2>&1 && ! grep -q '^FAIL' $(AS)/unit.log; then \
	    echo "PASS asan unit $$(basename $$t)" >> $(RESULTS); \
	  else tail -40 $(AS)/unit.log; echo "FAIL asan unit $$(basename $$t)" >> $(RESULTS); fi; \
	done
	@tests/run_bad.sh $(AS)/claimc $(RESULTS) asan

# -- valgrind: the optimised CLI as shipped -----------------------------------------------------------
VALGRIND := valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect
test-valgrind: $(B)/claimc
	@tools/ensure-packages.sh test
	@for run in "--format json" "--format jsonl" "--format json --jobs 2" "--format jsonl --jobs 2"; do \
	  if $(VALGRIND) --log-file=$(B)/valgrind.log $(B)/claimc $$run corpus/*.txt > /dev/null 2>&1; then \
	    echo "PASS valgrind claimc $$run corpus/" >> $(RESULTS); \
	  else head -60 $(B)/valgrind.log; echo "FAIL valgrind claimc $$run corpus/ (see $(B)/valgrind.log)" >> $(RESULTS); fi; \
	done

# -- the bad-input suite, atomic output, determinism, a huge line ----------------------------------
test-bad: $(B)/claimc
	@tools/ensure-packages.sh test
	@tests/run_bad.sh $(B)/claimc $(RESULTS) suite
test-output: $(B)/claimc
	@tests/run_bad.sh $(B)/claimc $(RESULTS) output
test-determinism: $(B)/claimc
	@tests/run_bad.sh $(B)/claimc $(RESULTS) determinism
test-big: $(B)/claimc
	@tests/run_bad.sh $(B)/claimc $(RESULTS) big
test-scaling: $(B)/claimc
	@tests/run_scaling.sh $(B)/claimc $(RESULTS)
