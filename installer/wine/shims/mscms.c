/* Wine only: Qt 6.12's Windows platform plugin (qwindows.dll) asks mscms.dll for the screen's colour profile, and
   Wine 8's mscms aborts the program in WcsCreateIccProfile ("unimplemented function"). This stand-in answers "no
   profile" to the four functions qwindows.dll imports, so Qt uses sRGB, as on a Windows screen without a profile.
   Loaded instead of Wine's own by WINEDLLOVERRIDES=mscms=n; never shipped. */
#include <windows.h>
typedef HANDLE HPROFILE;
HPROFILE WINAPI OpenColorProfileW(void *profile, DWORD access, DWORD share, DWORD creation) {
    (void)profile; (void)access; (void)share; (void)creation;
    SetLastError(ERROR_FILE_NOT_FOUND);
    return NULL;
}
BOOL WINAPI CloseColorProfile(HPROFILE profile) { (void)profile; return TRUE; }
BOOL WINAPI GetColorProfileFromHandle(HPROFILE profile, BYTE *buffer, DWORD *size) {
    (void)profile; (void)buffer; (void)size;
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}
HPROFILE WINAPI WcsCreateIccProfile(HPROFILE profile, DWORD options) {
    (void)profile; (void)options;
    SetLastError(ERROR_NOT_SUPPORTED);
    return NULL;
}
