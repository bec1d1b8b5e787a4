# mk/lexer.mk — the lexer test table and the reviewed listing of the corpus numerals.
#
#   make test-lexer            tests/lexer/cases.tsv (input -> tokens / quantities) and the
#                              corpus listing tests/lexer/corpus-numerals.txt
#   make regen-lexer-corpus    rewrite the listing after a deliberate lexer change; review the
#                              diff line by line before committing it

CHECK_PARTS += test-lexer

test-lexer: $(B)/claimc
	@python3 tests/lexer/run.py $(B)/claimc tests/lexer/cases.tsv $(B)/test-results.txt; \
	python3 tests/lexer/run.py --corpus tests/lexer/corpus-numerals.txt $(B)/claimc \
	    $(B)/test-results.txt corpus/*.txt; true

regen-lexer-corpus: $(B)/claimc
	@python3 tests/lexer/run.py --corpus tests/lexer/corpus-numerals.txt --regen $(B)/claimc \
	    /dev/null corpus/*.txt; git diff --stat tests/lexer/ 2>/dev/null || true

.PHONY: test-lexer regen-lexer-corpus
