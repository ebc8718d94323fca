; Inno Setup 6 script: one setup program for the site laptops, from the PyInstaller bundle dist\station-app.
;   iscc /DAppVersion=0.2.0 installer\windows\station-app.iss      (build.ps1 passes the project's version)
; Per-machine install under Program Files, Start menu and (optional) desktop shortcuts, Vietnamese and English
; texts. An upgrade is the same AppId installed over the older version: the program files are replaced, the data
; folder (per user, %LOCALAPPDATA%\SoYTeLaiChau\station-app) is never touched, and the app migrates the database
; on its next start (after a backup copy). Uninstalling keeps the data folder unless the user answers Yes.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z station-app.iss (installer\windows\build.ps1 does it)
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\station-app"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#define AppName "Station App"
#define AppExe "station-app.exe"
#define CliExe "station-app-cli.exe"
; The data folder is platformdirs' user_data_dir(APP_NAME, APP_AUTHOR) of station_app/app.py:
; tests/packaging/test_windows_platform.py keeps these two in step with it.
#define DataAuthor "SoYTeLaiChau"
#define DataName "station-app"

[Setup]
; Never change the AppId: it is what makes a newer setup an upgrade of the installed one.
AppId={{6F1E2A53-3C8B-4D0A-9B7E-5A2C41D8E907}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Sở Y tế Lai Châu
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=station-app-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\station-app.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes
; the program must not be running while its files are replaced (an upgrade) or removed
CloseApplications=yes
RestartApplications=no
; the uninstaller reads the current user's %LOCALAPPDATA% only when asked to remove that user's data
UsedUserAreasWarning=no

[Languages]
Name: "vi"; MessagesFile: "Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
vi.SelfTestName=Kiểm tra máy (Station App)
en.SelfTestName=Check this laptop (Station App)
vi.RemoveDataQuestion=Có XOÁ LUÔN dữ liệu của trạm trên máy này không?%n%nThư mục dữ liệu:%n%1%n%nDữ liệu gồm cơ sở dữ liệu khám, các bản sao lưu và khoá của trạm. Chỉ xoá khi dữ liệu đã được xuất và cơ quan y tế đã nhận. Chọn "Không" (No, nên chọn) để giữ lại dữ liệu; cài lại hoặc cài bản mới sẽ dùng tiếp dữ liệu này.
en.RemoveDataQuestion=Also DELETE the station's data on this computer?%n%nData folder:%n%1%n%nIt holds the exam database, its backups and the station key. Delete it only when its data has been exported and received by the health office. Choose "No" (recommended) to keep it; installing again, or a newer version, goes on with this data.
vi.DataKept=Dữ liệu của trạm được giữ lại trong:%n%1
en.DataKept=The station's data was kept in:%n%1

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle: no library of the older version is left beside the new ones.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autoprograms}\{cm:SelfTestName}"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" self-test"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function DataFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataAuthor}\{#DataName}');
end;

function TrainingFolder(): String;
begin
  Result := ExpandConstant('{localappdata}\{#DataAuthor}\{#DataName}-taphuan');
end;

{ After the program files are gone: the data stays unless the user answers Yes (the default button is No, and
  a silent uninstall, /SILENT or /VERYSILENT, never deletes data). }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not DirExists(DataFolder()) then
    exit;
  if UninstallSilent() then
    exit;
  if MsgBox(FmtMessage(CustomMessage('RemoveDataQuestion'), [DataFolder()]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(DataFolder(), True, True, True);
    DelTree(TrainingFolder(), True, True, True);
  end
  else
    MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder()]), mbInformation, MB_OK);
end;
