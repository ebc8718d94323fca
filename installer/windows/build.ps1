<#
.SYNOPSIS
  Builds the Windows setup program dist\station-app-setup-<version>.exe from a clean checkout, in one command.

.DESCRIPTION
  1. a build venv of its own (build\venv) with exactly requirements.lock + requirements-build.lock;
  2. the .qm translations (scripts\translations.py build);
  3. the PyInstaller one-folder bundle dist\station-app (installer\pyinstaller\station_app.spec):
     station-app.exe (windowed, for the shortcuts) and station-app-cli.exe (console, for IT scripts);
     with -ZbarDll, that file replaces pyzbar's _internal\pyzbar\libzbar-64.dll: pyzbar 0.1.9's wheel ships
     zbar 0.10, which has no QR binary mode, so without it the self-test reports "Đọc mã QR" as LỖI (a warning
     says so); scripts/build-zbar-win.sh OUT (on Debian/Ubuntu) makes a zbar 0.23 OUT\libzbar-64.dll;
  4. a smoke test of the bundle (version, training station, self-test) under the offscreen Qt platform;
  5. Inno Setup 6 (ISCC.exe) with the project's version: dist\station-app-setup-<version>.exe.
  Runs from any folder; needs Python 3.11 (x64) and Inno Setup 6 installed. See installer\README.md.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 -Python "C:\Python311\python.exe"
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 -ZbarDll zbar-win\libzbar-64.dll
    (the zbar 0.23 DLL made by scripts/build-zbar-win.sh, as the windows-installer workflow does)
  powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 -Edition office
    (the receiving office's bundle dist\station-app-office, with the network service, PostgreSQL and FHIR
    validation; no setup program: copy the folder to the office's machine)
#>
param(
  [string]$Python = "",          # the Python 3.11 to make the build venv with (default: py -3.11, else python)
  [switch]$SkipInstaller,        # stop after the bundle (no Inno Setup needed)
  [string]$ZbarDll = "",         # a libzbar-64.dll with QR binary mode (zbar >= 0.23) to put in the bundle
  [ValidateSet("station", "office")][string]$Edition = "station"  # installer\pyinstaller\station_app.spec
)
$ErrorActionPreference = "Stop"
if ($ZbarDll) { $ZbarDll = (Resolve-Path $ZbarDll).Path }   # relative to the caller's folder, before Set-Location
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root
$started = Get-Date

function Invoke-Checked([string]$exe, [string[]]$arguments) {
  & $exe @arguments
  if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$version = (Select-String -Path "station_app\__init__.py" -Pattern '^__version__ = "([^"]+)"').Matches[0].Groups[1].Value
if (-not $version) { throw "no __version__ in station_app\__init__.py" }
Write-Host "== station-app $version"

# 1. build venv from the locks
$venvPython = Join-Path $root "build\venv\Scripts\python.exe"
if (-not (Test-Path $venvPython)) {
  if ($Python) { Invoke-Checked $Python @("-m", "venv", "build\venv") }
  elseif (Get-Command py -ErrorAction SilentlyContinue) { Invoke-Checked "py" @("-3.11", "-m", "venv", "build\venv") }
  else { Invoke-Checked "python" @("-m", "venv", "build\venv") }
}
Invoke-Checked $venvPython @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $venvPython @("-m", "pip", "install", "-q", "-r", "requirements.lock", "-r", "requirements-build.lock")
$env:PATH = "$(Join-Path $root 'build\venv\Scripts');$env:PATH"   # pyside6-lrelease.exe for the translations

# 2. translations
Invoke-Checked $venvPython @("scripts\translations.py", "build")

# 3. the bundle
$bundle = if ($Edition -eq "office") { "dist\station-app-office" } else { "dist\station-app" }
$env:STATION_APP_EDITION = $Edition
if (Test-Path $bundle) { Remove-Item $bundle -Recurse -Force }
Invoke-Checked $venvPython @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", "dist",
  "--workpath", "build\pyinstaller", "installer\pyinstaller\station_app.spec")

# pyzbar's libzbar-64.dll: the wheel's is zbar 0.10, without the QR binary mode that the second QR decoder asks
# for; -ZbarDll replaces it (scripts/build-zbar-win.sh makes one that needs only Windows' own DLLs).
$zbarDir = "$bundle\_internal\pyzbar"
if (-not (Test-Path "$zbarDir\libzbar-64.dll")) { throw "libzbar-64.dll missing from the bundle ($zbarDir)" }
if ($ZbarDll) {
  Copy-Item $ZbarDll "$zbarDir\libzbar-64.dll" -Force
  Write-Host "== $zbarDir\libzbar-64.dll replaced by $ZbarDll"
} else {
  Write-Warning ("no -ZbarDll: the bundle keeps pyzbar's libzbar-64.dll (zbar 0.10), which has no QR binary mode; " +
    "the self-test will report 'Đọc mã QR' as LỖI. Make a zbar 0.23 DLL with scripts/build-zbar-win.sh OUT " +
    "(Debian/Ubuntu) and pass -ZbarDll OUT\libzbar-64.dll")
}
# pyzbar's libiconv.dll (loaded before libzbar-64.dll, whichever zbar it is) and the wheel's zbar 0.10 need the
# Visual C++ 2013 runtime (MSVCR120.dll), which a fresh Windows 10/11 lacks and PyInstaller does not see (ctypes
# loads them at run time): it goes beside them, where Windows looks first for those DLLs' own dependencies.
if (-not (Test-Path "$zbarDir\msvcr120.dll")) {
  $runtime = Join-Path $env:SystemRoot "System32\msvcr120.dll"
  if (-not (Test-Path $runtime)) {
    throw "MSVCR120.dll not found on this build machine: install the Visual C++ 2013 x64 runtime (vcredist_x64.exe of Visual Studio 2013, or: choco install vcredist2013) and run again"
  }
  Copy-Item $runtime $zbarDir
}

# 4. smoke test: the console program, in a throwaway data folder
$cli = Join-Path $root "$bundle\station-app-cli.exe"
$env:QT_QPA_PLATFORM = "offscreen"
$got = (& $cli --version | Out-String).Trim()
if ($got -ne "station-app $version") { throw "station-app-cli --version said '$got', expected 'station-app $version'" }
$work = Join-Path ([System.IO.Path]::GetTempPath()) ("station-smoke-" + [guid]::NewGuid().ToString("N"))
try {
  Invoke-Checked $cli @("--data-dir", "$work\demo", "demo", "--residents", "50")
  Invoke-Checked $cli @("--data-dir", "$work\demo", "self-test")   # exit 0 when no line is an error
} finally {
  Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
  Remove-Item Env:QT_QPA_PLATFORM
}
$size = [math]::Round(((Get-ChildItem $bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB), 1)
Write-Host "== ${bundle}: $size MiB"
if ($SkipInstaller -or $Edition -eq "office") { return }   # the setup program wraps the stations' bundle

# 5. the setup program
$iscc = (Get-Command "ISCC.exe" -ErrorAction SilentlyContinue).Source
if (-not $iscc) {
  foreach ($dir in @("${env:ProgramFiles(x86)}\Inno Setup 6", "$env:ProgramFiles\Inno Setup 6", "$env:LOCALAPPDATA\Programs\Inno Setup 6")) {
    if (Test-Path "$dir\ISCC.exe") { $iscc = "$dir\ISCC.exe"; break }
  }
}
if (-not $iscc) { throw "Inno Setup 6 not found (ISCC.exe): install it from jrsoftware.org, or run with -SkipInstaller" }
Invoke-Checked $iscc @("/Qp", "/DAppVersion=$version", "installer\windows\station-app.iss")
$setup = Get-Item "dist\station-app-setup-$version.exe"
Write-Host ("== {0}: {1:N1} MiB, built in {2:N0} s" -f $setup.FullName, ($setup.Length / 1MB), ((Get-Date) - $started).TotalSeconds)
