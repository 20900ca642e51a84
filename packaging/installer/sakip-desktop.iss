; SAKIP Desktop: Windows installer (Inno Setup 6.5 or newer).
;
; Per-user: no administrator rights (PrivilegesRequired=lowest); the program goes to
; %LOCALAPPDATA%\Programs\SAKIP Desktop, the shortcuts to the user's Start menu (and,
; when ticked, the desktop). The user's data (%LOCALAPPDATA%\SAKIP Desktop: database,
; backups, settings) is never touched by an update, and the uninstaller removes it only
; when the user says so (default: keep).
;
; Compiled by packaging/build.py (Windows) with the values below passed as /D options:
;   ISCC /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 /DSourceDir=...\dist\sakip-desktop
;        /DOutputDir=...\dist /DIconFile=...\build\aset\sakip.ico sakip-desktop.iss
; Indonesian.isl is Inno Setup's contributed Indonesian translation; the CI workflow
; fetches it next to this file (it is not part of the Inno Setup installer).

#ifndef AppVersion
  #error AppVersion belum diberikan (/DAppVersion=...); jalankan lewat packaging/build.py
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\sakip-desktop"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\aset\sakip.ico"
#endif
#define AppName "SAKIP Desktop"
#define AppExe "sakip-desktop.exe"
; Where platformdirs puts the user's data (sakip_desktop/storage/database.py, folder_data)
#define DataDir "{localappdata}\SAKIP Desktop"

[Setup]
AppId={{8F1C2B7E-5D1A-4E0B-9A43-5A4B1D7C0E21}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Tim SAKIP Desktop
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=SAKIP-Desktop-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "id"; MessagesFile: "Indonesian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
id.HapusDataTanya=Hapus juga data SAKIP Desktop di komputer ini?%n%n%1%n%nFolder ini berisi basis data, cadangan dan pengaturan. Pilih Tidak untuk menyimpannya (disarankan bila Anda akan memasang ulang atau memindahkan data).
en.HapusDataTanya=Also delete the SAKIP Desktop data on this computer?%n%n%1%n%nThis folder holds the database, backups and settings. Choose No to keep it (recommended if you will reinstall or move the data).

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's bundle goes first: a module dropped in this version must not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Files the program itself may leave in its folder (never the user's data folder).
Type: filesandordirs; Name: "{app}\_internal\sakip_desktop\storage\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\sakip_desktop\storage\migrations\versions\__pycache__"

[Code]
{ Ask, only in an interactive uninstall, whether the user's data goes too; default No. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Folder := ExpandConstant('{#DataDir}');
  if UninstallSilent or not DirExists(Folder) then
    exit;
  if MsgBox(FmtMessage(CustomMessage('HapusDataTanya'), [Folder]), mbConfirmation,
            MB_YESNO or MB_DEFBUTTON2) = IDYES then
    DelTree(Folder, True, True, True);
end;
