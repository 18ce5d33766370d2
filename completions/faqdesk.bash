# bash completion for faqdesk                                  -*- shell-script -*-
_faqdesk() {
    local cur prev words cword
    _init_completion || return

    local commands="ask batch screen list show check eval gaps"
    local global="--faq --color --log-unanswered --help --version"
    case $prev in
        --faq|--log-unanswered|--answers|--batch)
            _filedir
            return ;;
        --color)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur"))
            return ;;
        --format)
            COMPREPLY=($(compgen -W "json tsv" -- "$cur"))
            return ;;
    esac

    local i command=""
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            --faq|--color|--log-unanswered) ((i++)) ;;
            -*) ;;
            *) command=${words[i]}; break ;;
        esac
    done

    if [[ -z $command ]]; then
        COMPREPLY=($(compgen -W "$commands $global" -- "$cur"))
        return
    fi
    case $command in
        ask) COMPREPLY=($(compgen -W "--top --json --explain --min-confidence --help" -- "$cur")) ;;
        batch)
            COMPREPLY=($(compgen -W "--format --line-buffered --top --explain --min-confidence --help" -- "$cur"))
            [[ $cur != -* ]] && _filedir ;;
        screen) COMPREPLY=($(compgen -W "--answer --answers --batch --json --help" -- "$cur")) ;;
        list) COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
        show)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--json --help" -- "$cur"))
            else
                # Entry ids from the FAQ faqdesk would use here.
                local ids
                ids=$("${words[0]}" list 2>/dev/null | cut -d' ' -f1)
                COMPREPLY=($(compgen -W "$ids" -- "$cur"))
            fi ;;
        check) [[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help" -- "$cur")) || _filedir '@(yaml|yml|json)' ;;
        eval)
            COMPREPLY=($(compgen -W "--min-accuracy --min-answerable --min-abstention --min-confidence --json --quiet --help" -- "$cur"))
            [[ $cur != -* ]] && _filedir tsv ;;
        gaps)
            COMPREPLY=($(compgen -W "--top --json --help" -- "$cur"))
            [[ $cur != -* ]] && _filedir ;;
    esac
} &&
    complete -F _faqdesk faqdesk
