# charbits.awk — what the table generators share (run with LC_ALL=C: strings are bytes): the
# bytes of code points, the hash src/lexicon.h's cl_hash33 computes (h = h * 33 + byte, mod
# 2^24), and bit sets printed as uint64_t arrays. Call cb_init() in BEGIN.
function cb_init(    i) {
    for (i = 1; i < 256; i++)
        CB_ORD[sprintf("%c", i)] = i
}
function cb_hash(s, n,    h, i) {
    h = 0
    for (i = 1; i <= n; i++)
        h = (h * 33 + CB_ORD[substr(s, i, 1)]) % 16777216
    return h
}
# the bytes of the code point at byte I of W
function cb_char_len(w, i,    c) {
    c = CB_ORD[substr(w, i, 1)]
    return c < 128 ? 1 : c < 224 ? 2 : c < 240 ? 3 : 4
}
function cb_first_char(w) {
    return substr(w, 1, cb_char_len(w, 1))
}
function cb_last_char(w,    i) {
    for (i = length(w); i > 1 && CB_ORD[substr(w, i, 1)] >= 128 && CB_ORD[substr(w, i, 1)] < 192; i--)
        ;
    return substr(w, i)
}
function cb_chars(w,    i, n) {
    n = 0
    for (i = 1; i <= length(w); i += cb_char_len(w, i))
        n++
    return n
}
# the bit of a code point in a set of 4096 (src/lexicon.h, cl_char_bit)
function cb_char_bit(c) {
    return cb_hash(c, length(c)) % 4096
}
# WORDS[0..N-1] as one C string NAME, after a dummy byte at offset 0 (so that no word's offset
# is 0), PER words a line
function cb_strings(name, words, n, per,    i, line) {
    print "const char " name "[] ="
    line = "    \"-\""
    for (i = 0; i < n; i++) {
        line = line "\"" words[i] "\""
        if (i % per == per - 1) { print line; line = "    " }
    }
    print line ";"
}
# SET's keys are bit numbers below WORDS * 64: print them as const uint64_t NAME[WORDS]
function cb_bitset(name, set, words,    i, k, b, x, v, line) {
    printf "const uint64_t %s[%d] = {\n", name, words
    line = ""
    for (i = 0; i < words; i++) {
        v = ""
        for (k = 3; k >= 0; k--) {   # four 16-bit parts, from the highest: awk has 53 bits
            x = 0
            for (b = 15; b >= 0; b--)
                x = x * 2 + ((i * 64 + k * 16 + b) in set)
            v = v sprintf("%04x", x)
        }
        line = line "0x" v ","
        if (i % 8 == 7) { print line; line = "" }
    }
    if (line != "")
        print line
    print "};"
}
