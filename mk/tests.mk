# mk/tests.mk — make check and its parts.
#
# Each part is a make target that appends "PASS name" / "FAIL name" lines to
# $(B)/test-results.txt; tests/summary.sh counts them into the closing "N passed, N failed".
# A mk/*.mk file adds its parts with CHECK_PARTS += target.

CHECK_PARTS += test-unit test-corpus

check: all
	@tools/ensure-packages.sh test
	@rm -f $(B)/test-results.txt
	@$(MAKE) --no-print-directory -k $(CHECK_PARTS); \
	tests/summary.sh $(B)/test-results.txt

test-corpus: $(B)/claimc
	@tests/run_corpus.sh $(B)/claimc $(B)/test-results.txt

UNIT_TESTS := $(patsubst tests/%.c,$(B)/tests/%,$(wildcard tests/test_*.c))

$(B)/tests/%: tests/%.c $(B)/libclaimc.a | $(B)
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(B)/libclaimc.a $(LDLIBS)

test-unit: $(UNIT_TESTS)
	@for t in $(UNIT_TESTS); do $$t | tee -a $(B)/test-results.txt | grep -v '^PASS'; done; true

# Rewrite the corpus goldens from the current output. Review every changed claim
# (git diff corpus/) before committing, and say in the commit why they changed.
regen-golden: $(B)/claimc
	@for txt in corpus/*.txt; do \
	  $(B)/claimc --format jsonl "$$txt" > "$${txt%.txt}.expected.jsonl"; \
	done; git diff --stat corpus/ 2>/dev/null || true

eval: $(B)/claimc
	python3 tests/eval/score.py --claimc $(B)/claimc tests/eval/corpus.jsonl tests/eval/own.jsonl
