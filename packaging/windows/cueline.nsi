; Cueline's Windows installer: wraps the PyInstaller folder (dist\cueline) into CuelineSetup-VERSION.exe.
; Built by packaging\build_windows.ps1 on a Windows runner, or anywhere NSIS 3 runs:
;   makensis /DVERSION=0.1.0rc1 /DVERSION_NUMERIC=0.1.0.0 /DSOURCE_DIR=C:\build\dist\cueline cueline.nsi
; Installs for the current user by default (%LOCALAPPDATA%\Programs\Cueline, no administrator needed); an
; administrator can choose "for all users" (Program Files) on the first page, or with /AllUsers when silent:
;   CuelineSetup.exe /S                 per user      CuelineSetup.exe /S /AllUsers   per machine (elevated)
; An upgrade replaces the whole program folder; the uninstaller removes everything the installer wrote.
; VLC is not bundled (python-vlc loads libvlc.dll from an installed 64-bit VLC): the installer checks for it.

Target amd64-unicode  ; a 64-bit installer for a 64-bit program (Unicode; no WOW64 registry or folder redirection)
ManifestDPIAware true

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z ..."
!endif
!ifndef VERSION_NUMERIC
  !error "Pass the numeric version for the file properties: makensis /DVERSION_NUMERIC=x.y.z.0 ..."
!endif
!ifndef SOURCE_DIR
  !error "Pass the PyInstaller folder: makensis /DSOURCE_DIR=...\dist\cueline ..."
!endif
!ifndef OUTFILE
  !define OUTFILE "CuelineSetup-${VERSION}.exe"
!endif
!define ICON "${__FILEDIR__}/../../resources/icons/cueline.ico"  ; "/" works for makensis on Windows and Linux
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Cueline"
!define SETTINGS_KEY "Software\Cueline"  ; QSettings("Cueline", "Cueline") of editor/app/settings.py
!define PROJECT_PROGID "Cueline.Project"
!define CAPTIONS_PROGID "Cueline.Captions"
!define VLC_KEY "Software\VideoLAN\VLC"
!define VLC_DOWNLOAD "https://www.videolan.org/vlc/"
!define VLC_MISSING "Cueline plays video through VLC, which is not installed (64-bit VLC 3 is needed).$\r$\n$\r$\nCaptions can be edited without it, but the video pane stays empty until VLC is installed.$\r$\n$\r$\nOpen the VLC download page now?"
!define STILL_RUNNING "Cueline is running. Close every Cueline window, then choose Retry."

; Per-user by default; an administrator may pick per-machine. The uninstaller finds the mode in the registry.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "Cueline"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallLocation"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${UNINSTALL_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallLocation"
!include "MultiUser.nsh"
!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "Cueline"
OutFile "${OUTFILE}"
SetCompressor /SOLID lzma
BrandingText "Cueline ${VERSION}"
VIProductVersion "${VERSION_NUMERIC}"
VIAddVersionKey "ProductName" "Cueline"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "Cueline caption editor installer"
VIAddVersionKey "LegalCopyright" "Cueline authors, GPL-3.0-or-later"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; The finish page starts Cueline through Explorer, so it never runs with the installer's elevated rights.
!define MUI_FINISHPAGE_RUN
!define MUI_FINISHPAGE_RUN_TEXT "Open Cueline"
!define MUI_FINISHPAGE_RUN_FUNCTION OpenCuelineUnelevated
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${__FILEDIR__}/../../LICENSE"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Cueline needs 64-bit Windows." /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Function OpenCuelineUnelevated
  Exec '"$WINDIR\explorer.exe" "$INSTDIR\cueline.exe"'
FunctionEnd

; Windows keeps a running program's file open: while cueline.exe cannot be opened for writing, Cueline runs
; from this folder (an editor or one of auto-sync's workers). Silent installs give up instead of asking.
!macro WAIT_UNTIL_CUELINE_CLOSED
  ${Do}
    ClearErrors
    ${IfNot} ${FileExists} "$INSTDIR\cueline.exe"
      ${Break}
    ${EndIf}
    FileOpen $0 "$INSTDIR\cueline.exe" a
    ${IfNot} ${Errors}
      FileClose $0
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${STILL_RUNNING}" /SD IDCANCEL IDRETRY +2
    Abort
  ${Loop}
!macroend

; python-vlc finds libvlc.dll through this key, which the 64-bit VLC installer writes.
Function WarnIfVlcMissing
  ReadRegStr $0 HKLM "${VLC_KEY}" "InstallDir"
  ${If} $0 == ""
  ${OrIfNot} ${FileExists} "$0\libvlc.dll"
    MessageBox MB_YESNO|MB_ICONINFORMATION "${VLC_MISSING}" /SD IDNO IDNO done
    ExecShell "open" "${VLC_DOWNLOAD}"
  ${EndIf}
  done:
FunctionEnd

; .cueline projects open in Cueline; .srt and .vtt list it under "Open with" without taking them over.
Function RegisterFileTypes
  WriteRegStr SHCTX "Software\Classes\${PROJECT_PROGID}" "" "Cueline project"
  WriteRegStr SHCTX "Software\Classes\${PROJECT_PROGID}\DefaultIcon" "" "$INSTDIR\cueline.exe,0"
  WriteRegStr SHCTX "Software\Classes\${PROJECT_PROGID}\shell\open\command" "" '"$INSTDIR\cueline.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.cueline" "" "${PROJECT_PROGID}"
  WriteRegStr SHCTX "Software\Classes\.cueline" "Content Type" "application/x-cueline"
  WriteRegStr SHCTX "Software\Classes\${CAPTIONS_PROGID}" "" "Captions"
  WriteRegStr SHCTX "Software\Classes\${CAPTIONS_PROGID}\DefaultIcon" "" "$INSTDIR\cueline.exe,0"
  WriteRegStr SHCTX "Software\Classes\${CAPTIONS_PROGID}\shell\open\command" "" '"$INSTDIR\cueline.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.srt\OpenWithProgids" "${CAPTIONS_PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\.vtt\OpenWithProgids" "${CAPTIONS_PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\Applications\cueline.exe" "FriendlyAppName" "Cueline"
  WriteRegStr SHCTX "Software\Classes\Applications\cueline.exe\SupportedTypes" ".cueline" ""
  WriteRegStr SHCTX "Software\Classes\Applications\cueline.exe\SupportedTypes" ".srt" ""
  WriteRegStr SHCTX "Software\Classes\Applications\cueline.exe\SupportedTypes" ".vtt" ""
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
FunctionEnd

Function un.UnregisterFileTypes
  ReadRegStr $0 SHCTX "Software\Classes\.cueline" ""
  ${If} $0 == "${PROJECT_PROGID}"
    DeleteRegKey SHCTX "Software\Classes\.cueline"
  ${EndIf}
  DeleteRegValue SHCTX "Software\Classes\.srt\OpenWithProgids" "${CAPTIONS_PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.vtt\OpenWithProgids" "${CAPTIONS_PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.srt\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.srt"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.vtt\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.vtt"
  DeleteRegKey SHCTX "Software\Classes\${PROJECT_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\${CAPTIONS_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\cueline.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
FunctionEnd

Function WriteUninstallEntry
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "Cueline"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "Cueline authors"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\cueline.exe"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall Cueline.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall Cueline.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
FunctionEnd

Section "Cueline" SecMain
  SectionIn RO
  !insertmacro WAIT_UNTIL_CUELINE_CLOSED
  RMDir /r "$INSTDIR\_internal"  ; an upgrade keeps no file of the previous version
  SetOutPath "$INSTDIR"
  File "${SOURCE_DIR}\cueline.exe"
  File "${SOURCE_DIR}\cueline-cmd.exe"
  File "${SOURCE_DIR}\cueline-selfcheck.exe"
  File /r "${SOURCE_DIR}\_internal"
  WriteUninstaller "$INSTDIR\Uninstall Cueline.exe"
  CreateShortcut "$SMPROGRAMS\Cueline.lnk" "$INSTDIR\cueline.exe" "" "$INSTDIR\cueline.exe" 0
  Call RegisterFileTypes
  Call WriteUninstallEntry
  Call WarnIfVlcMissing
SectionEnd

; Removes only what the installer put there, so a folder chosen by mistake (say C:\Program Files) survives;
; the user's settings go too, the recovery files of unsaved work stay.
Section "Uninstall"
  !insertmacro WAIT_UNTIL_CUELINE_CLOSED
  Delete "$SMPROGRAMS\Cueline.lnk"
  Delete "$INSTDIR\cueline.exe"
  Delete "$INSTDIR\cueline-cmd.exe"
  Delete "$INSTDIR\cueline-selfcheck.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Uninstall Cueline.exe"
  RMDir "$INSTDIR"
  Call un.UnregisterFileTypes
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
SectionEnd
