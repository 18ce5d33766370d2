#!/bin/bash
# usage: bash.sh COMPLETION_FILE DIR_WITH_FAQDESK
# Completes a few command lines with the bash completion and checks the offers.
set -u
source /usr/share/bash-completion/bash_completion || { echo "bash-completion is not installed"; exit 1; }
source "$1"
PATH="$(cd "$2" && pwd):$PATH"
cd "$(mktemp -d)" || exit 1
export HOME=$PWD XDG_CACHE_HOME=$PWD/cache
failures=0

# complete LINE EXPECTED: the offers for LINE (cursor at the end), sorted, must be EXPECTED.
complete_line() {
    local line=$1 expected=$2
    read -r -a COMP_WORDS <<< "$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _faqdesk faqdesk "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    local got
    got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//')
    if [[ $got == "$expected" ]]; then
        echo "ok   '$line' -> $got"
    else
        echo "FAIL '$line' -> '$got', expected '$expected'"
        failures=$((failures + 1))
    fi
}

complete_line "faqdesk sh" "show"
complete_line "faqdesk s" "screen show"
complete_line "faqdesk --color a" "always auto"
complete_line "faqdesk show co" "consultation cost"
complete_line "faqdesk batch --format t" "tsv"
complete_line "faqdesk ask --j" "--json"
exit $((failures > 0))
