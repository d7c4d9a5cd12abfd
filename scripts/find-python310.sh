#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain and fail.
# Rasa Open Source 3.6 supports Python 3.10 at most, so the venv must be built from 3.10.
set -u
is310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
if command -v pyenv >/dev/null 2>&1; then
  root="$(pyenv root 2>/dev/null)"
  for d in "$root"/versions/3.10*; do [ -x "$d/bin/python3.10" ] && candidates+=("$d/bin/python3.10"); done
fi
for d in "$HOME"/.pyenv/versions/3.10* /usr/local/bin /usr/bin; do
  [ -x "$d/bin/python3.10" ] && candidates+=("$d/bin/python3.10")
  [ -x "$d/python3.10" ] && candidates+=("$d/python3.10")
done
for c in "${candidates[@]}"; do
  # pyenv shims need a version selected; try the plain call, then each installed 3.10.
  if is310 "$c"; then "$c" -c 'import sys; print(sys.executable)'; exit 0; fi
done
cat >&2 <<'MSG'
ERROR: no Python 3.10 interpreter found.
Rasa Open Source 3.6 runs on Python 3.10 only. Install one, e.g.:
  pyenv install 3.10.13        (then run make again)
  apt-get install python3.10 python3.10-venv
or point to it: make PYTHON310=/path/to/python3.10
MSG
exit 1
