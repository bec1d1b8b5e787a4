# mk/reliability.mk — bad input never crashes claimc, never yields invalid JSON, never loses output.
#
#   make fuzz FUZZ_SECONDS=N   run the libFuzzer target for N seconds (default 600), keeping its
#                              corpus in build/fuzz/corpus; crashes land in build/fuzz/artifacts/
#   make test-fuzz             the check part: 60 s of fuzzing, then every tests/regress/ file
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

CHECK_PARTS += test-fuzz test-asan test-valgrind test-bad test-output test-determinism test-big \
               test-scaling

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

.PHONY: fuzz fuzz-build test-fuzz test-regress test-asan asan-build test-valgrind test-bad \
        test-output test-determinism test-big test-scaling

# -- the fuzzer ---------------------------------------------------------------------------------
FZ_OBJ := $(patsubst %.c,$(FZ)/obj/%.o,$(notdir $(SAN_LIB_C)))

$(FZ)/obj/%.o: src/%.c | $(FZ)/obj
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) -fsanitize=fuzzer-no-link $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(FZ)/obj/%.o: $(B)/%.c | $(FZ)/obj
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) -fsanitize=fuzzer-no-link $(CJSON_CFLAGS) -MMD -MP -c -o $@ $<
$(FZ)/fuzz_parse: tests/fuzz/fuzz_parse.c $(FZ_OBJ)
	$(FUZZ_CC) $(SAN_CPP) $(WARN) $(SAN_FLAGS) -fsanitize=fuzzer $(CJSON_CFLAGS) -o $@ $^ $(LDLIBS)
$(FZ)/claimc.dict: tests/fuzz/make_dict.sh grammar/keywords.tsv grammar/units.tsv | $(FZ)/obj
	tests/fuzz/make_dict.sh $@
$(FZ)/obj $(AS)/obj $(AS)/tests:
	mkdir -p $@
-include $(wildcard $(FZ)/obj/*.d $(AS)/obj/*.d)

fuzz-build: deps $(FZ)/fuzz_parse $(FZ)/claimc.dict
	@tools/ensure-packages.sh test

# Seeds: sentence slices of corpus/ and the bad-input suite, plus what earlier runs found.
FUZZ_RUN = mkdir -p $(FZ)/corpus $(FZ)/artifacts && \
	tests/fuzz/make_seeds.sh $(FZ)/seeds tests/bad/* tests/regress/* && \
	$(FZ)/fuzz_parse -dict=$(FZ)/claimc.dict -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=$(FZ)/artifacts/ $(FZ)/corpus $(FZ)/seeds

fuzz: fuzz-build
	$(FUZZ_RUN) -max_total_time=$(FUZZ_SECONDS)

# A finding fails the check and names the file to keep: copy it into tests/regress/ once fixed.
test-fuzz: fuzz-build test-regress
	@log=$(FZ)/check-run.log; \
	if ( $(FUZZ_RUN) -max_total_time=$(FUZZ_CHECK_SECONDS) ) > $$log 2>&1; then \
	  echo "PASS fuzz $$(grep -o 'stat::number_of_executed_units: [0-9]*' $$log | cut -d' ' -f2) execs, $$(grep '^#.*DONE' $$log | grep -o 'cov: [0-9]* ft: [0-9]*')" >> $(RESULTS); \
	else \
	  tail -60 $$log; \
	  echo "FAIL fuzz finding in $$(grep -o "Test unit written to .*" $$log | cut -d' ' -f5) (see $$log)" >> $(RESULTS); \
	fi

# Every saved reproducer replays cleanly through the fuzz target (oracle included).
test-regress: fuzz-build
	@for f in tests/regress/*; do \
	  case $$f in *.md|*.patch|*/\*) continue ;; esac; \
	  if $(FZ)/fuzz_parse -timeout=20 -rss_limit_mb=2048 -runs=1 $$f > $(FZ)/regress.log 2>&1; then \
	    echo "PASS regress $$f" >> $(RESULTS); \
	  else tail -30 $(FZ)/regress.log; echo "FAIL regress $$f" >> $(RESULTS); fi; \
	done

# -- ASan + UBSan: unit tests and the CLI -----------------------------------------------------------
AS_OBJ  := $(patsubst %.c,$(AS)/obj/%.o,$(notdir $(SAN_LIB_C)))
AS_CLI  := $(patsubst %.c,$(AS)/obj/%.o,$(notdir $(CLI_SRC)))
AS_UNIT := $(patsubst tests/%.c,$(AS)/tests/%,$(wildcard tests/test_*.c))

$(AS)/obj/%.o: src/%.c | $(AS)/obj
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
