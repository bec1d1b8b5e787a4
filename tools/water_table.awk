# water_table.awk — the code points that start no lexer rule, read off re2c's own DFA.
#
#   re2c ... -D grammar/lexer.re -o build/lexer.dot
#   awk -f tools/water_table.awk build/lexer.dot > build/water_table.c
#
# A three-byte code point is water when the INIT DFA, having read its bytes, can do nothing but
# accept the catch-all FILLER rule (`<INIT> any`, found as the rule that takes byte 0x01): no
# keyword, numeral, name or punctuation rule begins with it. A run of such code points is one
# FILLER token whatever follows, so the lexer may skip it without entering the DFA (the fast
# path in cl_lex). Reading the DFA instead of listing the characters by hand keeps the table
# exact when a keyword or rule is added. Output: maps of the three-byte forms indexed by the
# form's bytes as the lexer loads them (src/water.h), so no code point is ever decoded.

function hex(s,    i, v, c) {
    v = 0
    s = toupper(substr(s, 3))            # 0xE4 -> E4
    for (i = 1; i <= length(s); i++) {
        c = index("0123456789ABCDEF", substr(s, i, 1)) - 1
        v = v * 16 + c
    }
    return v
}

# One byte of a label at position POS of L: 0xHH, \\ or \" (escaped), or a printable ASCII
# character as itself. Sets the global `at` to the position after it.
function label_byte(l, pos,    c) {
    if (substr(l, pos, 2) == "0x") {
        at = pos + 4
        return hex(substr(l, pos, 4))
    }
    c = substr(l, pos, 1)
    if (c == "\\") {
        c = substr(l, pos + 1, 1)
        pos++
    }
    at = pos + 1
    return index(PRINTABLE, c) + 31        # PRINTABLE starts at the space, 0x20
}

# A state's byte transitions: the label "[0x00-0xE6][,--][\\]..." of the edge FROM -> TO, each
# bracket one byte or a range (re2c prints bytes 0x21-0x7E as themselves).
function add_ranges(from, to, label,    pos, lo, hi, k) {
    pos = 1
    while (substr(label, pos, 1) == "[") {
        lo = label_byte(label, pos + 1)
        pos = at
        hi = lo
        if (substr(label, pos, 1) == "-" && substr(label, pos + 1, 1) != "]") {
            hi = label_byte(label, pos + 1)
            pos = at
        }
        if (substr(label, pos, 1) != "]" || hi < lo) {
            printf "water_table.awk: cannot read the label %s\n", label > "/dev/stderr"
            bad_label = 1
            exit 1
        }
        pos++
        k = ++nr[from]
        rlo[from, k] = lo
        rhi[from, k] = hi
        rto[from, k] = to
    }
}

# The state after S on BYTE ("" for none); each state's ranges are spread into a table once.
function step(s, byte,    k, b, lo, hi) {
    if (!(s in spread)) {
        spread[s] = 1
        for (k = 1; k <= nr[s]; k++) {
            lo = rlo[s, k]; hi = rhi[s, k]
            for (b = lo; b <= hi && b <= 255; b++)
                next_state[s, b] = rto[s, k]
        }
    }
    return (s, byte) in next_state ? next_state[s, byte] : ""
}

# after the last byte: the only way on is the catch-all rule
function only_filler(s) {
    return nr[s] == 0 && !other[s] && nunl[s] == 1 && label[unl[s]] == rule
}

# A transition that ends the token before its byte: into a rule's node, or into a state that
# restores the last accepting position (yyaccept).
function dead(t) {
    return t == "" || (t in label) || other[t]
}

# The three-byte code points D after which the DFA, in state S (just past a code point C), is
# still alive: C D may begin a longer token. Found by walking S's transitions; more than LIMIT
# of them and C is left to the DFA (returns -1).
function live_after(s, c,    k, t0, t1, t2, b0, b1, b2, n) {
    n = 0
    for (b0 = 224; b0 <= 239; b0++) {
        t0 = step(s, b0)
        if (dead(t0))
            continue
        for (b1 = 128; b1 <= 191; b1++) {
            t1 = step(t0, b1)
            if (dead(t1))
                continue
            for (b2 = 128; b2 <= 191; b2++) {
                t2 = step(t1, b2)
                if (dead(t2))
                    continue
                if (++n > LIMIT)
                    return -1
                pending[n] = (b0 - 224) * 4096 + (b1 - 128) * 64 + (b2 - 128)
            }
        }
    }
    return n
}

# The form E? 8? 8? of code point CP read as a little-endian word (its first byte lowest).
function form(cp) {
    return 224 + int(cp / 4096) + (128 + int(cp / 64) % 64) * 256 + (128 + cp % 64) * 65536
}

BEGIN {
    PRINTABLE = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
}

$2 == "->" && $1 == "INIT" { start = $3; next }
$2 == "->" && /label="\[/ {
    l = $0
    sub(/.*label="/, "", l)
    sub(/"\]$/, "", l)
    add_ranges($1, $3, l)
    next
}
$2 == "->" && /label=/ { other[$1] = 1; next }           # yyaccept=N, state=COND
$2 == "->" && NF == 3 { nunl[$1]++; unl[$1] = $3; next }
/\[label="/ {
    l = $0
    sub(/.*label="/, "", l)
    sub(/"\]$/, "", l)
    label[$1] = l
    next
}

END {
    if (bad_label)
        exit 1
    # the catch-all is the rule that takes a control character such as 0x01 (no other does)
    for (k = 1; k <= nr[start]; k++)
        if (rlo[start, k] <= 1 && 1 <= rhi[start, k] && nunl[rto[start, k]] == 1)
            rule = label[unl[rto[start, k]]]
    if (rule == "") {
        print "water_table.awk: no INIT state, or no rule takes 0x01, in the DFA" > "/dev/stderr"
        exit 1
    }
    LIMIT = 512
    found = 0
    npairs = 0
    for (b0 = 224; b0 <= 239; b0++) {                     # E0..EF: the three-byte code points
        s1 = step(start, b0)
        if (dead(s1))
            continue
        for (b1 = 128; b1 <= 191; b1++) {
            s2 = step(s1, b1)
            if (dead(s2))
                continue
            for (b2 = 128; b2 <= 191; b2++) {
                s3 = step(s2, b2)
                cp = (b0 - 224) * 4096 + (b1 - 128) * 64 + (b2 - 128)
                if (dead(s3) || cp < 2048)
                    continue                              # invalid, or an overlong form
                key = b1 + b2 * 256                      # cl_water.tail: see src/water.h
                if (only_filler(s3)) {
                    tail[b1 + b2 * 256, 0] += 2 ^ (b0 - 224)
                    tail[b1 + b2 * 256] = 1
                    found++
                    continue
                }
                # a code point that may begin a token, but that the catch-all takes when the
                # DFA dies on the next code point (环 before 境: no rule reads 环境)
                t = step(s3, 1)
                if (!((t in label) && label[t] == rule)) {
                    nfallback++
                    continue
                }
                n = live_after(s3, cp)
                if (n < 0) {
                    nlimit++
                    continue
                }
                tail[key, 1] += 2 ^ (b0 - 224)
                tail[key] = 1
                if (!(key in cond))
                    cond[key] = ++nconds                 # cl_water.cond: see src/water.h
                for (k = 1; k <= n; k++) {
                    b = pending[k] % 64
                    if (!((key, b) in sig_seen)) {
                        sig_seen[key, b] = 1
                        sig[cond[key], int(b / 16)] += 2 ^ (b % 16)
                    }
                    pair_c[++npairs] = form(cp)
                    pair_d[npairs] = form(pending[k])
                }
                nfirst++
            }
        }
    }
    if (found < 1000) {   # the CJK ideographs alone are 20,992: the DFA was not what we expect
        printf "water_table.awk: only %d water code points; is %s the catch-all rule?\n", found, rule > "/dev/stderr"
        exit 1
    }
    if (nconds > 255) {   # cl_water.cond is of bytes
        printf "water_table.awk: %d tails of conditional code points, more than 255\n",
            nconds > "/dev/stderr"
        exit 1
    }
    size = 1
    while (size < 4 * npairs)   # a quarter full: most probes end at the first slot
        size *= 2
    for (k = 1; k <= npairs; k++) {                         # open addressing, linear probing
        x = pair_c[k] * 97 + pair_d[k] * 7                  # the hash of src/water.h
        h = (x + int(x / 2048) + int(x / 4194304)) % size
        while (h in slot)
            h = (h + 1) % size
        slot[h] = sprintf("0x%06x%06xu", pair_c[k], pair_d[k])
    }
    print "/* Generated by tools/water_table.awk from re2c's DFA of grammar/lexer.re; do not edit. */"
    print "#include \"water.h\""
    print ""
    printf "const struct cl_water_maps cl_water = {\n"
    print "    /* the shift of a lead byte's bits in .tail, 32 (none) for no three-byte form */"
    print "    .lead = {"
    for (b = 0; b < 256; b += 16) {
        line = "       "
        for (j = b; j < b + 16; j++)
            line = line " " (j >= 224 && j <= 239 ? j - 224 : 32) ","
        print line
    }
    print "    },"
    printf "    /* %d three-byte code points start no rule (bit n), %d more only before certain\n",
        found, nfirst
    print "     * next ones (bit 16 + n), by the last two bytes of the form (second byte lowest) */"
    print "    .tail = {"
    for (w = 0; w < 65536; w++)
        if (w in tail)
            printf "        [0x%04x] = 0x%04x%04xu,\n", w, tail[w, 1], tail[w, 0]
    print "    },"
    printf "    /* the %d tails of those that start a token only before certain next code points */\n",
        nconds
    print "    .cond = {"
    for (w = 0; w < 65536; w++)
        if (w in cond)
            printf "        [0x%04x] = %d,\n", w, cond[w]
    print "    },"
    print "    /* by those: bit b for every next code point whose third byte ends in b that may"
    print "     * continue a token (word 0: no such tail) */"
    print "    .next_sig = {"
    for (k = 1; k <= nconds; k++) {
        for (q = 0; q < 4; q++)
            v[q] = ((k, q) in sig) ? sig[k, q] : 0
        printf "        [%d] = 0x%04x%04x%04x%04xu,\n", k, v[3], v[2], v[1], v[0]
    }
    print "    },"
    print "};"
    printf "\n/* %d pairs (c << 24 | d) of forms, open addressing from cl_water_hash; 0 is empty. */\n",
        npairs
    printf "const uint32_t cl_water_live_mask = %d;\n", size - 1
    printf "const uint64_t cl_water_live_pairs[%d] = {\n", size
    for (i = 0; i < size; i += 4) {
        line = "   "
        for (j = i; j < i + 4; j++)
            line = line " " (j in slot ? slot[j] : "0") ","
        print line
    }
    print "};"
}
