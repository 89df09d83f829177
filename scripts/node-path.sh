# node-path.sh - sourced by the scripts that run Node (web.sh, demo.sh,
# test.sh): when scripts/local-node.sh has kept a newer Node in the
# project's own folder (.tools/node, git-ignored), put it first on these
# scripts' PATH.  The machine's node (/usr/bin/node) is never replaced.
hoso_tools_node="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node/bin"
if [ -x "$hoso_tools_node/node" ]; then
  case ":$PATH:" in
    *":$hoso_tools_node:"*) ;;
    *) PATH="$hoso_tools_node:$PATH"; export PATH ;;
  esac
fi
unset hoso_tools_node
