# mk/words.mk — grammar/words.tsv, the rules' word lists (tools/gen_words.awk, docs/rules.md).
#
#   make test-words   the generator stops on each kind of bad row; every list of the table is
#                     read by src/; no word list is left written inside src/*.c

CHECK_PARTS += test-words

test-words: $(B)/words_table.c
	@tests/words/run.sh $(B)/test-results.txt

.PHONY: test-words
