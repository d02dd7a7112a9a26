#!/bin/sh
# Copies the stop-word lists that language identification scores with from the
# PyPI package `stop-words` (BSD-3-Clause) into data/stopwords/.
# Usage: python3 -m venv /tmp/sw && /tmp/sw/bin/pip install stop-words==2025.11.4
#        sh scripts/data/gen_stopwords.sh /tmp/sw/bin/python
set -eu
PY=${1:-python3}
SRC=$($PY -c 'import stop_words, os; print(os.path.join(os.path.dirname(stop_words.__file__), "stop-words"))')
LIC=$($PY -c 'import stop_words, os, glob; d = os.path.dirname(os.path.dirname(stop_words.__file__)); print(glob.glob(os.path.join(d, "stop_words-*.dist-info", "licenses", "LICENSE"))[0])')
OUT=$(dirname "$0")/../../data/stopwords
mkdir -p "$OUT"
for pair in en:english fr:french de:german es:spanish ru:russian it:italian pt:portuguese nl:dutch pl:polish uk:ukrainian; do
  code=${pair%%:*}; name=${pair#*:}
  # One word a line, lower-cased, no blanks, no duplicates, sorted.
  tr 'A-Z' 'a-z' < "$SRC/$name.txt" | sed 's/[[:space:]]*$//' | grep -v '^$' | LC_ALL=C sort -u > "$OUT/$code.txt"
done
cp "$LIC" "$OUT/LICENSE"
