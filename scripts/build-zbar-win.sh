#!/usr/bin/env bash
# Usage: scripts/build-zbar-win.sh OUT
# Writes OUT/libzbar-64.dll: zbar (a release with the QR "binary" mode, which decoding.py asks for) cross-compiled
# for 64-bit Windows with mingw-w64, to replace the zbar 0.10 DLL of pyzbar 0.1.9's Windows wheel (which has no
# binary mode, so the self-test's QR check fails there).
# Runs on Debian 12 (a chroot will do); as root it installs the build packages (BUILD_DEPS) itself.
# Only the library is built (no video, X, Qt, GTK, Python, ImageMagick, JPEG, DBus, NLS). iconv and the mingw
# runtime are linked statically, so the DLL needs only DLLs that every Windows has (KERNEL32, msvcrt, USER32, GDI32):
# pyzbar still loads its own libiconv.dll first, which this DLL does not use.
# Debian 12 has no win-iconv package, so the iconv that zbar's QR text decoding calls is a small one written below
# on top of MultiByteToWideChar/WideCharToMultiByte (what win-iconv does), for the encodings zbar asks for.
# WORK (default /tmp/zbar-win-build) keeps the downloaded source; the build itself starts afresh each run.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 OUT" >&2; exit 2; }
OUT=$1
WORK=${WORK:-/tmp/zbar-win-build}
HOST=x86_64-w64-mingw32
BUILD_DEPS="gcc-mingw-w64-x86-64-win32 binutils-mingw-w64-x86-64 autoconf automake libtool pkg-config gettext autopoint make curl ca-certificates"
# zbar's source as Debian ships it (the .orig tarball of zbar 0.23.93-8, Debian 13; 0.23.93 has the fix for
# CVE-2023-40889); the sha256 is the one in Debian's .dsc.
ZBAR_VERSION=0.23.93
ZBAR_URL=http://deb.debian.org/debian/pool/main/z/zbar/zbar_${ZBAR_VERSION}.orig.tar.gz
ZBAR_SHA256=212dfab527894b8bcbcc7cd1d43d63f5604a07473d31a5f02889e372614ebe28
started=$SECONDS

missing=()
for pkg in $BUILD_DEPS; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  else echo "Missing build packages; install them: sudo apt-get install ${missing[*]}" >&2; exit 1; fi
fi

mkdir -p "$WORK" "$OUT"
OUT=$(cd "$OUT" && pwd)
tarball=$WORK/zbar_${ZBAR_VERSION}.orig.tar.gz
if ! { [ -f "$tarball" ] && echo "$ZBAR_SHA256  $tarball" | sha256sum -c --quiet >/dev/null 2>&1; }; then
  curl -fsSL -o "$tarball.part" "$ZBAR_URL"
  echo "$ZBAR_SHA256  $tarball.part" | sha256sum -c --quiet || { echo "checksum mismatch for $ZBAR_URL" >&2; exit 1; }
  mv "$tarball.part" "$tarball"
fi
rm -rf "$WORK/build" && mkdir -p "$WORK/build/iconv/include" "$WORK/build/iconv/lib"
tar -xzf "$tarball" -C "$WORK/build"
src=$WORK/build/zbar-$ZBAR_VERSION
iconv=$WORK/build/iconv

# The iconv: UTF-8, ISO8859-n, CP437, SJIS and BIG-5 to UTF-8 (all that zbar's qrcode/qrdectxt.c opens). A whole
# buffer is converted at once, and any byte that is not valid in the source encoding is an error (EILSEQ), which is
# how zbar tells which encoding a QR's bytes are in (the app reads QR codes in binary mode, which skips all this;
# pyzbar.decode does not).
cat > "$iconv/include/iconv.h" <<'EOF'
#ifndef ICONV_H
#define ICONV_H
#include <stddef.h>
typedef void *iconv_t;
iconv_t iconv_open(const char *tocode, const char *fromcode);
size_t iconv(iconv_t cd, char **inbuf, size_t *inleft, char **outbuf, size_t *outleft);
int iconv_close(iconv_t cd);
#endif
EOF
cat > "$iconv/iconv.c" <<'EOF'
#include <windows.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "iconv.h"

typedef struct { UINT from, to; } conv;

/* The Windows code page of an encoding name ("ISO8859-1", "UTF-8", ...), or 0 if unknown. */
static UINT codepage(const char *name)
{
    static const struct { const char *name; UINT cp; } names[] = {
        {"UTF8", CP_UTF8}, {"SJIS", 932}, {"SHIFTJIS", 932}, {"CP932", 932}, {"BIG5", 950}, {"CP950", 950},
        {"CP437", 437}, {"LATIN1", 28591}, {"ISO88591", 28591}, {"ISO88592", 28592}, {"ISO88593", 28593},
        {"ISO88594", 28594}, {"ISO88595", 28595}, {"ISO88596", 28596}, {"ISO88597", 28597}, {"ISO88598", 28598},
        {"ISO88599", 28599}, {"ISO885911", 874}, {"ISO885913", 28603}, {"ISO885915", 28605},
    };
    char key[32];
    size_t n = 0, i;
    for (; *name && n < sizeof(key) - 1; name++)
        if (*name != '-' && *name != '_')
            key[n++] = (char)(*name >= 'a' && *name <= 'z' ? *name - 'a' + 'A' : *name);
    key[n] = 0;
    for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (!strcmp(key, names[i].name))
            return names[i].cp;
    return 0;
}

iconv_t iconv_open(const char *tocode, const char *fromcode)
{
    conv *c;
    UINT to = codepage(tocode), from = codepage(fromcode);
    if (!to || !from || !IsValidCodePage(to) || !IsValidCodePage(from)) {
        errno = EINVAL;
        return (iconv_t)-1;
    }
    if (!(c = malloc(sizeof(*c)))) {
        errno = ENOMEM;
        return (iconv_t)-1;
    }
    c->from = from;
    c->to = to;
    return c;
}

int iconv_close(iconv_t cd)
{
    free(cd);
    return 0;
}

size_t iconv(iconv_t cd, char **inbuf, size_t *inleft, char **outbuf, size_t *outleft)
{
    conv *c = cd;
    WCHAR *wide;
    int nwide, nout;
    BOOL lossy = FALSE;
    if (!inbuf || !*inbuf || !*inleft)
        return 0; /* no shift state to reset or flush */
    if (*inleft > 0x7fffffff)
        return errno = E2BIG, (size_t)-1;
    nwide = MultiByteToWideChar(c->from, MB_ERR_INVALID_CHARS, *inbuf, (int)*inleft, NULL, 0);
    if (nwide <= 0)
        return errno = EILSEQ, (size_t)-1;
    if (!(wide = malloc(nwide * sizeof(WCHAR))))
        return errno = ENOMEM, (size_t)-1;
    MultiByteToWideChar(c->from, MB_ERR_INVALID_CHARS, *inbuf, (int)*inleft, wide, nwide);
    /* Windows' CP950 and CP932 take their user-defined areas (to U+E000-U+F8FF) where GNU iconv's BIG-5 and SJIS
       refuse them: refused here too, or zbar would take SJIS text in byte mode for BIG-5. */
    if (c->from != CP_UTF8) {
        int i;
        for (i = 0; i < nwide; i++)
            if (wide[i] >= 0xE000 && wide[i] <= 0xF8FF) {
                free(wide);
                return errno = EILSEQ, (size_t)-1;
            }
    }
    nout = c->to == CP_UTF8 ? WideCharToMultiByte(CP_UTF8, WC_ERR_INVALID_CHARS, wide, nwide, NULL, 0, NULL, NULL)
                            : WideCharToMultiByte(c->to, 0, wide, nwide, NULL, 0, NULL, &lossy);
    if (nout <= 0 || lossy) {
        free(wide);
        return errno = EILSEQ, (size_t)-1;
    }
    if ((size_t)nout > *outleft) {
        free(wide);
        return errno = E2BIG, (size_t)-1;
    }
    WideCharToMultiByte(c->to, c->to == CP_UTF8 ? WC_ERR_INVALID_CHARS : 0, wide, nwide, *outbuf, nout, NULL,
                        c->to == CP_UTF8 ? NULL : &lossy);
    free(wide);
    *inbuf += *inleft;
    *inleft = 0;
    *outbuf += nout;
    *outleft -= nout;
    return 0;
}
EOF
$HOST-gcc -O2 -Wall -I"$iconv/include" -c "$iconv/iconv.c" -o "$iconv/iconv.o"
$HOST-ar rcs "$iconv/lib/libiconv.a" "$iconv/iconv.o"

cd "$src"
autoreconf -fi >/dev/null 2>&1 || autoreconf -fi  # quiet unless it fails
# lt_cv_deplibs_check_method=pass_all: libtool would otherwise drop the static libiconv.a from the DLL's link
# (on Windows it only links import libraries into a DLL). -static-libgcc: no libgcc_s_seh-1.dll; no timestamp: the same
# source gives the same DLL. zbar's timers call clock_gettime, which mingw-w64 has in winpthreads: its static
# archive, not libwinpthread-1.dll.
./configure -q --host=$HOST --prefix=/usr/$HOST --enable-shared --disable-static \
  --disable-video --without-x --without-xshm --without-xv --without-directshow --without-jpeg \
  --without-imagemagick --without-graphicsmagick --without-gtk --without-gir --without-python --without-qt \
  --without-qt6 --without-java --without-dbus --without-npapi --disable-doc --disable-nls --disable-pthread \
  lt_cv_deplibs_check_method=pass_all ac_cv_search_clock_gettime=/usr/$HOST/lib/libwinpthread.a \
  CPPFLAGS="-I$iconv/include" CFLAGS="-O2" LDFLAGS="-L$iconv/lib -static-libgcc -Wl,--no-insert-timestamp" >"$WORK/build/configure.log" 2>&1 \
  || { tail -30 "$WORK/build/configure.log" >&2; echo "configure failed: see $src/config.log" >&2; exit 1; }
# Its compiler warnings (zbar's own) go to make.log, as does everything else, unless the build fails.
make -s -j"$(nproc)" -C zbar libzbar.la >"$WORK/build/make.log" 2>&1 \
  || { tail -40 "$WORK/build/make.log" >&2; exit 1; }

dll=$(find zbar/.libs -maxdepth 1 -name 'libzbar-*.dll' | head -1)
[ -n "$dll" ] || { echo "no DLL was built" >&2; exit 1; }
SOURCE_DATE_EPOCH=0 $HOST-strip --strip-unneeded -o "$OUT/libzbar-64.dll" "$dll"  # the epoch: strip would stamp now
# Refuse a DLL that needs anything beyond Windows' own DLLs (libiconv, libgcc, libwinpthread, ...).
imports=$($HOST-objdump -p "$OUT/libzbar-64.dll" | sed -n 's/^\tDLL Name: //p' | tr 'a-z' 'A-Z')
extra=$(echo "$imports" | grep -vxE 'KERNEL32.DLL|MSVCRT.DLL|USER32.DLL|GDI32.DLL|WINMM.DLL|ADVAPI32.DLL|API-MS-WIN-.*' || true)
[ -z "$extra" ] || { echo "libzbar-64.dll needs non-system DLLs: $extra" >&2; exit 1; }
echo "zbar $ZBAR_VERSION -> $OUT/libzbar-64.dll ($(stat -c %s "$OUT/libzbar-64.dll") bytes; imports: $(echo $imports))" \
  "in $((SECONDS - started)) s"
