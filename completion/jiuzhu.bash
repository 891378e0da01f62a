# Bash completion for jiuzhu's commands: enrol, assess, grant, settle and
# report.  Options come from the command's own --help, so that they never
# fall behind it; the values an option takes and report's subjects are
# listed here.  Installed by make install as one file per command under
# share/bash-completion/completions (bash-completion loads it on first use);
# or source it from ~/.bashrc.

_jiuzhu_values()
{
	local cmd=$1 opt=$2
	case $opt in
	--kind)
		case $cmd in
		enrol) echo person change application institution survey staff ;;
		grant) echo decision funding recovery return ;;
		esac ;;
	-f|--format) echo csv tsv jsonl json table xlsx html ;;
	--input-format) echo csv tsv jsonl json ;;
	--encoding) echo UTF-8 GB18030 ;;
	--output-encoding) echo GB18030 GBK ;;
	--programme) echo dibao zero_employment employment_training employment_assistant \
		employment_incentive employment_insurance lowrent_housing rural_house_repair \
		festival edu_hardship edu_vocational edu_disability medical premium_subsidy \
		rehab_card temporary employment_startup employment_retraining legal_aid \
		enforcement_relief home_care ;;
	--sign) echo health labour civil_affairs finance ;;
	--fund) echo major_disease ;;
	--by) echo street programme group institution month visit_type status ;;
	*) return 1 ;;
	esac
}

_jiuzhu()
{
	local cmd=${COMP_WORDS[0]##*/} cur=${COMP_WORDS[COMP_CWORD]} prev=
	local opt values
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	# --opt=value and --opt value
	if [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		cur=${cur#*=}
	elif [[ $prev == -* ]]; then
		opt=$prev
	fi
	if [[ -n $opt ]]; then
		if values=$(_jiuzhu_values "$cmd" "$opt"); then
			COMPREPLY=($(compgen -W "$values" -- "$cur"))
			return
		fi
		case $opt in
		--db|--policy|-o|--output|--anchor|--anchors|--rejects)
			COMPREPLY=($(compgen -f -- "$cur"))
			return ;;
		--as-of|--from|--to|--period|--quarter|--year|--seed|--horizon|--busy-timeout|\
		--institution|--expect)
			return ;;
		esac
	fi

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("$cmd" --help 2>/dev/null | sed -n \
			's/^ *\(-[^ ,]*, \)\{0,1\}\(--[a-z-]*=\{0,1\}\).*/\2/p')" -- "$cur"))
		[[ ${#COMPREPLY[@]} == 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2> /dev/null
		return
	fi
	# report's first word is a subject; report lines then takes files.
	if [[ $cmd == report && ! " ${COMP_WORDS[*]:1:COMP_CWORD-1} " == *" lines "* ]]; then
		COMPREPLY=($(compgen -W "summary forecast gaps survey policy funds settlement audit
			review adjustments backup lines" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _jiuzhu enrol assess grant settle report
