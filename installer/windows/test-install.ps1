<#
.SYNOPSIS
  Installs the setup program silently, checks the installed program, upgrades over it, uninstalls, and checks
  that the station's data folder is still there. For a Windows build machine or CI (needs administrator rights).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\windows\test-install.ps1 dist\station-app-setup-0.2.0.exe
#>
param([Parameter(Mandatory = $true)][string]$Setup)
$ErrorActionPreference = "Stop"
$setupPath = (Resolve-Path $Setup).Path
$app = Join-Path $env:ProgramFiles "Station App"
$cli = Join-Path $app "station-app-cli.exe"
$data = Join-Path $env:LOCALAPPDATA "SoYTeLaiChau\station-app"
$env:QT_QPA_PLATFORM = "offscreen"

function Invoke-Checked([string]$exe, [string[]]$arguments) {
  & $exe @arguments
  if ($LASTEXITCODE -ne 0) { throw "$exe $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}
function Install-Setup {
  $p = Start-Process $setupPath -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/LOG=$env:TEMP\station-setup.log" -Wait -PassThru
  if ($p.ExitCode -ne 0) { Get-Content "$env:TEMP\station-setup.log" -Tail 30; throw "setup exited with $($p.ExitCode)" }
}

Write-Host "== install"
Install-Setup
if (-not (Test-Path (Join-Path $app "station-app.exe"))) { throw "station-app.exe not installed in $app" }
if (-not (Test-Path "$env:ProgramData\Microsoft\Windows\Start Menu\Programs\Station App.lnk")) { throw "no Start menu shortcut" }
Invoke-Checked $cli @("--version")
if (-not (Test-Path (Join-Path $app "_internal\pyzbar\msvcr120.dll"))) { throw "the Visual C++ 2013 runtime for zbar is not beside libzbar-64.dll" }

Write-Host "== a station in the user's data folder, then the self-test"
$env:TEST_PW = "windows-test-2026"
Invoke-Checked $cli @("init", "--station-code", "WINTEST01", "--station-name", "Trạm thử", "--commune", "03637",
  "--admin", "quantri", "--admin-name", "Quản trị thử", "--password-env", "TEST_PW")
if (-not (Test-Path (Join-Path $data "station.sqlite3"))) { throw "no database in $data" }
Invoke-Checked $cli @("self-test")

Write-Host "== upgrade (the same setup over the installed one: same AppId)"
Install-Setup
Invoke-Checked $cli @("audit", "verify")

Write-Host "== uninstall (silent: the data folder must stay)"
$uninstaller = Get-ChildItem $app -Filter "unins*.exe" | Select-Object -First 1
$p = Start-Process $uninstaller.FullName -ArgumentList "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART" -Wait -PassThru
if ($p.ExitCode -ne 0) { throw "uninstall exited with $($p.ExitCode)" }
Start-Sleep -Seconds 3   # the uninstaller removes itself from a copy that ends a moment later
if (Test-Path (Join-Path $app "station-app.exe")) { throw "program files left in $app" }
if (-not (Test-Path (Join-Path $data "station.sqlite3"))) { throw "the data folder was removed" }
Write-Host "PASSED: installed, self-tested, upgraded and uninstalled; data kept in $data"
