# mk/tests.mk — make check and its parts.
#
# Each part is a make target that appends "PASS name" / "FAIL name" lines to
# $(B)/test-results.txt; tests/summary.sh counts them into the closing "N passed, N failed".
# A mk/*.mk file adds its parts with CHECK_PARTS += target.

CHECK_PARTS += test-unit test-corpus test-eval test-layout

check: all
	@tools/ensure-packages.sh test
	@rm -f $(B)/test-results.txt
	@$(MAKE) --no-print-directory -k $(CHECK_PARTS) || \
	  echo "FAIL make-check-parts (a part stopped with an error, e.g. a build, before it wrote its result: see the log above)" \
	    >> $(B)/test-results.txt; \
	tests/summary.sh $(B)/test-results.txt

test-corpus: $(B)/claimc
	@tests/run_corpus.sh $(B)/claimc $(B)/test-results.txt

# Issue 19's bar: no circle among the modules of src/ (includes, and calls as linked), nothing
# below the driver reaching it, no source file over 700 lines (tools/layout.py).
test-layout: $(B)/claimc
	@tests/test_layout.sh $(B)/test-results.txt

UNIT_TESTS := $(patsubst tests/%.c,$(B)/tests/%,$(wildcard tests/test_*.c))

$(B)/tests/%: tests/%.c tests/xorshift.h $(B)/libclaimc.a | $(B)
	@mkdir -p $(B)/tests
	$(CC) $(CPPFLAGS) $(WARN) $(CFLAGS) $(CJSON_CFLAGS) -o $@ $< $(B)/libclaimc.a $(LDLIBS)

test-unit: $(UNIT_TESTS)
	@for t in $(UNIT_TESTS); do $$t | tee -a $(B)/test-results.txt | grep -v '^PASS'; done; true

# Rewrite the corpus goldens from the current output. Review every changed claim
# (git diff corpus/) before committing, and say in the commit why they changed.
regen-golden: $(B)/claimc
	@for txt in corpus/*.txt corpus/genres/*.txt; do \
	  $(B)/claimc --format jsonl "$$txt" > "$${txt%.txt}.expected.jsonl"; \
	done; git diff --stat corpus/ 2>/dev/null || true

# Real pages annotated by others before claimc ran on them: heldout/, real2/ and real5/ are held
# out (scored, never read for rules); real/, real3/ and real4/ are development sets. subjects.jsonl
# is the subject and baseline set written for issue 15, genres.jsonl the genre set of issue 16.
# score.py reports each file, each genre and script, and all together.
EVAL_SETS := tests/eval/corpus.jsonl tests/eval/own.jsonl tests/eval/subjects.jsonl \
             tests/eval/genres.jsonl tests/eval/corpus_genres.jsonl \
             $(wildcard tests/eval/heldout/*.jsonl) \
             $(wildcard tests/eval/real/*.jsonl) $(wildcard tests/eval/real2/*.jsonl) \
             $(wildcard tests/eval/real3/*.jsonl) $(wildcard tests/eval/real4/*.jsonl) \
             $(wildcard tests/eval/real5/*.jsonl)

eval: $(B)/claimc
	python3 tests/eval/score.py --claimc $(B)/claimc $(EVAL_SETS)

# The grammar's bar on the project's own evaluation set: precision and recall of at least 0.97.
test-eval: $(B)/claimc
	@if python3 tests/eval/score.py --claimc $(B)/claimc --min-p 0.97 --min-r 0.97 \
	      --json $(B)/eval.json tests/eval/corpus.jsonl tests/eval/own.jsonl tests/eval/genres.jsonl > $(B)/eval.txt 2>&1; \
	then echo "PASS eval $$(grep -A2 '== overall' $(B)/eval.txt | tail -1 | tr -s ' ')"; \
	else echo "FAIL eval (precision or recall below 0.97; see $(B)/eval.txt)"; \
	     grep -A3 '== overall' $(B)/eval.txt; fi >> $(B)/test-results.txt
	@python3 tests/eval/score.py --claimc /bin/false tests/eval/own.jsonl --min-p 0.5 --min-r 0.5 \
	      > /dev/null 2>&1 && echo "FAIL eval-gate (the scorer accepts a broken claimc)" \
	      >> $(B)/test-results.txt || echo "PASS eval-gate" >> $(B)/test-results.txt
	@sh tests/eval/test_score.sh > $(B)/score-selftest.txt 2>&1 && echo "PASS eval-scorer-selftest" \
	      >> $(B)/test-results.txt || echo "FAIL eval-scorer-selftest" >> $(B)/test-results.txt
