#!/bin/sh
# Builds the two DLLs that Debian 12's Wine 8 lacks and Windows 10/11 have, into OUT, with mingw-w64:
#   icuuc.dll             forwards Qt Core's ICU imports to icuuc77.dll (+ icudt77.dll, from the ICU wheel)
#   bcryptprimitives.dll  ProcessPrng, which Rust's standard library (cryptography, pyrage) calls for random bytes
#   mscms.dll             "no colour profile" for Qt's Windows platform plugin (Wine 8's mscms aborts in
#                         WcsCreateIccProfile); loaded instead of Wine's own with WINEDLLOVERRIDES=mscms=n
# For testing under Wine only: they go into the Wine prefix's system32, never into the bundle or the setup.
#   sh installer/wine/shims/build.sh OUT ICU_WHEEL
set -eu
OUT=$1 WHEEL=$2 HERE=$(dirname "$0")
mkdir -p "$OUT"
echo 'int shim_unused;' > "$OUT/empty.c"
x86_64-w64-mingw32-gcc -shared -nostdlib -Wl,--entry=0 -o "$OUT/icuuc.dll" "$OUT/empty.c" "$HERE/icuuc.def"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$OUT/bcryptprimitives.dll" "$HERE/bcryptprimitives.c" "$HERE/bcryptprimitives.def"
x86_64-w64-mingw32-gcc -O2 -shared -s -o "$OUT/mscms.dll" "$HERE/mscms.c" "$HERE/mscms.def"
unzip -q -o -j "$WHEEL" icu/icuuc77.dll icu/icudt77.dll -d "$OUT"
rm -f "$OUT/empty.c"
