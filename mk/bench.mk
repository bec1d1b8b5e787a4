# mk/bench.mk — `make bench` (throughput, memory, scaling, the peer; not part of check) and the
# check that every writer on the writer core writes the same bytes as the writers before it
# (tests/oracle/: cJSON trees for JSON and JSON Lines, stdio for CSV, HTML and tokens).
#
#   make bench                  the table, printed and written to build/bench.json
#   make bench BENCH_QUICK=1    10 MB inputs and 3 runs, to try the machinery
#   make bench BENCH_ARGS='--runs 9 --no-peer'   more runs, no peer (bench/bench.py --help)

.PHONY: bench test-writers

# -- the check: core writers == oracle, on the corpus, the eval texts, the bad inputs, the fuzz
# reproducers and built-in cases --
CHECK_PARTS += test-writers

$(B)/tests/writers_same: tests/writers_same.c $(ORACLE_SRC) $(B)/libclaimc.a | $(B)
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) -Itests/oracle $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(ORACLE_SRC) $(B)/libclaimc.a $(LDLIBS)

WRITERS_INPUTS = corpus/*.txt tests/eval/*.jsonl tests/eval/heldout/*.jsonl tests/bad/*.txt \
                 $(filter-out %.md %.patch,$(wildcard tests/regress/*))
test-writers: $(B)/tests/writers_same
	@$(B)/tests/writers_same $(WRITERS_INPUTS) > $(B)/writers_same.out; \
	rc=$$?; cat $(B)/writers_same.out >> $(B)/test-results.txt; grep -v '^PASS' $(B)/writers_same.out; \
	if [ $$rc -ne 0 ] && ! grep -q '^FAIL' $(B)/writers_same.out; then \
	  echo "FAIL writers-same exit status $$rc" >> $(B)/test-results.txt; fi; true

# -- the benchmark ----------------------------------------------------------------------------
$(B)/bench/lexbench: bench/lexbench.c $(ORACLE_SRC) $(B)/libclaimc.a
	@mkdir -p $(B)/bench
	$(CC) $(CPPFLAGS) -Itests/oracle $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(ORACLE_SRC) $(B)/libclaimc.a $(LDLIBS)

bench: all $(B)/bench/lexbench
	@bench/deps.sh
	@python3 bench/bench.py --build $(B) $(if $(BENCH_QUICK),--quick) $(BENCH_ARGS)
