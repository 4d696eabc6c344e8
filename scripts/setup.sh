#!/usr/bin/env bash
# Set up chitieu on a fresh machine: a virtualenv with the package and its test tools,
# Debian's Chromium for the browser tests, and Tesseract with its Vietnamese model for scanned
# PDFs (when root can install them). Without them those tests skip, saying why
# (CHITIEU_REQUIRE_OCR=1 makes the OCR tests fail instead).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
# setuptools' notice that an editable install is one (a UserWarning in the build) is not ours to show
PYTHONWARNINGS="ignore::UserWarning" .venv/bin/python -m pip install -q -e '.[test]'
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "setup: chromium not installed; the browser test will be skipped" >&2
fi
if ! { command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie; } \
    && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      tesseract-ocr tesseract-ocr-vie >/dev/null) \
    || echo "setup: tesseract-ocr-vie not installed; scanned PDFs are refused and the OCR tests will be skipped" >&2
fi
