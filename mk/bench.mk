# mk/bench.mk — `make bench` (throughput, memory, scaling, the peer; not part of check) and the
# check that the fast JSONL writer writes the same bytes as the cJSON one.
#
#   make bench                  the table, printed and written to build/bench.json
#   make bench BENCH_QUICK=1    10 MB inputs and 3 runs, to try the machinery
#   make bench BENCH_ARGS='--runs 9 --no-peer'   more runs, no peer (bench/bench.py --help)

.PHONY: bench test-emit-jsonl

# -- the check: fast writer == cJSON writer, on the corpus, the eval texts and built-in cases --
CHECK_PARTS += test-emit-jsonl

$(B)/tests/jsonl_same: tests/jsonl_same.c $(B)/libclaimc.a | $(B)
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(B)/libclaimc.a $(LDLIBS)

test-emit-jsonl: $(B)/tests/jsonl_same
	@$(B)/tests/jsonl_same corpus/*.txt tests/eval/*.jsonl > $(B)/jsonl_same.out; \
	rc=$$?; cat $(B)/jsonl_same.out >> $(B)/test-results.txt; grep -v '^PASS' $(B)/jsonl_same.out; \
	if [ $$rc -ne 0 ] && ! grep -q '^FAIL' $(B)/jsonl_same.out; then \
	  echo "FAIL jsonl-same exit status $$rc" >> $(B)/test-results.txt; fi; true

# -- the benchmark ----------------------------------------------------------------------------
$(B)/bench/lexbench: bench/lexbench.c $(B)/libclaimc.a
	@mkdir -p $(B)/bench
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(B)/libclaimc.a $(LDLIBS)

bench: all $(B)/bench/lexbench
	@bench/deps.sh
	@python3 bench/bench.py --build $(B) $(if $(BENCH_QUICK),--quick) $(BENCH_ARGS)
