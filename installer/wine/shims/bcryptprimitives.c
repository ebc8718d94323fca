/* Wine-only test shim (Debian 12's Wine 8.0 lacks bcryptprimitives.dll, which Windows 10/11 ship and Rust's
   standard library calls for random bytes): ProcessPrng answered by RtlGenRandom (advapi32's SystemFunction036). */
#include <windows.h>
typedef BOOLEAN (WINAPI *gen_random)(PVOID, ULONG);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    static gen_random fill;
    if (!fill) fill = (gen_random)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
    while (size) {
        ULONG chunk = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!fill || !fill(data, chunk)) return FALSE;
        data += chunk; size -= chunk;
    }
    return TRUE;
}
