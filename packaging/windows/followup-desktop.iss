; Inno Setup script: a per-user Windows installer around the one-folder build.
;
; Not built in CI (there is no Windows machine); on Windows, after
;   python -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\followup_desktop.spec
; run, from the repository root,
;   iscc /DAppVersion=0.1.0 packaging\windows\followup-desktop.iss
; which writes dist\followup-desktop-<version>-windows-x64-setup.exe.
;
; Per user: no administrator rights, installed under %LOCALAPPDATA%\Programs. The optional
; "start at login" task writes the same HKCU Run value (name and command) as the app's own
; setting (followup_desktop/desktop/autostart.py), so the two always agree.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Follow-up Desktop"
#define AppExe "followup-desktop.exe"
#define RunValueName "Follow-up Desktop"

[Setup]
; Never change the AppId: upgrades and uninstalls find earlier installs by it.
AppId={{3A802029-A089-4FC2-B1B7-DCB9B4B54EE2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=followup-desktop-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
; Closes a running copy before files are replaced, and starts it again afterwards.
CloseApplications=yes
RestartApplications=yes
#if FileExists(AddBackslash(SourcePath) + "followup-desktop.ico")
SetupIconFile=followup-desktop.ico
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.StartAtLogin=Start {#AppName} when I sign in (it waits in the notification area)
english.StartGroup=Starting:

[Tasks]
Name: "startatlogin"; Description: "{cm:StartAtLogin}"; GroupDescription: "{cm:StartGroup}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\followup-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole program folder: no file of an older build lingers in it.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: string; ValueName: "{#RunValueName}"; ValueData: """{app}\{#AppExe}"" --minimized"; Tasks: startatlogin
; Uninstalling removes the Run value whoever wrote it (this installer or the app's setting):
; it would point at a program that is gone.
Root: HKCU; Subkey: "Software\Microsoft\Windows\CurrentVersion\Run"; ValueType: none; ValueName: "{#RunValueName}"; Flags: uninsdeletevalue dontcreatekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The data folder (%LOCALAPPDATA%\followup-desktop) is the user's: never removed here.
