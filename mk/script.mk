# mk/script.mk — traditional characters and Big5: the same claims in either script or encoding.
#
#   make test-script    tests/run_script.sh (OpenCC's s2t copies of corpus/ and tests/script/)

CHECK_PARTS += test-script

test-script: $(B)/claimc
	@tests/run_script.sh $(B)/claimc $(B)/test-results.txt

.PHONY: test-script
