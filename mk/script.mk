# mk/script.mk — traditional characters and Big5: the same claims in either script or encoding.
#
#   make test-script    tests/run_script.sh (OpenCC's s2t copies of corpus/ and tests/script/)
#                       and tests/eval/script_pair.py: the real traditional-character records
#                       against the same records in simplified characters (F1 within 0.03),
#                       tests/test_gloss.c (pinyin glosses: the scanner, the shadow, the map)
#                       and tests/script/gloss_pair.py (in run_script.sh: glossed copies of the
#                       texts give their claims, quoted as glossed)

CHECK_PARTS += test-script

test-script: $(B)/claimc $(B)/tests/test_gloss
	@$(B)/tests/test_gloss >> $(B)/test-results.txt || true
	@tests/run_script.sh $(B)/claimc $(B)/test-results.txt
	@if python3 tests/eval/script_pair.py --claimc $(B)/claimc --max-gap 0.03 --out $(B)/eval-script \
	      tests/eval/real/*.jsonl tests/eval/real2/*.jsonl tests/eval/real3/*.jsonl tests/eval/real4/*.jsonl \
	      tests/eval/real5/*.jsonl > $(B)/script-pair.txt 2>&1; \
	then echo "PASS script/pair real traditional vs the same text simplified: $$(tail -1 $(B)/script-pair.txt)"; \
	else cat $(B)/script-pair.txt; echo "FAIL script/pair (see $(B)/script-pair.txt)"; fi >> $(B)/test-results.txt

.PHONY: test-script
