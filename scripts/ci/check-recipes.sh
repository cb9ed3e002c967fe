#!/usr/bin/env bash
# The CI recipes of docs/ci.md, run for real on a throw-away repository whose articles have
# accents and spaces in their names:
#   1. scripts/ci/lint-changed.sh (what action.yml runs) lints exactly the changed articles;
#   2. the pre-commit hook installs from this repository (`pre-commit try-repo`) and lints
#      only the article files of a commit;
#   3. `npm run vsix` builds the VS Code extension, and the server packaged in it answers.
# Run by .ci/run after `npm ci` (which builds the tree) and before the test suite; it needs pre-commit.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "check-recipes: $*" >&2; exit 1; }

repo="$work/rédaction"
mkdir -p "$repo/articles/été 2026" "$repo/brouillons"
cd "$repo"
git init -q -b main
git config user.email ci@example.invalid
git config user.name CI
printf 'Un titre\n\nLe texte est propre.\n' > "articles/été 2026/déjà publié.md"
git add -A && git commit -qm base
base="$(git rev-parse HEAD)"
printf 'Un titre\n\nLe maire a inauguré le le pont.\n' > "articles/été 2026/Une dépêche à l'aube.md"
printf 'Titre\n\nElle a vu vu la mer.\n' > "articles/l’éditorial du jour.txt"
printf 'Readme\n\nIl a vu le le chat.\n' > README.md
printf 'brouillons/\n' > .coquilleignore
printf 'Il a vu le le chat.\n' > brouillons/note.md
git add -A && git commit -qm articles

echo "check-recipes: lint-changed.sh on names with accents, spaces and quotes"
set +e
COQUILLE="$root/bin/coquille.js" "$root/scripts/ci/lint-changed.sh" "$base" --report json --report-file "$work/report.json"
code=$?
set -e
[ "$code" = 1 ] || fail "lint-changed.sh exited $code, expected 1"
linted="$(node -e 'for (const file of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))) console.log(file.path, file.messages.map((m) => m.ruleId).join())' "$work/report.json" | sort)"
expected="$(printf '%s\n' "README.md repeated-words" "articles/été 2026/Une dépêche à l'aube.md repeated-words" "articles/l’éditorial du jour.txt repeated-words" | sort)"
[ "$linted" = "$expected" ] || fail "lint-changed.sh linted:
$linted
expected:
$expected"

echo "check-recipes: pre-commit try-repo (installs the hook from this repository)"
command -v pre-commit > /dev/null || fail "pre-commit is not installed (Debian package pre-commit)"
export PRE_COMMIT_HOME="$work/pre-commit-home"
set +e
pre-commit try-repo "$root" coquille --all-files > "$work/hook.log" 2>&1
code=$?
set -e
cat "$work/hook.log"
[ "$code" = 1 ] || fail "the hook exited $code, expected 1 (findings)"
grep -q "Une dépêche à l'aube.md" "$work/hook.log" || fail "the hook did not lint the changed article"
grep -q "l’éditorial du jour.txt" "$work/hook.log" || fail "the hook did not lint the text article"
grep -q "README.md" "$work/hook.log" && fail "the hook linted README.md"
grep -q "brouillons/note.md" "$work/hook.log" && fail "the hook linted an ignored file"
printf 'Un titre\n\nLe maire a inauguré le pont.\n' > "articles/été 2026/Une dépêche à l'aube.md"
printf 'Titre\n\nElle a vu la mer.\n' > "articles/l’éditorial du jour.txt"
pre-commit try-repo "$root" coquille --all-files > "$work/hook.log" 2>&1 || { cat "$work/hook.log"; fail "the hook failed on clean articles"; }

echo "check-recipes: the VS Code extension (.vsix) and its packaged server"
cd "$root"
npm ci --prefix editors/vscode --no-audit --no-fund --loglevel=error
node editors/vscode/build-vsix.mjs > "$work/vsix.log" 2>&1 || { cat "$work/vsix.log"; fail "build-vsix failed"; }
python3 -m zipfile -e editors/vscode/coquille-vscode-*.vsix "$work/vsix"
[ -f "$work/vsix/extension/dist/extension.js" ] || fail "the .vsix holds no client"
node scripts/ci/lsp-smoke.mjs "$work/vsix/extension/server/bin/coquille-language-server.js" || fail "the packaged server did not answer"
echo "check-recipes: 3 passed, 0 failed"
