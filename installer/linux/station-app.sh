#!/bin/sh
# /usr/bin/station-app: runs the bundle in /opt/station-app. Its messages and file names are Vietnamese, so a
# C or POSIX locale (a bare terminal, a cron job, a kiosk session) is replaced by C.UTF-8; a real one is kept.
case "${LC_ALL:-${LANG:-}}" in
  "" | C | POSIX) export LANG=C.UTF-8 LC_ALL=C.UTF-8 ;;
esac
exec /opt/station-app/station-app "$@"
