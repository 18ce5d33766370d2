# fish completion for faqdesk
set -l commands ask batch screen list show check eval gaps
complete -c faqdesk -f
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a ask -d 'Answer one caller question'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a batch -d 'Answer one question per line'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a screen -d 'Screening questionnaire'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a list -d 'List the entries'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a show -d 'Show one entry'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a check -d 'Validate a FAQ file'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a eval -d 'Measure answer quality'
complete -c faqdesk -n "not __fish_seen_subcommand_from $commands" -a gaps -d 'Summarise the unanswered log'
complete -c faqdesk -l faq -r -F -d 'FAQ file to use'
complete -c faqdesk -l color -x -a 'auto always never' -d 'When to use colour'
complete -c faqdesk -l log-unanswered -r -F -d 'Append unanswered questions to FILE'
complete -c faqdesk -l version -d 'Print the version'
complete -c faqdesk -s h -l help -d 'Print help'
complete -c faqdesk -n '__fish_seen_subcommand_from ask' -l top -x -d 'Entries to show'
complete -c faqdesk -n '__fish_seen_subcommand_from ask batch' -l explain -d 'Show matched words'
complete -c faqdesk -n '__fish_seen_subcommand_from ask batch eval' -l min-confidence -x -d 'Abstain below'
complete -c faqdesk -n '__fish_seen_subcommand_from ask screen list show eval gaps' -l json -d 'JSON output'
complete -c faqdesk -n '__fish_seen_subcommand_from batch' -l format -x -a 'json tsv' -d 'Output format'
complete -c faqdesk -n '__fish_seen_subcommand_from batch' -l line-buffered -d 'Flush each line'
complete -c faqdesk -n '__fish_seen_subcommand_from batch check eval gaps' -F
complete -c faqdesk -n '__fish_seen_subcommand_from screen' -s a -l answer -x -d 'QUESTION=ANSWER'
complete -c faqdesk -n '__fish_seen_subcommand_from screen' -l answers -r -F -d 'Answers file'
complete -c faqdesk -n '__fish_seen_subcommand_from screen' -l batch -r -F -d 'One JSON object per line'
complete -c faqdesk -n '__fish_seen_subcommand_from show' -x -a '(faqdesk list 2>/dev/null | string replace -r " .*" "")' -d 'Entry id'
complete -c faqdesk -n '__fish_seen_subcommand_from eval' -l min-accuracy -x
complete -c faqdesk -n '__fish_seen_subcommand_from eval' -l min-answerable -x
complete -c faqdesk -n '__fish_seen_subcommand_from eval' -l min-abstention -x
complete -c faqdesk -n '__fish_seen_subcommand_from eval' -s q -l quiet -d 'No misses'
complete -c faqdesk -n '__fish_seen_subcommand_from gaps' -l top -x -d 'How many'
