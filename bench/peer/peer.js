#!/usr/bin/env node
// Peer benchmark for claimc: Microsoft Recognizers-Text (zh-cn).
// Usage: node peer.js INPUT.txt [--max-bytes N] [--runs R] [--per-call] [--dump]
//   --max-bytes N  use the first N bytes of INPUT (default 200000), cut back to a sentence boundary
//   --runs R       timed repetitions (default 3); median is reported
//   --per-call     use the suite's recognizeX(text, culture) functions, which build a new
//                  recognizer on every call (default: build the 4 models once, then model.parse)
//   --dump         also write every result of the first run as JSON lines to stderr
// Prints one JSON line to stdout. Only the recognition loop is timed.
'use strict';

const fs = require('fs');
const path = require('path');

function die(msg) {
  process.stderr.write('peer.js: ' + msg + '\n');
  process.exit(2);
}

// ---- arguments -------------------------------------------------------------
const argv = process.argv.slice(2);
let input = null;
let maxBytes = 200000;
let runs = 3;
let perCall = false;
let dump = false;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const num = () => {
    const v = Number(argv[++i]);
    if (!Number.isInteger(v) || v <= 0) die(a + ' needs a positive integer');
    return v;
  };
  if (a === '--max-bytes') maxBytes = num();
  else if (a === '--runs') runs = num();
  else if (a === '--per-call') perCall = true;
  else if (a === '--dump') dump = true;
  else if (a === '-h' || a === '--help') {
    process.stdout.write('usage: node peer.js INPUT.txt [--max-bytes N] [--runs R] [--per-call] [--dump]\n');
    process.exit(0);
  } else if (a.startsWith('--')) die('unknown option ' + a);
  else if (input === null) input = a;
  else die('only one input file allowed');
}
if (input === null) die('usage: node peer.js INPUT.txt [--max-bytes N] [--runs R]');

// ---- peer library ------------------------------------------------------------
let Suite, NumberRecognizer, NumberWithUnitRecognizer, version;
try {
  Suite = require('@microsoft/recognizers-text-suite');
  // The recognizer classes are not re-exported by the suite; load them from the
  // packages the suite itself depends on (resolved relative to the suite).
  const suiteDir = path.dirname(require.resolve('@microsoft/recognizers-text-suite/package.json'));
  const req = (name) => require(require.resolve(name, { paths: [suiteDir, __dirname] }));
  NumberRecognizer = req('@microsoft/recognizers-text-number').NumberRecognizer;
  NumberWithUnitRecognizer = req('@microsoft/recognizers-text-number-with-unit').NumberWithUnitRecognizer;
  version = JSON.parse(fs.readFileSync(path.join(suiteDir, 'package.json'), 'utf8')).version;
} catch (e) {
  die('cannot load @microsoft/recognizers-text-suite (run ./install.sh first): ' + e.message);
}
const culture = Suite.Culture.Chinese; // "zh-cn"

// ---- input: first N bytes, cut at a sentence boundary ------------------------
let buf;
try {
  buf = fs.readFileSync(input);
} catch (e) {
  die('cannot read ' + input + ': ' + e.message);
}
if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);

const BOUNDARY = /[。！？；\n]/;
let text;
if (buf.length <= maxBytes) {
  text = buf.toString('utf8');
} else {
  let cut = maxBytes;
  // back up to a UTF-8 character boundary (never split a multibyte sequence)
  while (cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--;
  text = buf.subarray(0, cut).toString('utf8');
  // then back up to the end of the last complete sentence, if there is one
  let end = -1;
  for (let i = text.length - 1; i >= 0; i--) {
    if (BOUNDARY.test(text[i])) { end = i + 1; break; }
  }
  if (end > 0) text = text.slice(0, end);
}
const bytes = Buffer.byteLength(text, 'utf8');

// ---- sentences ------------------------------------------------------------------
// Split after 。！？； and at newlines; the terminator stays with its sentence.
const sentences = [];
{
  const re = /[^。！？；\r\n]*[。！？；]?/g;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    if (m[0].trim().length > 0) sentences.push(m[0]);
  }
}

// ---- recognizers ------------------------------------------------------------
const KINDS = ['number', 'percentage', 'currency', 'dimension'];
let recognize; // (sentence) => array of arrays of results, one per kind
if (perCall) {
  const fns = [Suite.recognizeNumber, Suite.recognizePercentage, Suite.recognizeCurrency, Suite.recognizeDimension];
  recognize = (s) => fns.map((f) => f(s, culture));
} else {
  const nr = new NumberRecognizer(culture);
  const ur = new NumberWithUnitRecognizer(culture);
  const models = [
    nr.getNumberModel(culture),
    nr.getPercentageModel(culture),
    ur.getCurrencyModel(culture),
    ur.getDimensionModel(culture),
  ];
  recognize = (s) => models.map((m) => m.parse(s));
}

// ---- timed runs -------------------------------------------------------------
const runsS = [];
let results = -1;
for (let r = 0; r < runs; r++) {
  let count = 0;
  const keep = dump && r === 0 ? [] : null;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < sentences.length; i++) {
    const out = recognize(sentences[i]);
    for (let k = 0; k < out.length; k++) {
      count += out[k].length;
      if (keep) keep.push([i, k, out[k]]);
    }
  }
  const t1 = process.hrtime.bigint();
  runsS.push(Number(t1 - t0) / 1e9);
  if (results < 0) results = count;
  else if (results !== count) process.stderr.write('peer.js: warning: result count differs between runs\n');
  if (keep) {
    for (const [i, k, rs] of keep) {
      for (const x of rs) {
        process.stderr.write(JSON.stringify({
          sentence: i, kind: KINDS[k], text: x.text, start: x.start, end: x.end,
          type: x.typeName, resolution: x.resolution,
        }) + '\n');
      }
    }
  }
}

const sorted = runsS.slice().sort((a, b) => a - b);
const mid = sorted.length >> 1;
const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
const round = (x, d) => Number(x.toFixed(d));

process.stdout.write(JSON.stringify({
  peer: 'recognizers-text-suite',
  version,
  bytes,
  sentences: sentences.length,
  results,
  runs_s: runsS.map((t) => round(t, 6)),
  median_s: round(median, 6),
  mb_per_s: median > 0 ? round(bytes / 1e6 / median, 6) : null,
}) + '\n');
