; Cueline's Windows installer: wraps the PyInstaller folder (dist\cueline) into CuelineSetup-VERSION.exe.
; Built by packaging\build_windows.ps1 on a Windows runner, or anywhere NSIS runs:
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=C:\build\dist\cueline /DOUTFILE=C:\build\CuelineSetup-0.1.0.exe cueline.nsi
; Per-machine install into Program Files, Start menu entry, uninstaller listed in "Apps & features".
; VLC is not bundled (python-vlc loads libvlc.dll from an installed 64-bit VLC): the installer checks for it.

Unicode true
ManifestDPIAware true
!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z ..."
!endif
!ifndef SOURCE_DIR
  !error "Pass the PyInstaller folder: makensis /DSOURCE_DIR=...\dist\cueline ..."
!endif
!ifndef OUTFILE
  !define OUTFILE "CuelineSetup-${VERSION}.exe"
!endif
!define ICON "${__FILEDIR__}\..\..\resources\icons\cueline.ico"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Cueline"
!define VLC_KEY "Software\VideoLAN\VLC"
!define VLC_DOWNLOAD "https://www.videolan.org/vlc/"
!define VLC_MISSING "Cueline plays video through VLC, which is not installed (64-bit VLC 3 is needed).$\r$\n$\r$\nCaptions can be edited without it, but the video pane stays empty until VLC is installed.$\r$\n$\r$\nOpen the VLC download page now?"

Name "Cueline"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\Cueline"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
BrandingText "Cueline ${VERSION}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Cueline"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "FileDescription" "Cueline caption editor installer"
VIAddVersionKey "LegalCopyright" "Cueline authors"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\cueline.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Open Cueline"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "Cueline needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64  ; after this, not through InstallDirRegKey, which would read the 32-bit registry view
  ReadRegStr $0 HKLM "${UNINSTALL_KEY}" "InstallLocation"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
FunctionEnd

Function un.onInit
  SetRegView 64
FunctionEnd

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

Section "Cueline" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  File "${SOURCE_DIR}\cueline.exe"
  File "${SOURCE_DIR}\cueline-cmd.exe"
  File "${SOURCE_DIR}\cueline-selfcheck.exe"
  File /r "${SOURCE_DIR}\_internal"
  WriteUninstaller "$INSTDIR\Uninstall Cueline.exe"

  CreateShortcut "$SMPROGRAMS\Cueline.lnk" "$INSTDIR\cueline.exe" "" "$INSTDIR\cueline.exe" 0

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "Cueline"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "Cueline authors"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\cueline.exe"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall Cueline.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall Cueline.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" "$0"

  Call WarnIfVlcMissing
SectionEnd

; Removes only what the installer put there, so a folder chosen by mistake (say C:\Program Files) survives.
Section "Uninstall"
  Delete "$SMPROGRAMS\Cueline.lnk"
  Delete "$INSTDIR\cueline.exe"
  Delete "$INSTDIR\cueline-cmd.exe"
  Delete "$INSTDIR\cueline-selfcheck.exe"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\Uninstall Cueline.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
SectionEnd
