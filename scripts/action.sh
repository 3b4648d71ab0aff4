#!/usr/bin/env bash
# The GitHub Action's check step (action.yml): recruit-check once for the SARIF report, and once
# for annotations on the pull request; the exit code of the first decides the step's outcome
# (the action's last step), so the SARIF report is uploaded even when the check fails.
# Inputs come as INPUT_* environment variables; outputs go to $GITHUB_OUTPUT.
set -uo pipefail

bin="$GITHUB_ACTION_PATH/bin/recruit-check.js"
# The documents must be named: checking the whole repository would check its README and docs.
if [ -z "${INPUT_FILES// /}" ]; then
  echo "recruit-check: set the action's \`files\` input to your recruitment documents, for example \`files: \"adverts/ templates/**/*.docx\"\` — the whole repository (its README, its docs) is never checked" >&2
  echo "exit-code=2" >> "$GITHUB_OUTPUT"
  echo "sarif-file=" >> "$GITHUB_OUTPUT"
  exit 0
fi
# Split the inputs on spaces; glob patterns stay as written (recruit-check expands them).
read -r -a files <<< "$INPUT_FILES"
read -r -a extra <<< "${INPUT_ARGS:-}"
sarif="${INPUT_SARIF_FILE:-recruit-check.sarif}"

node "$bin" "${files[@]}" "${extra[@]}" --format sarif --output "$sarif" --fail-on "${INPUT_FAIL_ON:-error}"
code=$?

if [ "${INPUT_ANNOTATIONS:-true}" = "true" ] && [ "$code" != "2" ]; then
  node "$bin" "${files[@]}" "${extra[@]}" --format github --fail-on never || true
fi

{
  echo "exit-code=$code"
  if [ -s "$sarif" ]; then echo "sarif-file=$sarif"; else echo "sarif-file="; fi
} >> "$GITHUB_OUTPUT"
exit 0
